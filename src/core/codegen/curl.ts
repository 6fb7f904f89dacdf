// cURL (bash). The body travels in a quoted heredoc: bash expands nothing inside it, and JSON escapes (\n,
// \u0000) carry every character, NUL included, as plain text.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import {
  bodyWithImageExpressions,
  exportedImages,
  imagePathComment,
  imageReadersNeeded,
  type ExportedImage,
} from './images';
import { bashSingleQuote, jsonText, splitAtExpressions } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  exportedUrl,
  headerSummary,
  isStreaming,
  missingKeyMessage,
  writeBaseUrlNote,
  type ExportOptions,
} from './shared';
import type { CodeTarget } from './target';

/** A heredoc terminator that no line of the body equals (JSON lines never do, but the rule is cheap). */
export function heredocDelimiter(bodyText: string): string {
  const lines = new Set(bodyText.split('\n'));
  let delimiter = 'JSON';
  for (let suffix = 1; lines.has(delimiter); suffix += 1) delimiter = `JSON_${suffix}`;
  return delimiter;
}

/** The image path variables and `image_data_url PATH MIME_TYPE` or `image_base64 PATH`: each prints a JSON string. */
function writeImageReader(code: CodeBuilder, images: readonly ExportedImage[]): void {
  if (images.length === 0) return;
  for (const image of images) {
    code.line(`# ${imagePathComment(image)}`);
    code.line(`${image.variable}=${bashSingleQuote(image.defaultPath)}`);
  }
  const readers = imageReadersNeeded(images);
  if (readers.dataUrl)
    code.line('image_data_url() { printf \'"data:%s;base64,\' "$2"; base64 < "$1" | tr -d \'\\n\'; printf \'"\'; }');
  if (readers.bare) code.line("image_base64() { printf '\"'; base64 < \"$1\" | tr -d '\\n'; printf '\"'; }");
  code.line();
}

/**
 * With images, the body is written in pieces around each image: JSON text from quoted heredocs (bash expands
 * nothing in them; $(…) drops only the heredoc's final newline, never JSON content) and each image's data URL.
 */
function writePiecewiseBody(code: CodeBuilder, bodyText: string, delimiter: string): void {
  const pieces = splitAtExpressions(bodyText);
  pieces.forEach((piece, index) => {
    if (index % 2 === 1) return;
    code.line(`body_${index / 2 + 1}=$(cat <<'${delimiter}'`);
    code.raw(piece);
    code.raw(delimiter);
    code.line(')');
  });
  code.line('{');
  code.indented(() =>
    pieces.forEach((piece, index) =>
      code.line(index % 2 === 1 ? piece : `printf '%s' "$body_${(index / 2 + 1).toString()}"`),
    ),
  );
  code.line('} | \\');
}

function generateCurl(request: ChatRequest, options: ExportOptions): string {
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  const body = bodyWithImageExpressions(request.body, images, (image) =>
    image.bare
      ? `image_base64 "$${image.variable}"`
      : `image_data_url "$${image.variable}" ${bashSingleQuote(image.mimeType)}`,
  );
  const bodyText = jsonText(body);
  const delimiter = heredocDelimiter(bodyText);
  const key = embeddedKey(options);
  const code = new CodeBuilder('  ');

  code.line('#!/usr/bin/env bash');
  if (!options.minimal) {
    code.line(`# ${headerSummary(request)}`);
    code.line(
      streaming
        ? '# Prints the server-sent events as they arrive: each "data:" line is one JSON chunk with\n# choices[0].delta.reasoning_content (reasoning) or .content (answer); the last one is "data: [DONE]".'
        : '# Prints the JSON response: choices[0].message.reasoning_content is the reasoning,\n# choices[0].message.content the answer.',
    );
  }
  writeBaseUrlNote(code, request, '#');
  if (!options.minimal) {
    code.line('set -euo pipefail');
    code.line();
  }
  if (key) {
    code.line(`# ${embeddedKeyWarning}`);
    code.line(`${apiKeyVariable}=${bashSingleQuote(key)}`);
    code.line();
  } else if (!options.minimal) {
    code.line(`: "\${${apiKeyVariable}:?${missingKeyMessage}}"`);
    code.line();
  }
  writeImageReader(code, images);
  if (images.length > 0) writePiecewiseBody(code, bodyText, delimiter);
  code.line(`curl -sS${streaming ? ' -N' : ''} ${bashSingleQuote(exportedUrl(request))} \\`);
  code.indented(() => {
    code.line(`-H "Authorization: Bearer $${apiKeyVariable}" \\`);
    code.line("-H 'Content-Type: application/json' \\");
    code.line(images.length > 0 ? '--data-binary @-' : `--data-binary @- <<'${delimiter}'`);
  });
  if (images.length === 0) {
    code.raw(bodyText);
    code.raw(delimiter);
  }
  if (!options.minimal) code.line('echo');
  return code.toString();
}

export const curlTarget = {
  id: 'curl',
  label: 'curl (bash)',
  description: 'bash and curl; prints the raw response.',
  exactBody: true,
  language: {
    id: 'curl',
    label: 'cURL',
    fileName: 'glm-request.sh',
    monacoLanguage: 'shell',
    mimeType: 'text/x-shellscript',
  },
  generate: generateCurl,
} as const satisfies CodeTarget;
