// Shared pieces of the two Java flavours: UTF-8 output, the key, and printing reasoning/answer.
// Nothing typed by a person is written here except through javaString (see quoting.ts).
import type { CodeBuilder } from './codeBuilder';
import { javaString } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  missingKeyMessage,
  outputHeadings,
  type ApiKeyOptions,
} from './shared';
import type { CodeLanguageInfo } from './target';
import { imagePathComment, imageReadersNeeded, type ExportedImage } from './images';

export const javaLanguage = {
  id: 'java',
  label: 'Java',
  fileName: 'GlmRequest.java',
  monacoLanguage: 'java',
  mimeType: 'text/x-java-source',
} as const satisfies CodeLanguageInfo;

export const javaClassName = 'GlmRequest';

/** UTF-8 stdout whatever the platform default, so CJK and emoji print correctly. */
export function writeOutputField(code: CodeBuilder): void {
  code.line(
    'static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);',
  );
}

export function writeApiKey(code: CodeBuilder, options: ApiKeyOptions): void {
  const key = embeddedKey(options);
  if (key) {
    code.line(`// ${embeddedKeyWarning}`);
    code.line(`String apiKey = ${javaString(key)};`);
    return;
  }
  code.line(`String apiKey = System.getenv("${apiKeyVariable}");`);
  code.line('if (apiKey == null || apiKey.trim().isEmpty()) {');
  code.line(`    System.err.println("${missingKeyMessage}");`);
  code.line('    System.exit(1);');
  code.line('}');
}

/**
 * `show(kind, text)`: prints reasoning, answer and tool-call arguments under their own headings, as they arrive;
 * `showToolCall` joins a call's argument pieces by index (docs/wire-format.md#streamed-tool-calls) and
 * `printToolCalls` prints each call whole once the stream has ended.
 */
export function writeStreamPrinter(code: CodeBuilder): void {
  code.line('static String section = null;');
  code.line('/** Streamed tool calls by index: { name, the arguments joined so far }. */');
  code.line('static final java.util.Map<Integer, String[]> toolCalls = new java.util.TreeMap<>();');
  code.line();
  code.line('static void show(String kind, Object value) {');
  code.line('    show(kind, value, null);');
  code.line('}');
  code.line();
  code.line('/** Prints reasoning, then the answer, each under its own heading. */');
  code.block(
    'static void show(String kind, Object value, String heading) {',
    () => {
      code.line('if (!(value instanceof String) || ((String) value).isEmpty()) return;');
      code.line('String text = (String) value;');
      code.block(
        'if (!kind.equals(section)) {',
        () => {
          code.line(
            'if (kind.equals("answer") && text.trim().isEmpty()) return; // whitespace before the answer starts',
          );
          code.line(
            `if (heading == null) heading = kind.equals("reasoning") ? "${outputHeadings.reasoning}" : "${outputHeadings.answer}";`,
          );
          code.line('OUT.println((section == null ? "" : "\\n\\n") + heading);');
          code.line('section = kind;');
        },
        '}',
      );
      code.line('OUT.print(text);');
      code.line('OUT.flush();');
    },
    '}',
  );
  code.line();
  code.line(
    "/** Joins a streamed tool call's argument pieces by index; the first piece of an index brings its name. */",
  );
  code.block(
    'static void showToolCall(int index, Object name, Object arguments) {',
    () => {
      code.line('String[] call = toolCalls.computeIfAbsent(index, key -> new String[] {null, ""});');
      code.line('if (call[0] == null && name instanceof String) call[0] = (String) name;');
      code.line('if (arguments instanceof String) call[1] += (String) arguments;');
      code.line(
        `show("tool " + index, arguments, "${outputHeadings.toolCallPrefix} " + index + ": " + call[0] + " ===");`,
      );
    },
    '}',
  );
  code.line();
  code.line('/** Each streamed tool call whole (its pieces joined by index), once the stream has ended. */');
  code.block(
    'static void printToolCalls() {',
    () => {
      code.line(`if (!toolCalls.isEmpty()) OUT.println("\\n${outputHeadings.toolCalls}");`);
      code.line('for (java.util.Map.Entry<Integer, String[]> call : toolCalls.entrySet())');
      code.line('    OUT.println(call.getKey() + ": " + call.getValue()[0] + " " + call.getValue()[1]);');
    },
    '}',
  );
}

/** `imageDataUrl(path, mimeType)` and/or `imageBase64(path)`: a file's bytes as the images are sent (images.ts). */
export function writeImageReader(code: CodeBuilder, images: readonly ExportedImage[]): void {
  const readers = imageReadersNeeded(images);
  if (readers.dataUrl) {
    code.line('/** The file at path as a data: URL, the form the app sends images in. */');
    code.block(
      'static String imageDataUrl(String path, String mimeType) throws java.io.IOException {',
      () => {
        code.line('byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(path));');
        code.line('return "data:" + mimeType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);');
      },
      '}',
    );
  }
  if (readers.dataUrl && readers.bare) code.line();
  if (readers.bare) {
    code.line('/** The file at path as bare base64, the form the app sends Z.ai images in. */');
    code.block(
      'static String imageBase64(String path) throws java.io.IOException {',
      () => {
        code.line('byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(path));');
        code.line('return java.util.Base64.getEncoder().encodeToString(bytes);');
      },
      '}',
    );
  }
}

/** The Java expression for an image's URL (a String), as the app sends it. */
export function javaImageExpression(image: ExportedImage): string {
  return image.bare
    ? `imageBase64(${image.variable})`
    : `imageDataUrl(${image.variable}, ${javaString(image.mimeType)})`;
}

/** The image path constants at the top of the class, each with its comment. */
export function writeImagePaths(code: CodeBuilder, images: readonly ExportedImage[]): void {
  for (const image of images) {
    code.line(`// ${imagePathComment(image)}`);
    code.line(`static final String ${image.variable} = ${javaString(image.defaultPath)};`);
  }
}

/** Prints a complete (non-streaming) message's reasoning and answer. */
export function writeMessagePrinter(code: CodeBuilder, reasoningExpression: string, contentExpression: string): void {
  code.line(`Object reasoning = ${reasoningExpression};`);
  code.block(
    'if (reasoning instanceof String && !((String) reasoning).isEmpty()) {',
    () => {
      code.line(`OUT.println("${outputHeadings.reasoning}");`);
      code.line('OUT.println(reasoning);');
      code.line('OUT.println();');
    },
    '}',
  );
  code.line(`Object content = ${contentExpression};`);
  code.line(`OUT.println("${outputHeadings.answer}");`);
  code.line('OUT.println(content == null ? "" : content);');
}

interface JavaClassParts {
  images: readonly ExportedImage[];
  /** Static fields after the image paths; a blank line then separates them from `main`. */
  fields?: () => void;
  /** The statements of `main`. */
  main: () => void;
  /** The helper methods after `main`, each after a blank line; `false` leaves one out. */
  methods: readonly ((() => void) | false)[];
}

/** `public class GlmRequest { … }`: the image path constants, any other fields, `main`, then the helper methods. */
export function writeJavaClass(code: CodeBuilder, { images, fields, main, methods }: JavaClassParts): void {
  code.block(
    `public class ${javaClassName} {`,
    () => {
      writeImagePaths(code, images);
      if (fields) {
        fields();
        code.line();
      }
      code.block('public static void main(String[] args) throws Exception {', main, '}');
      for (const method of methods) {
        if (!method) continue;
        code.line();
        method();
      }
    },
    '}',
  );
}
