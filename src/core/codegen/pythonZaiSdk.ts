// Python with the official zai-sdk (ZaiClient / ZhipuAiClient), which rewrites some values before sending.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { pythonLanguage, writeApiKey, writeDocstring } from './python';
import { writeCreateCall, writeResponseHandling, writeStreamPrinterIfNeeded } from './pythonSdks';
import { pythonString } from './quoting';
import { exportedBaseUrl, headerSummary, platformOf, sdkDefaultBaseUrls, type ApiKeyOptions } from './shared';
import type { CodeTarget } from './target';

/** Keyword arguments of zai-sdk `chat.completions.create` (zai-org/z-ai-sdk-python, api_resource/chat). */
export const zaiSdkKeywordArguments: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'thinking',
  'stream',
  'temperature',
  'top_p',
  'max_tokens',
  'do_sample',
  'stop',
  'request_id',
  'user_id',
  'seed',
  'tools',
  'tool_choice',
  'response_format',
]);

/**
 * zai-sdk rewrites some values before sending (docs/wire-format.md#python-zai-sdk): temperature <= 0 → 0.01 plus
 * do_sample=False, temperature >= 1 → 0.99, top_p >= 1 → 0.99, top_p <= 0 → 0.01. Returns one comment line per
 * rewrite.
 */
export function zaiSdkRewriteNotes(request: ChatRequest): string[] {
  const notes: string[] = [];
  const { temperature, top_p: topP } = request.body;
  if (typeof temperature === 'number' && temperature <= 0) {
    notes.push(`temperature ${temperature} is sent as 0.01 with do_sample=False`);
  } else if (typeof temperature === 'number' && temperature >= 1) {
    notes.push(`temperature ${temperature} is sent as 0.99`);
  }
  if (typeof topP === 'number' && topP >= 1) notes.push(`top_p ${topP} is sent as 0.99`);
  else if (typeof topP === 'number' && topP <= 0) notes.push(`top_p ${topP} is sent as 0.01`);
  return notes;
}

function generatePythonZaiSdk(request: ChatRequest, options: ApiKeyOptions): string {
  const baseUrl = exportedBaseUrl(request);
  const mainland = platformOf(baseUrl) === 'bigmodel';
  const clientClass = mainland ? 'ZhipuAiClient' : 'ZaiClient';
  const defaultBaseUrl = mainland ? sdkDefaultBaseUrls.bigmodel : sdkDefaultBaseUrls.zai;
  const code = new CodeBuilder('    ');
  writeDocstring(code, headerSummary(request), 'the official Z.ai SDK (pip install zai-sdk)');
  code.line('import os');
  code.line('import sys');
  code.line();
  code.line(`from zai import ${clientClass}`);
  code.line();
  writeApiKey(code, options);
  code.line();
  code.line(
    baseUrl === defaultBaseUrl
      ? `client = ${clientClass}(api_key=api_key)`
      : `client = ${clientClass}(api_key=api_key, base_url=${pythonString(baseUrl)})`,
  );
  code.line();
  writeStreamPrinterIfNeeded(code, request);
  const notes = zaiSdkRewriteNotes(request);
  if (notes.length > 0) {
    code.line('# Note: zai-sdk changes these values before sending, so this request is not identical to the');
    code.line('# one in GLM Playground (use the requests flavour for an exact copy):');
    for (const note of notes) code.line(`#   ${note}`);
  }
  if (request.body.response_format === undefined) {
    code.line('# Some zai-sdk versions also send "response_format": null when it is not set (the API default).');
  }
  writeCreateCall(code, request, zaiSdkKeywordArguments);
  code.line();
  writeResponseHandling(code, request);
  return code.toString();
}

export const pythonZaiSdkTarget = {
  id: 'python-zai-sdk',
  label: 'zai-sdk (official)',
  description: 'pip install zai-sdk; the SDK adjusts temperature 0/1 and top_p 1.',
  exactBody: false,
  language: pythonLanguage,
  generate: generatePythonZaiSdk,
} as const satisfies CodeTarget;
