// What every generator needs from a ChatRequest: the real upstream URL, the key policy and a few facts.
import { chatCompletionsUrl, demoPathPrefix, upstreamBaseUrl } from '../endpoints';
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { commentText } from './quoting';

/** How the exported code gets the API key. */
export interface ApiKeyOptions {
  /** Embed the key in the code (off by default; the UI warns). Without a key this falls back to the env var. */
  includeKey: boolean;
  apiKey?: string;
}

/** Everything a generator is told besides the request. */
export interface ExportOptions extends ApiKeyOptions {
  /** A quick-start: no retry, pretty printing or error handling beyond the basics. */
  minimal?: boolean;
  /** With function tools: a runnable tool loop instead of a single request (toolLoop.ts). */
  toolLoop?: boolean;
}

export const apiKeyVariable = 'ZAI_API_KEY';
export const missingKeyMessage = 'Set ZAI_API_KEY to your Z.ai API key';

const sdkDefaultOrigin = 'https://api.z.ai';

/** The upstream base URL without trailing slashes: never the app's local proxy nor the offline demo. */
export function exportedBaseUrl(request: ChatRequest): string {
  const upstream = upstreamBaseUrl(request.baseUrl).replace(demoPathPrefix, sdkDefaultOrigin);
  return upstream.replace(/\/+$/, '');
}

/**
 * The base URL to hand to the generators from the page: the proxy and the offline demo stay as they are (the
 * generators export the real upstream and say so); any other same-origin path gets the page's origin, since a
 * script outside the browser has none.
 */
export function baseUrlForExport(baseUrl: string, pageOrigin: string): string {
  if (!baseUrl.startsWith('/') || baseUrl.startsWith('/proxy/') || demoPathPrefix.test(baseUrl)) return baseUrl;
  return pageOrigin.replace(/\/+$/, '') + baseUrl;
}

/** Says that the code calls the real API when the app went through the local proxy or the offline demo. */
export function writeBaseUrlNote(code: CodeBuilder, request: ChatRequest, commentPrefix: string): void {
  const { baseUrl } = request;
  if (demoPathPrefix.test(baseUrl)) {
    code.line(
      `${commentPrefix} GLM Playground sent this to its offline demo (a mock server); this code calls the real`,
    );
    code.line(`${commentPrefix} Z.ai API at ${exportedBaseUrl(request)} (change the URL for the mainland endpoint).`);
  } else if (baseUrl.startsWith('/proxy/')) {
    code.line(
      `${commentPrefix} GLM Playground sent this through its local proxy; this code calls the upstream directly.`,
    );
  }
}

export function exportedUrl(request: ChatRequest): string {
  return chatCompletionsUrl(exportedBaseUrl(request));
}

/** The key to embed, or null when the code must read ZAI_API_KEY from the environment. */
export function embeddedKey(options: ApiKeyOptions): string | null {
  return options.includeKey && options.apiKey && options.apiKey.trim() !== '' ? options.apiKey.trim() : null;
}

export function isStreaming(body: ChatRequestBody): boolean {
  return body.stream === true;
}

/** One-line description for the file header; the model id is user text, so it is made comment-safe. */
export function headerSummary(request: ChatRequest): string {
  const mode = isStreaming(request.body) ? 'streaming' : 'non-streaming';
  return `GLM chat completion (${commentText(request.body.model)}, ${mode}), exported from GLM Playground.`;
}

export const embeddedKeyWarning = 'WARNING: this file contains your API key. Do not share or commit it.';

export const outputHeadings = {
  reasoning: '=== Reasoning ===',
  answer: '=== Answer ===',
  /** Followed by ` <index>: <name> ===` (one heading per streamed tool call). */
  toolCallPrefix: '=== Tool call',
  /** Above the streamed tool calls printed whole, `<index>: <name> <arguments>` each. */
  toolCalls: '=== Tool calls ===',
} as const;

export type ZaiPlatform = 'zai' | 'bigmodel' | 'other';

/** Which official client a base URL belongs to (the SDKs pick the mainland client by host). */
export function platformOf(baseUrl: string): ZaiPlatform {
  if (/^https?:\/\/open\.bigmodel\.cn(\/|$)/i.test(baseUrl)) return 'bigmodel';
  if (/^https?:\/\/api\.z\.ai(\/|$)/i.test(baseUrl)) return 'zai';
  return 'other';
}

export const sdkDefaultBaseUrls: Record<Exclude<ZaiPlatform, 'other'>, string> = {
  zai: 'https://api.z.ai/api/paas/v4',
  bigmodel: 'https://open.bigmodel.cn/api/paas/v4',
};

/** Body fields in a stable order (as the app sends them), skipping undefined values. */
export function bodyEntries(body: ChatRequestBody): [string, unknown][] {
  return Object.entries(body).filter(([, value]) => value !== undefined);
}

/** Names that are safe to print in a comment; anything else is shown as '?'. */
export function fieldNamesForComment(names: readonly string[]): string {
  return names.map((name) => commentText(name)).join(', ');
}
