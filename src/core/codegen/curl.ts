// cURL (bash). The body travels in a quoted heredoc: bash expands nothing inside it, and JSON escapes (\n,
// \u0000) carry every character, NUL included, as plain text.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { bashSingleQuote, jsonText } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  exportedUrl,
  headerSummary,
  isStreaming,
  missingKeyMessage,
  type ApiKeyOptions,
} from './shared';
import type { CodeTarget } from './target';

/** A heredoc terminator that no line of the body equals (JSON lines never do, but the rule is cheap). */
export function heredocDelimiter(bodyText: string): string {
  const lines = new Set(bodyText.split('\n'));
  let delimiter = 'JSON';
  for (let suffix = 1; lines.has(delimiter); suffix += 1) delimiter = `JSON_${suffix}`;
  return delimiter;
}

function generateCurl(request: ChatRequest, options: ApiKeyOptions): string {
  const streaming = isStreaming(request.body);
  const bodyText = jsonText(request.body);
  const delimiter = heredocDelimiter(bodyText);
  const key = embeddedKey(options);
  const code = new CodeBuilder('  ');

  code.line('#!/usr/bin/env bash');
  code.line(`# ${headerSummary(request)}`);
  code.line(
    streaming
      ? '# Prints the server-sent events as they arrive: each "data:" line is one JSON chunk with\n# choices[0].delta.reasoning_content (reasoning) or .content (answer); the last one is "data: [DONE]".'
      : '# Prints the JSON response: choices[0].message.reasoning_content is the reasoning,\n# choices[0].message.content the answer.',
  );
  code.line('set -euo pipefail');
  code.line();
  if (key) {
    code.line(`# ${embeddedKeyWarning}`);
    code.line(`${apiKeyVariable}=${bashSingleQuote(key)}`);
  } else {
    code.line(`: "\${${apiKeyVariable}:?${missingKeyMessage}}"`);
  }
  code.line();
  code.line(`curl -sS${streaming ? ' -N' : ''} ${bashSingleQuote(exportedUrl(request))} \\`);
  code.indented(() => {
    code.line(`-H "Authorization: Bearer $${apiKeyVariable}" \\`);
    code.line("-H 'Content-Type: application/json' \\");
    code.line(`--data-binary @- <<'${delimiter}'`);
  });
  code.raw(bodyText);
  code.raw(delimiter);
  code.line('echo');
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
