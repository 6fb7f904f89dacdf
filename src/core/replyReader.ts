// Reads the parts of a reply — SSE messages or a whole JSON body — into typed StreamEvents
// (docs/wire-format.md#streamed-response). The API key is redacted from anything it emits.
import type { EventSourceMessage } from 'eventsource-parser/stream';
import type { ApiError, FinishReason, StreamEvent, Usage } from './contracts';
import { apiErrorFromPayload } from './errors';
import { isRecord } from './json';
import { parseJsonWithinLimits } from './jsonLimits';
import { wrongTypedField } from './replyFieldTypes';
import { redactApiError, redactSecret } from './redaction';
import { webSearchSourcesFrom } from './webSearch';

/** The only payload that completes a stream. */
const doneMarker = '[DONE]';

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function usageFrom(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  const prompt = numberOrNull(value.prompt_tokens);
  const completion = numberOrNull(value.completion_tokens);
  if (prompt === null || completion === null) return null;
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: numberOrNull(value.total_tokens) ?? prompt + completion,
  };
  if (isRecord(value.prompt_tokens_details)) {
    const cached = numberOrNull(value.prompt_tokens_details.cached_tokens);
    usage.prompt_tokens_details = cached === null ? {} : { cached_tokens: cached };
  }
  if (isRecord(value.completion_tokens_details)) {
    const reasoning = numberOrNull(value.completion_tokens_details.reasoning_tokens);
    usage.completion_tokens_details = reasoning === null ? {} : { reasoning_tokens: reasoning };
  }
  return usage;
}

/** choices[0] (the playground never asks for n > 1). */
function firstChoice(body: Record<string, unknown>): Record<string, unknown> | null {
  const choices = body.choices;
  if (!Array.isArray(choices)) return null;
  const first: unknown =
    choices.find((choice) => isRecord(choice) && (choice.index === 0 || choice.index === undefined)) ?? choices[0];
  return isRecord(first) ? first : null;
}

/** A delta (streaming) or message (non-streaming) → a delta event. */
function deltaEvent(part: Record<string, unknown>, created: number | null): StreamEvent {
  const event: StreamEvent = {
    kind: 'delta',
    reasoning: stringOrNull(part.reasoning_content) ?? '',
    content: stringOrNull(part.content) ?? '',
    created,
  };
  if (Array.isArray(part.tool_calls)) event.toolCalls = part.tool_calls;
  return event;
}

export function hasErrorPayload(body: Record<string, unknown>): boolean {
  return body.error !== undefined && body.error !== null;
}

export type ChunkVerdict = 'continue' | 'done' | 'error';

/** What a reply has told us so far; emits events as chunks arrive and the closing finish/usage once. */
export class ReplyReader {
  private metaSent = false;
  finishReason: FinishReason | null = null;
  private usage: Usage | null = null;
  error: ApiError | null = null;

  constructor(
    private readonly emit: (event: StreamEvent) => void,
    private readonly apiKey: string,
  ) {}

  /** One SSE message. */
  handleMessage(message: EventSourceMessage): ChunkVerdict {
    const eventName = message.event;
    if (eventName === 'error') return this.handleError(parseJsonOrText(message.data));
    if (eventName !== undefined && eventName !== 'message') {
      this.emit({ kind: 'unknown-event', event: eventName, data: this.redact(message.data) });
      return 'continue';
    }
    if (message.data === doneMarker) return 'done';
    const payload = parseJson(message.data);
    if (!isRecord(payload)) {
      this.emit({ kind: 'malformed', data: this.redact(message.data) });
      return 'continue';
    }
    if (hasErrorPayload(payload)) return this.handleError(payload);
    this.handleBody(payload, 'delta');
    return 'continue';
  }

  /** A chunk (`delta`) or a whole non-streaming body (`message`). */
  handleBody(body: Record<string, unknown>, part: 'delta' | 'message'): void {
    const wrongField = wrongTypedField(body, part);
    if (wrongField) this.emit({ kind: 'malformed', data: this.redact(JSON.stringify(body)), field: wrongField });
    if (!this.metaSent) {
      this.metaSent = true;
      this.emit({
        kind: 'meta',
        id: stringOrNull(body.id),
        requestId: stringOrNull(body.request_id),
        model: stringOrNull(body.model),
      });
    }
    // Which chunk carries web search results is unconfirmed: every one is looked at.
    const sources = webSearchSourcesFrom(body.web_search);
    if (sources.length > 0) this.emit({ kind: 'web-search', sources });
    const choice = firstChoice(body);
    const text = choice?.[part];
    if (isRecord(text)) this.emit(deltaEvent(text, numberOrNull(body.created)));
    const finishReason = stringOrNull(choice?.finish_reason);
    // With tool calls two chunks may carry a finish_reason: the last one wins.
    if (finishReason) this.finishReason = finishReason;
    this.usage = usageFrom(body.usage) ?? this.usage;
  }

  handleError(payload: unknown, status: number | null = null): ChunkVerdict {
    this.error = redactApiError(apiErrorFromPayload(payload, status), this.apiKey);
    this.emit({ kind: 'error', error: this.error });
    return 'error';
  }

  /** Emits the closing finish and usage events (at most one each, in that order). */
  close(): void {
    if (this.finishReason) this.emit({ kind: 'finish', reason: this.finishReason });
    if (this.usage) this.emit({ kind: 'usage', usage: this.usage });
  }

  private redact(text: string): string {
    return redactSecret(text, this.apiKey);
  }
}

/** The parsed value, or undefined when the text is not JSON or is over the limits (jsonLimits.ts). */
export function parseJson(text: string): unknown {
  const parsed = parseJsonWithinLimits(text);
  return parsed.ok ? parsed.value : undefined;
}

function parseJsonOrText(text: string): unknown {
  return parseJson(text) ?? text;
}
