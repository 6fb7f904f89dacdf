// The exact JSON body as Java text, with image file reads joined in: shared by the complete and the minimal
// HttpClient exports.
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { bodyWithImageExpressions, type ExportedImage } from './images';
import { javaImageExpression } from './java';
import { javaStringExpression, jsonText, splitAtExpressions } from './quoting';

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
