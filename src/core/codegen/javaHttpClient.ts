// Java 11+ with java.net.http.HttpClient and no dependency: the exact JSON body as text, SSE read line by
// line with BodyHandlers.ofLines(), and a small JSON reader for the response.
import type { ChatRequest } from '../request';
import { exportedImages } from './images';
import { CodeBuilder } from './codeBuilder';
import { javaJsonReader } from './javaJsonReader';
import {
  httpClientBody,
  writeHttpClientFields,
  writeHttpClientImports,
  writeRequestBodyMethod,
} from './javaHttpClientBody';
import { generateJavaHttpClientMinimal } from './javaMinimal';
import {
  javaClassName,
  javaLanguage,
  writeApiKey,
  writeImageReader,
  writeJavaClass,
  writeMessagePrinter,
  writeStreamPrinter,
} from './java';
import { headerSummary, isStreaming, writeBaseUrlNote, type ExportOptions } from './shared';
import type { CodeTarget } from './target';
import { writesToolLoop } from './toolLoop';
import { generateJavaToolLoop } from './javaToolLoop';

function writeStreamingCall(code: CodeBuilder): void {
  code.line('HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());');
  code.block(
    'try (Stream<String> lines = response.body()) {',
    () => {
      code.block(
        'if (response.statusCode() != 200) {',
        () => {
          code.line(
            'System.err.println("HTTP " + response.statusCode() + ": " + String.join("\\n", (Iterable<String>) lines::iterator));',
          );
          code.line('System.exit(1);');
        },
        '}',
      );
      code.line('Iterator<String> iterator = lines.iterator();');
      code.block(
        'while (iterator.hasNext()) {',
        () => {
          code.line('String line = iterator.next();');
          code.line('if (!line.startsWith("data:")) continue; // blank lines, comments such as ": keep-alive"');
          code.line('String data = line.substring(5).trim();');
          code.line('if (data.equals("[DONE]")) break;');
          code.line('Object chunk = Json.parse(data);');
          code.block(
            'if (Json.get(chunk, "error") != null) {',
            () => {
              code.line('System.err.println("\\nError: " + data);');
              code.line('System.exit(1);');
            },
            '}',
          );
          code.line('Object choices = Json.get(chunk, "choices");');
          code.line('if (!(choices instanceof List)) continue;');
          code.block(
            'for (Object choice : (List<?>) choices) {',
            () => {
              code.line('Object delta = Json.get(choice, "delta");');
              code.line('show("reasoning", Json.get(delta, "reasoning_content"));');
              code.line('show("answer", Json.get(delta, "content"));');
              code.line('// Streamed tool-call arguments arrive in pieces (a JSON string split across chunks).');
              code.line('Object calls = Json.get(delta, "tool_calls");');
              code.line('if (calls instanceof List)');
              code.line('    for (Object call : (List<?>) calls) {');
              code.line('        Object function = Json.get(call, "function");');
              code.line('        Object index = Json.get(call, "index");');
              code.line('        int position = index instanceof Number ? ((Number) index).intValue() : 0;');
              code.line('        showToolCall(position, Json.get(function, "name"), Json.get(function, "arguments"));');
              code.line('    }');
            },
            '}',
          );
        },
        '}',
      );
    },
    '}',
  );
  code.line('OUT.println();');
  code.line('printToolCalls();');
}

function writeCompleteCall(code: CodeBuilder): void {
  code.line(
    'HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));',
  );
  code.block(
    'if (response.statusCode() != 200) {',
    () => {
      code.line('System.err.println("HTTP " + response.statusCode() + ": " + response.body());');
      code.line('System.exit(1);');
    },
    '}',
  );
  code.line('Object message = Json.get(Json.get(Json.get(Json.parse(response.body()), "choices"), 0), "message");');
  writeMessagePrinter(code, 'Json.get(message, "reasoning_content")', 'Json.get(message, "content")');
  code.line('Object calls = Json.get(message, "tool_calls");');
  code.line('if (calls instanceof List)');
  code.line('    for (Object call : (List<?>) calls) {');
  code.line('        Object function = Json.get(call, "function");');
  code.line('        OUT.println("Tool call: " + Json.get(function, "name") + " " + Json.get(function, "arguments"));');
  code.line('    }');
}

function generateJavaHttpClient(request: ChatRequest, options: ExportOptions): string {
  if (options.toolLoop && writesToolLoop(javaHttpClientTarget.id, request.body))
    return generateJavaToolLoop(request, options);
  if (options.minimal) return generateJavaHttpClientMinimal(request, options);
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  // Quotes around the data URL: the expression stands for a whole JSON string value.
  const body = httpClientBody(request, images);
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  code.line(`// Requires JDK 11+ and nothing else. Run: java ${javaClassName}.java (with ZAI_API_KEY set).`);
  writeBaseUrlNote(code, request, '//');
  writeHttpClientImports(code, streaming);
  writeJavaClass(code, {
    images,
    fields: () => writeHttpClientFields(code, request),
    main: () => {
      writeApiKey(code, options);
      code.line('HttpRequest request = HttpRequest.newBuilder(URI.create(API_URL))');
      code.indented(() =>
        code.indented(() => {
          code.line('.header("Authorization", "Bearer " + apiKey)');
          code.line('.header("Content-Type", "application/json")');
          code.line('.POST(HttpRequest.BodyPublishers.ofString(requestBody(), StandardCharsets.UTF_8))');
          code.line('.build();');
        }),
      );
      code.line('HttpClient client = HttpClient.newHttpClient();');
      if (streaming) writeStreamingCall(code);
      else writeCompleteCall(code);
    },
    methods: [
      () => writeRequestBodyMethod(code, body, images.length > 0),
      images.length > 0 && (() => writeImageReader(code, images)),
      streaming && (() => writeStreamPrinter(code)),
      () => code.line(javaJsonReader),
    ],
  });
  return code.toString();
}

export const javaHttpClientTarget = {
  id: 'java-httpclient',
  label: 'HttpClient (JDK 11+)',
  description: 'No dependency; sends exactly this body.',
  exactBody: true,
  language: javaLanguage,
  generate: generateJavaHttpClient,
} as const satisfies CodeTarget;
