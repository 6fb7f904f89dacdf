// What zai-sdk 0.2.2's Completions.create() does to the body (src/zai/api_resource/chat/completions.py): the
// keyword arguments it takes, the nulls it adds, the values it rewrites, and which client a base URL needs. Shared by
// the complete and the minimal exports.
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { exportedBaseUrl, platformOf, sdkDefaultBaseUrls } from './shared';

/**
 * Keyword arguments of zai-sdk `chat.completions.create` (src/zai/api_resource/chat/completions.py) that go into
 * the body unchanged. `extra` is left out: the SDK transforms it.
 */
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
  'sensitive_word_check',
  'tools',
  'tool_choice',
  'meta',
  'response_format',
  'watermark_enabled',
  'tool_stream',
]);

/** Keyword arguments that default to None (not NOT_GIVEN), so the SDK sends them as null when not passed. */
export const zaiSdkNullDefaults = ['response_format', 'thinking'] as const;

/**
 * zai-sdk rewrites some values before sending (docs/wire-format.md#python-zai-sdk): temperature <= 0 → 0.01 plus
 * do_sample=False, temperature >= 1 → 0.99, top_p >= 1 → 0.99, top_p <= 0 → 0.01. Returns one comment line per
 * rewrite.
 */
export function zaiSdkRewriteNotes(body: ChatRequestBody): string[] {
  const notes: string[] = [];
  const { temperature, top_p: topP } = body;
  if (typeof temperature === 'number' && temperature <= 0) {
    notes.push(`temperature ${temperature} is sent as 0.01 with do_sample=False`);
  } else if (typeof temperature === 'number' && temperature >= 1) {
    notes.push(`temperature ${temperature} is sent as 0.99`);
  }
  if (typeof topP === 'number' && topP >= 1) notes.push(`top_p ${topP} is sent as 0.99`);
  else if (typeof topP === 'number' && topP <= 0) notes.push(`top_p ${topP} is sent as 0.01`);
  for (const name of zaiSdkNullDefaults) {
    if (body[name] === undefined) notes.push(`"${name}": null is added (the argument defaults to None)`);
  }
  return notes;
}

/** Names where the SDK's body differs from the app's (see zaiSdkRewriteNotes). */
export function writeZaiSdkDifferences(code: CodeBuilder, request: ChatRequest, hasImages: boolean): void {
  const notes = zaiSdkRewriteNotes(request.body);
  if (hasImages) notes.push('images are sent as bare base64: the SDK strips the "data:image/...;base64," prefix');
  if (notes.length === 0) return;
  code.line('# zai-sdk builds the body itself, so it differs from the one GLM Playground sends');
  code.line('# (use the requests flavour for an exact copy):');
  for (const note of notes) code.line(`#   ${note}`);
}

/** ZhipuAiClient for the mainland endpoint, else ZaiClient; base_url only when it is not the client's default. */
export function zaiSdkClient(request: ChatRequest): { className: string; baseUrlArgument: string | null } {
  const baseUrl = exportedBaseUrl(request);
  const mainland = platformOf(baseUrl) === 'bigmodel';
  const defaultBaseUrl = mainland ? sdkDefaultBaseUrls.bigmodel : sdkDefaultBaseUrls.zai;
  return {
    className: mainland ? 'ZhipuAiClient' : 'ZaiClient',
    baseUrlArgument: baseUrl === defaultBaseUrl ? null : baseUrl,
  };
}
