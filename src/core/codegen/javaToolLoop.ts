// Java 11+ HttpClient as a tool loop (toolLoop.ts): the app's body parsed once, sent, each tool call run with its
// stub, the assistant message appended unchanged with one `tool` message per call, and sent again until the model
// answers in text.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { exportedImages } from './images';
import { javaClassName, writeApiKey, writeImageReader, writeJavaClass } from './java';
import {
  httpClientBody,
  writeHttpClientFields,
  writeHttpClientImports,
  writeRequestBodyMethod,
} from './javaHttpClientBody';
import { javaJsonReader } from './javaJsonReader';
import { javaAskComplete, javaAskStreaming, javaJsonWriter } from './javaToolLoopMethods';
import { commentText, javaString } from './quoting';
import { headerSummary, isStreaming, outputHeadings, writeBaseUrlNote, type ExportOptions } from './shared';
import { functionToolNames, stubNames, toolLoopMaximumRounds } from './toolLoop';

const javaReserved = new Set(
  'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null var record yield main ask newCall runTool requestBody imageBase64 imageDataUrl'.split(
    ' ',
  ),
);

function writeMain(code: CodeBuilder, options: ExportOptions): void {
  writeApiKey(code, options);
  code.line('HttpClient client = HttpClient.newHttpClient();');
  code.line('@SuppressWarnings("unchecked")');
  code.line('Map<String, Object> body = (Map<String, Object>) Json.parse(requestBody());');
  code.line('@SuppressWarnings("unchecked")');
  code.line('List<Object> messages = (List<Object>) body.get("messages");');
  code.block(
    `for (int round = 1; round <= ${toolLoopMaximumRounds}; round++) {`,
    () => {
      code.line('OUT.println("=== Round " + round + " ===");');
      code.line('HttpRequest request = HttpRequest.newBuilder(URI.create(API_URL))');
      code.line('        .header("Authorization", "Bearer " + apiKey)');
      code.line('        .header("Content-Type", "application/json")');
      code.line('        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))');
      code.line('        .build();');
      code.line('Map<String, Object> message = ask(client, request);');
      code.line('Object calls = message.get("tool_calls");');
      code.block(
        'if (!(calls instanceof List) || ((List<?>) calls).isEmpty()) {',
        () => {
          code.line(`OUT.println("${outputHeadings.answer}");`);
          code.line('Object content = message.get("content");');
          code.line('OUT.println(content == null ? "" : content.toString().trim());');
          code.line('return;');
        },
        '}',
      );
      code.line('// The assistant message goes back unchanged, then one tool message per call.');
      code.line('messages.add(message);');
      code.block(
        'for (Object call : (List<?>) calls) {',
        () => {
          code.line('Object function = Json.get(call, "function");');
          code.line(
            'String result = runTool(String.valueOf(Json.get(function, "name")), Json.get(function, "arguments"));',
          );
          code.line(
            'OUT.println("Tool call " + Json.get(function, "name") + " " + Json.get(function, "arguments") + " -> " + result);',
          );
          code.line('Map<String, Object> toolMessage = new LinkedHashMap<>();');
          code.line('toolMessage.put("role", "tool");');
          code.line('toolMessage.put("tool_call_id", Json.get(call, "id"));');
          code.line('toolMessage.put("content", result);');
          code.line('messages.add(toolMessage);');
        },
        '}',
      );
    },
    '}',
  );
  code.line(`System.err.println("Still calling tools after ${toolLoopMaximumRounds} rounds; stopping.");`);
  code.line('System.exit(1);');
}

function writeTools(code: CodeBuilder, toolNames: readonly string[]): void {
  const identifiers = stubNames(toolNames, javaReserved);
  code.line('/** The result of one tool call, as the content of its tool message. */');
  code.block(
    'static String runTool(String name, Object arguments) {',
    () => {
      code.line('Object parsed;');
      code.block(
        'try {',
        () => {
          code.line(
            'parsed = Json.parse(arguments instanceof String && !((String) arguments).isEmpty() ? (String) arguments : "{}");',
          );
        },
        '} catch (IllegalArgumentException error) {',
      );
      code.indented(() => code.line('return "{\\"error\\":\\"the arguments are not valid JSON\\"}";'));
      code.line('}');
      code.block(
        'switch (name) {',
        () => {
          toolNames.forEach((name, index) =>
            code.line(`case ${javaString(name)}: return ${identifiers[index] ?? 'tool'}(parsed);`),
          );
          code.line('default: return "{\\"error\\":\\"unknown tool\\"}";');
        },
        '}',
      );
    },
    '}',
  );
  toolNames.forEach((name, index) => {
    code.line();
    code.line(`/** Replace with your function: the ${commentText(name)} tool. Gets the call's arguments`);
    code.line(' * (parsed JSON) and returns the result as a string (JSON is a good choice). */');
    code.block(
      `static String ${identifiers[index] ?? 'tool'}(Object arguments) {`,
      () => {
        code.line('Map<String, Object> result = new LinkedHashMap<>();');
        code.line(`result.put("tool", ${javaString(name)});`);
        code.line('result.put("arguments", arguments);');
        code.line('result.put("result", "stub result");');
        code.line('return Json.write(result);');
      },
      '}',
    );
  });
}

export function generateJavaToolLoop(request: ChatRequest, options: ExportOptions): string {
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  code.line(
    `// A tool loop: requires JDK 11+ and nothing else. Run: java ${javaClassName}.java (with ZAI_API_KEY set).`,
  );
  writeBaseUrlNote(code, request, '//');
  writeHttpClientImports(code, streaming, ['java.util.TreeMap']);
  writeJavaClass(code, {
    images,
    fields: () => writeHttpClientFields(code, request),
    main: () => writeMain(code, options),
    methods: [
      () => writeRequestBodyMethod(code, httpClientBody(request, images), images.length > 0),
      images.length > 0 && (() => writeImageReader(code, images)),
      () => code.line(streaming ? javaAskStreaming : javaAskComplete),
      () => writeTools(code, functionToolNames(request.body)),
      () => code.line(javaJsonReader.replace(/\n\}$/, javaJsonWriter)),
    ],
  });
  return code.toString();
}
