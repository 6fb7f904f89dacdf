// Java 11+ with java.net.http.HttpClient and no dependency: the exact JSON body as text, SSE read line by
// line with BodyHandlers.ofLines(), and a small JSON reader for the response.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { javaClassName, writeApiKey, writeMessagePrinter, writeOutputField, writeStreamPrinter } from './java';
import { javaString, javaStringExpression, jsonText } from './quoting';
import { exportedUrl, headerSummary, isStreaming, type CodegenOptions } from './shared';

// Written without any backslash-u sequence: javac would translate it before compiling (see javaString).
const jsonReader = String.raw`/** Just enough JSON for the response: objects, arrays, strings, numbers, true, false, null. */
static final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json reader = new Json(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length()) throw reader.error("unexpected text after the value");
        return value;
    }

    /** node[key] for an object (String key) or an array (Integer key); null when absent. */
    static Object get(Object node, Object key) {
        if (node instanceof Map && key instanceof String) return ((Map<?, ?>) node).get(key);
        if (node instanceof List && key instanceof Integer) {
            List<?> list = (List<?>) node;
            int index = (Integer) key;
            return index >= 0 && index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private Object value() {
        skipWhitespace();
        char next = peek();
        if (next == '{') return object();
        if (next == '[') return array();
        if (next == '"') return string();
        if (text.startsWith("true", position)) { position += 4; return Boolean.TRUE; }
        if (text.startsWith("false", position)) { position += 5; return Boolean.FALSE; }
        if (text.startsWith("null", position)) { position += 4; return null; }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipWhitespace();
        if (peek() == '}') { position++; return map; }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            map.put(key, value());
            skipWhitespace();
            if (peek() != ',') break;
            position++;
        }
        expect('}');
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        expect('[');
        skipWhitespace();
        if (peek() == ']') { position++; return list; }
        while (true) {
            list.add(value());
            skipWhitespace();
            if (peek() != ',') break;
            position++;
        }
        expect(']');
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder builder = new StringBuilder();
        while (true) {
            if (position >= text.length()) throw error("unterminated string");
            char next = text.charAt(position++);
            if (next == '"') return builder.toString();
            if (next != '\\') { builder.append(next); continue; }
            char escape = text.charAt(position++);
            if (escape == 'n') builder.append('\n');
            else if (escape == 't') builder.append('\t');
            else if (escape == 'r') builder.append('\r');
            else if (escape == 'b') builder.append('\b');
            else if (escape == 'f') builder.append('\f');
            else if (escape == 'u') {
                builder.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                position += 4;
            } else builder.append(escape); // the quote, backslash and slash escapes
        }
    }

    private Double number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) position++;
        if (start == position) throw error("unexpected character");
        return Double.valueOf(text.substring(start, position));
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char expected) {
        if (peek() != expected) throw error("expected " + expected);
        position++;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) position++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Bad JSON at character " + position + ": " + problem);
    }
}`;

function writeRequestBodyMethod(code: CodeBuilder, request: ChatRequest): void {
  const lines = jsonText(request.body).split('\n');
  code.line('/** The exact JSON body GLM Playground sends. */');
  code.block(
    'static String requestBody() {',
    () => {
      code.line('return String.join("\\n",');
      code.indented(() => {
        code.indented(() => {
          lines.forEach((line, index) =>
            code.line(javaStringExpression(line) + (index === lines.length - 1 ? ');' : ',')),
          );
        });
      });
    },
    '}',
  );
}

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
}

export function generateJavaHttpClient(request: ChatRequest, options: CodegenOptions): string {
  const streaming = isStreaming(request.body);
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  code.line(`// Requires JDK 11+ and nothing else. Run: java ${javaClassName}.java (with ZAI_API_KEY set).`);
  const imports = [
    'java.io.FileDescriptor',
    'java.io.FileOutputStream',
    'java.io.PrintStream',
    'java.net.URI',
    'java.net.http.HttpClient',
    'java.net.http.HttpRequest',
    'java.net.http.HttpResponse',
    'java.nio.charset.StandardCharsets',
    'java.util.ArrayList',
    'java.util.Iterator',
    'java.util.LinkedHashMap',
    'java.util.List',
    'java.util.Map',
    'java.util.stream.Stream',
  ];
  for (const name of imports) {
    if (!streaming && (name === 'java.util.Iterator' || name === 'java.util.stream.Stream')) continue;
    code.line(`import ${name};`);
  }
  code.line();
  code.block(
    `public class ${javaClassName} {`,
    () => {
      code.line(`static final String API_URL = ${javaString(exportedUrl(request))};`);
      writeOutputField(code);
      code.line();
      code.block(
        'public static void main(String[] args) throws Exception {',
        () => {
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
        '}',
      );
      code.line();
      writeRequestBodyMethod(code, request);
      if (streaming) {
        code.line();
        writeStreamPrinter(code);
      }
      code.line();
      code.line(jsonReader);
    },
    '}',
  );
  return code.toString();
}
