// Python with an SDK: the official zai-sdk (ZaiClient / ZhipuAiClient) or the openai SDK. Fields the SDK's
// create() knows become keyword arguments; the rest go in extra_body, which both SDKs merge into the JSON.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { pythonLiteral, writeApiKey, writeDocstring, writeMessagePrinter, writeStreamPrinter } from './python';
import { pythonString } from './quoting';
import {
  bodyEntries,
  exportedBaseUrl,
  headerSummary,
  isStreaming,
  platformOf,
  sdkDefaultBaseUrls,
  type CodegenOptions,
} from './shared';

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

/** Standard OpenAI chat-completions parameters; Z.ai-only fields (thinking, do_sample…) go in extra_body. */
export const openAiKeywordArguments: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'temperature',
  'top_p',
  'max_tokens',
  'stop',
  'seed',
  'tools',
  'tool_choice',
  'response_format',
]);

/**
 * zai-sdk rewrites some values before sending (see zai-api.md): temperature <= 0 → 0.01 plus do_sample=False,
 * temperature >= 1 → 0.99, top_p >= 1 → 0.99, top_p <= 0 → 0.01. Returns one comment line per rewrite.
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

function writeCreateCall(code: CodeBuilder, request: ChatRequest, keywordArguments: ReadonlySet<string>): void {
  const extraBody: Record<string, unknown> = {};
  code.line('response = client.chat.completions.create(');
  code.indented(() => {
    for (const [name, value] of bodyEntries(request.body)) {
      if (keywordArguments.has(name)) code.line(`${name}=${pythonLiteral(value)},`);
      else extraBody[name] = value;
    }
    if (Object.keys(extraBody).length > 0) code.line(`extra_body=${pythonLiteral(extraBody)},`);
  });
  code.line(')');
}

function writeResponseHandling(code: CodeBuilder, request: ChatRequest): void {
  if (!isStreaming(request.body)) {
    code.line('message = response.choices[0].message');
    writeMessagePrinter(code, 'getattr(message, "reasoning_content", None)', 'message.content');
    return;
  }
  code.block('for chunk in response:', () => {
    code.line('if not chunk.choices:');
    code.line('    continue');
    code.line('delta = chunk.choices[0].delta');
    code.line('show("reasoning", getattr(delta, "reasoning_content", None))');
    code.line('show("answer", delta.content)');
  });
  code.line('print()');
}

function writeStreamPrinterIfNeeded(code: CodeBuilder, request: ChatRequest): void {
  if (!isStreaming(request.body)) return;
  writeStreamPrinter(code);
  code.line();
  code.line();
}

export function generatePythonZaiSdk(request: ChatRequest, options: CodegenOptions): string {
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

export function generatePythonOpenAi(request: ChatRequest, options: CodegenOptions): string {
  const code = new CodeBuilder('    ');
  writeDocstring(code, headerSummary(request), 'the OpenAI SDK (pip install openai)');
  code.line('import os');
  code.line('import sys');
  code.line();
  code.line('from openai import OpenAI');
  code.line();
  writeApiKey(code, options);
  code.line();
  code.line(`client = OpenAI(api_key=api_key, base_url=${pythonString(exportedBaseUrl(request))})`);
  code.line();
  writeStreamPrinterIfNeeded(code, request);
  code.line('# Z.ai-only fields (thinking, …) are not OpenAI parameters: extra_body adds them to the JSON body.');
  writeCreateCall(code, request, openAiKeywordArguments);
  code.line();
  writeResponseHandling(code, request);
  return code.toString();
}
