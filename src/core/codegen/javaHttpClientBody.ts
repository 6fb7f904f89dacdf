// The exact JSON body as Java text, with image file reads joined in: shared by the complete and the minimal
// HttpClient exports.
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { bodyWithImageExpressions, type ExportedImage } from './images';
import { javaImageExpression, writeOutputField } from './java';
import { javaString, javaStringExpression, jsonText, splitAtExpressions } from './quoting';
import { exportedUrl } from './shared';

/** One line of JSON text as a Java expression, image expressions (see images.ts) joined in. */
function javaJsonLine(line: string): string {
  const pieces = splitAtExpressions(line);
  if (pieces.length === 1) return javaStringExpression(line);
  return pieces
    .map((piece, index) => (index % 2 === 1 ? piece : piece === '' ? '' : javaStringExpression(piece)))
    .filter((piece) => piece !== '')
    .join(' + ');
}

/** The body with each image as a Java expression (quoted: it stands for a whole JSON string value). */
export function httpClientBody(request: ChatRequest, images: readonly ExportedImage[]): ChatRequestBody {
  return bodyWithImageExpressions(request.body, images, (image) => `"\\"" + ${javaImageExpression(image)} + "\\""`);
}

export function writeRequestBodyMethod(code: CodeBuilder, body: ChatRequestBody, hasImages: boolean): void {
  const lines = jsonText(body).split('\n');
  code.line('/** The exact JSON body GLM Playground sends. */');
  code.block(
    `static String requestBody()${hasImages ? ' throws java.io.IOException' : ''} {`,
    () => {
      code.line('return String.join("\\n",');
      code.indented(() => {
        code.indented(() => {
          lines.forEach((line, index) => code.line(javaJsonLine(line) + (index === lines.length - 1 ? ');' : ',')));
        });
      });
    },
    '}',
  );
}

const httpClientImports = [
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
const streamingOnlyImports = new Set(['java.util.Iterator', 'java.util.TreeMap', 'java.util.stream.Stream']);

/** The imports of a complete HttpClient program, plus `extra`; the stream readers' only when it streams. */
export function writeHttpClientImports(code: CodeBuilder, streaming: boolean, extra: readonly string[] = []): void {
  for (const name of [...httpClientImports, ...extra].sort()) {
    if (!streaming && streamingOnlyImports.has(name)) continue;
    code.line(`import ${name};`);
  }
  code.line();
}

/** API_URL and the UTF-8 output stream, the fields of every complete HttpClient program. */
export function writeHttpClientFields(code: CodeBuilder, request: ChatRequest): void {
  code.line(`static final String API_URL = ${javaString(exportedUrl(request))};`);
  writeOutputField(code);
}
