// Shared pieces of the three Python flavours: literals, the key, and printing reasoning/answer.
import type { ChatRequest, ChatRequestBody } from '../request';
import { bodyWithImageExpressions, imagePathComment, imageReadersNeeded, type ExportedImage } from './images';
import type { CodeBuilder } from './codeBuilder';
import { pythonString, structuredLiteral, type LiteralSyntax } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  missingKeyMessage,
  outputHeadings,
  type ApiKeyOptions,
} from './shared';
import type { CodeLanguageInfo } from './target';

export const pythonLanguage = {
  id: 'python',
  label: 'Python',
  fileName: 'glm_request.py',
  monacoLanguage: 'python',
  mimeType: 'text/x-python',
} as const satisfies CodeLanguageInfo;

const pythonSyntax: LiteralSyntax = {
  indentUnit: '    ',
  nullLiteral: 'None',
  trueLiteral: 'True',
  falseLiteral: 'False',
  string: pythonString,
  commaAfterEveryItem: true,
  expression: (code) => code,
};

/** A Python literal for a JSON value, pretty-printed with 4-space indentation from `indent`. */
export function pythonLiteral(value: unknown, indent = ''): string {
  return structuredLiteral(value, pythonSyntax, indent);
}

/** `api_key = …`: the embedded key, or ZAI_API_KEY from the environment with a clear message when unset. */
export function writeApiKey(code: CodeBuilder, options: ApiKeyOptions): void {
  const key = embeddedKey(options);
  if (key) {
    code.line(`# ${embeddedKeyWarning}`);
    code.line(`api_key = ${pythonString(key)}`);
    return;
  }
  code.line(`if not os.environ.get("${apiKeyVariable}"):`);
  code.line(`    sys.exit("${missingKeyMessage}")`);
  code.line(`api_key = os.environ["${apiKeyVariable}"]`);
}

/** The docstring at the top of every Python file; the environment hint only when the key is read from there. */
export function writeDocstring(code: CodeBuilder, summary: string, requirement: string, options: ApiKeyOptions): void {
  code.line(`"""${summary}`);
  code.line();
  const hint = embeddedKey(options) ? '' : ` Set ${apiKeyVariable} in your environment first.`;
  code.line(`Requires Python 3.8+ and ${requirement}.${hint}`);
  code.line('"""');
}

/**
 * The standard-library imports a file uses, sorted: os and sys only serve the key check, so an embedded key
 * drops them unless `alsoUses` names one.
 */
export function writeStandardImports(
  code: CodeBuilder,
  options: ApiKeyOptions,
  alsoUses: readonly ('base64' | 'json' | 'sys')[],
): void {
  const names = new Set<string>(alsoUses);
  if (!embeddedKey(options)) names.add('os').add('sys');
  for (const name of [...names].sort()) code.line(`import ${name}`);
}

/**
 * `show(kind, text)`: prints reasoning, answer and tool-call arguments under their own headings, as they arrive;
 * `show_tool_call` joins a call's argument pieces by index (docs/wire-format.md#streamed-tool-calls) and
 * `print_tool_calls` prints each call whole once the stream has ended.
 */
export function writeStreamPrinter(code: CodeBuilder): void {
  code.line('section = None');
  code.line('tool_calls = {}  # index -> {"name": ..., "arguments": ...}');
  code.line();
  code.line();
  code.line('def show(kind, text, heading=None):');
  code.indented(() => {
    code.line('"""Print reasoning, then the answer, each under its own heading."""');
    code.line('global section');
    code.line('if not text:');
    code.line('    return');
    code.line('if section != kind:');
    code.indented(() => {
      code.line('if kind == "answer" and not text.strip():');
      code.line('    return  # whitespace before the answer starts');
      code.line(
        `heading = heading or ("${outputHeadings.reasoning}" if kind == "reasoning" else "${outputHeadings.answer}")`,
      );
      code.line('print(("\\n\\n" if section else "") + heading, flush=True)');
      code.line('section = kind');
    });
    code.line('print(text, end="", flush=True)');
  });
  code.line();
  code.line();
  code.line('def show_tool_call(index, name, arguments):');
  code.indented(() => {
    code.line(
      '"""Join a streamed tool call\'s argument pieces by index; the first piece of an index brings its name."""',
    );
    code.line('call = tool_calls.setdefault(index, {"name": name, "arguments": ""})');
    code.line('call["name"] = call["name"] or name');
    code.line('call["arguments"] += arguments or ""');
    code.line(`show(f"tool {index}", arguments, f"${outputHeadings.toolCallPrefix} {index}: {call['name']} ===")`);
  });
  code.line();
  code.line();
  code.line('def print_tool_calls():');
  code.indented(() => {
    code.line('"""Each streamed tool call whole (its pieces joined by index), once the stream has ended."""');
    code.line('if tool_calls:');
    code.line(`    print("\\n${outputHeadings.toolCalls}")`);
    code.line('for index, call in sorted(tool_calls.items()):');
    code.line("    print(f\"{index}: {call['name']} {call['arguments']}\")");
  });
}

/** Prints a complete (non-streaming) message's reasoning and answer. */
export function writeMessagePrinter(code: CodeBuilder, reasoningExpression: string, contentExpression: string): void {
  code.line(`reasoning = ${reasoningExpression}`);
  code.line('if reasoning:');
  code.line(`    print("${outputHeadings.reasoning}")`);
  code.line('    print(reasoning)');
  code.line('    print()');
  code.line(`print("${outputHeadings.answer}")`);
  code.line(`print(${contentExpression} or "")`);
}

/** The body with each base64 image read from its file (see images.ts). */
export function pythonBody(request: ChatRequest, images: readonly ExportedImage[]): ChatRequestBody {
  return bodyWithImageExpressions(request.body, images, (image) =>
    image.bare
      ? `image_base64(${image.variable})`
      : `image_data_url(${image.variable}, ${pythonString(image.mimeType)})`,
  );
}

/** The image path variables, and `image_data_url(path, mime_type)` or `image_base64(path)` (needs `import base64`). */
export function writeImageReader(code: CodeBuilder, images: readonly ExportedImage[]): void {
  if (images.length === 0) return;
  for (const image of images) {
    code.line(`# ${imagePathComment(image)}`);
    code.line(`${image.variable} = ${pythonString(image.defaultPath)}`);
  }
  const readers = imageReadersNeeded(images);
  if (readers.dataUrl) {
    code.line();
    code.line();
    code.block('def image_data_url(path, mime_type):', () => {
      code.line('"""The file at path as a data: URL, the form the app sends images in."""');
      code.block('with open(path, "rb") as image:', () => {
        code.line('return f"data:{mime_type};base64," + base64.b64encode(image.read()).decode("ascii")');
      });
    });
  }
  if (readers.bare) {
    code.line();
    code.line();
    code.block('def image_base64(path):', () => {
      code.line('"""The file at path as bare base64, the form the app sends Z.ai images in."""');
      code.block('with open(path, "rb") as image:', () => {
        code.line('return base64.b64encode(image.read()).decode("ascii")');
      });
    });
  }
  code.line();
  code.line();
}
