// The scenario table: every fault the mock can play, name → behaviour. A new fault is one entry here. Queue one
// with `POST /__mock/scenario {"name":…, "times":n, …options}` (or `queue()`), or write `[mock:name key=value …]`
// in the last user message. `npm run mock -- --help` and `GET /__mock/scenarios` list them.
import { citedReply, longMarkdown, longReasoning, type ReplyText, type WireMessage } from './content.ts';
import { errorReply, type ErrorReply } from './errorReplies.ts';
import { emphasisMarkers, hugeMarkdown, hugeTable, nestingBomb } from './hostileContent.ts';
import { jsonModeReply } from './specialReplies.ts';
import { commentEvent, dataEvent, type StreamEvent } from './sse.ts';
import type { ToolCallStyle } from './toolReply.ts';
import type { ReplyPhases, Scenario, StreamEnding } from './scenarioTypes.ts';

export type { Scenario } from './scenarioTypes.ts';

/** What a scenario changes; every hook is optional, an empty entry is the normal reply. */
export interface ScenarioBehaviour {
  /** One line for the listings. */
  summary: string;
  /** A parametric family (error-<code>, finish-<reason>): the names it answers to. */
  family?: RegExp;
  /** Answers with this HTTP error instead of a reply. */
  error?: (scenario: Scenario) => ErrorReply;
  /** Reply text instead of the default reply. */
  text?: (scenario: Scenario, thinks: boolean, messages: WireMessage[]) => ReplyText;
  /** Answers by calling tools (the request's functions, or a get_weather one), shaped by the returned style. */
  toolCalls?: (scenario: Scenario) => ToolCallStyle;
  /** Chunks carry `object` and usage reports reasoning tokens, whatever the model. */
  objectField?: boolean;
  /** Stops the reply early with a finish_reason (streaming and not). */
  finish?: (scenario: Scenario, reply: ReplyPhases) => { kept: number; finishReason: string };
  /** Streaming: how many deltas go out and how the stream ends. */
  stream?: (scenario: Scenario, reply: ReplyPhases) => StreamEnding;
  /** Streaming: rewrites the events before they go out (inserted events, comments). */
  events?: (events: StreamEvent[], context: { scenario: Scenario; newline: string; id: string }) => StreamEvent[];
  /** Streaming: line ending of the event framing. */
  newline?: string;
  /** Streaming: delay between events unless the scenario sets `delayMs` or `chunksPerSecond`. */
  eventDelayMs?: number;
  /** Streaming: the whole body in writes of `bytes` bytes instead of one write per event. */
  splitWrites?: (scenario: Scenario) => { bytes: number; delayMs: number };
  /** Characters per delta unless the scenario sets `chunkChars` (default: one token-like piece per delta). */
  chunkChars?: number;
  /** Non-streaming: hold the response without a byte, or wait before sending it. */
  nonStreaming?: (scenario: Scenario) => 'hold' | 'drop' | { waitMs: number };
}

export const finishReasons = [
  'stop',
  'length',
  'tool_calls',
  'sensitive',
  'network_error',
  'model_context_window_exceeded',
];

/** Half-way through the answer (the default cut point of the answer faults). */
function middleOfAnswer(reply: ReplyPhases): number {
  return reply.answerStart + Math.floor((reply.deltaCount - reply.answerStart) / 2);
}

const dropped = { finishChunk: false, done: false, close: 'drop' } as const;

/** Inserts one event in the middle of the stream, before the finish chunk and [DONE]. */
function insertInTheMiddle(events: StreamEvent[], event: StreamEvent): StreamEvent[] {
  const at = Math.min(events.length - 2, Math.max(1, Math.floor(events.length / 2)));
  return [...events.slice(0, at), event, ...events.slice(at)];
}

const captivePortalPage =
  '<!DOCTYPE html><html><head><title>Wi-Fi sign-in</title></head><body><h1>Welcome to Airport Wi-Fi</h1><p>Accept the terms to continue.</p></body></html>';

/** The behaviour of the normal reply, also for requests without a scenario. */
export const normalReply: ScenarioBehaviour = { summary: 'the normal reply, with `content`/`reasoning` overrides' };

/** All accept `content`, `reasoning`, `delayMs`, `key` (see Scenario). Without a scenario, `max_tokens` is honoured. */
export const scenarioTable: Readonly<Record<string, ScenarioBehaviour>> = {
  reply: normalReply,
  slow: {
    summary: '200 ms between events (`delayMs`, `chunksPerSecond`); non-streaming: the response waits `delayMs` (1000)',
    eventDelayMs: 200,
    nonStreaming: (scenario) => ({ waitMs: scenario.delayMs ?? 1000 }),
  },
  'cut-mid-reasoning': {
    summary: 'drops the socket half-way through the reasoning (`afterChunks`), no [DONE]',
    stream: (scenario, reply) => ({
      deltas:
        scenario.afterChunks ??
        reply.reasoningStart + Math.max(1, Math.floor((reply.answerStart - reply.reasoningStart) / 2)),
      ...dropped,
    }),
  },
  'cut-mid-answer': {
    summary: 'drops the socket half-way through the answer (`afterChunks`), no [DONE]',
    stream: (scenario, reply) => ({
      deltas:
        scenario.afterChunks ?? reply.answerStart + Math.max(1, Math.floor((reply.deltaCount - reply.answerStart) / 2)),
      ...dropped,
    }),
  },
  'eof-without-done': {
    summary:
      'ends the body cleanly half-way through the answer, without finish_reason or [DONE] (`withFinish: true`: only [DONE] is missing)',
    stream: (scenario, reply) =>
      scenario.withFinish
        ? { deltas: reply.deltaCount, finishChunk: true, done: false, close: 'end' }
        : { deltas: scenario.afterChunks ?? middleOfAnswer(reply), finishChunk: false, done: false, close: 'end' },
  },
  'error-midstream': {
    summary: 'part of the answer, then `data: {"error":{"code":"1234",…}}` and the end (`code`, `message`)',
    stream: (scenario, reply) => ({
      deltas: scenario.afterChunks ?? middleOfAnswer(reply),
      finishChunk: false,
      done: false,
      trailer: {
        error: { code: scenario.code ?? '1234', message: scenario.message ?? 'Network error, please try again later.' },
      },
      close: 'end',
    }),
  },
  'malformed-json': {
    summary: 'one event whose data is broken JSON, in the middle; the stream then completes',
    events: (events, { id, newline }) =>
      insertInTheMiddle(
        events,
        () =>
          `data: {"id":"${id}","choices":[{"index":0,"delta":{"role":"assistant","content":"brok${newline}${newline}`,
      ),
  },
  'unknown-event': {
    summary: 'one `event: ping` event in the middle; the stream then completes',
    events: (events, { newline }) =>
      insertInTheMiddle(events, () => `event: ping${newline}data: {"type":"ping"}${newline}${newline}`),
  },
  'keep-alive': {
    summary: '`: keep-alive` comment lines first and every `every` (2) events',
    events: (events, { scenario, newline }) => {
      const every = Math.max(1, scenario.every ?? 2);
      const comment = () => commentEvent('keep-alive', newline);
      const withComments: StreamEvent[] = [comment];
      events.forEach((event, index) => {
        withComments.push(event);
        if ((index + 1) % every === 0 && index < events.length - 1) withComments.push(comment);
      });
      return withComments;
    },
  },
  crlf: { summary: 'CRLF line endings throughout', newline: '\r\n' },
  'split-writes': {
    summary: 'the whole stream in `bytes` (5)-byte writes, also splitting multi-byte UTF-8 characters',
    splitWrites: (scenario) => ({ bytes: Math.max(1, scenario.bytes ?? 5), delayMs: scenario.delayMs ?? 0 }),
  },
  stall: {
    summary: 'headers (and `afterChunks` events, default 0), then silence until the client gives up or a reset',
    stream: (scenario) => ({ deltas: scenario.afterChunks ?? 0, finishChunk: false, done: false, close: 'hold' }),
    nonStreaming: () => 'hold',
  },
  long: {
    summary:
      '`contentChars` (100000) of Markdown with headings, lists, tables and code, plus `reasoningChars` (20000) of reasoning, at `chunksPerSecond`',
    text: (scenario, thinks) => ({
      content: longMarkdown(scenario.contentChars ?? 100_000),
      reasoning: thinks ? longReasoning(scenario.reasoningChars ?? 20_000) : '',
    }),
  },
  cited: {
    summary: 'an answer citing its sources in footnotes and reference-style links, all defined at its end',
    text: (_scenario, thinks) => citedReply(thinks),
  },
  'usage-reasoning-tokens': {
    summary:
      'newer-model style: an `object` field and usage.completion_tokens_details.reasoning_tokens (automatic for models with sendsObjectField, e.g. glm-4.7-flash)',
    objectField: true,
  },
  'html-200': {
    summary: 'HTTP 200 with an HTML page (a wrong base URL or a captive portal) instead of the API',
    error: () => ({
      status: 200,
      headers: {},
      body: { text: captivePortalPage, contentType: 'text/html; charset=utf-8' },
    }),
  },
  'keep-alive-only': {
    summary:
      '`afterChunks` (2) events, then only `: keep-alive` comments, `delayMs` (100) apart, `count` (1200) of them; then silence',
    eventDelayMs: 100,
    stream: (scenario) => ({ deltas: scenario.afterChunks ?? 2, finishChunk: false, done: false, close: 'hold' }),
    events: (events, { scenario, newline }) => [
      ...events,
      ...Array.from({ length: scenario.count ?? 1200 }, () => () => commentEvent('keep-alive', newline)),
    ],
  },
  'huge-event': {
    summary: 'one event of `sizeMb` (10) MB of answer text in the middle; the stream then completes',
    events: (events, { scenario, newline }) =>
      insertInTheMiddle(events, () =>
        dataEvent(
          { choices: [{ index: 0, delta: { content: 'x'.repeat((scenario.sizeMb ?? 10) * 1024 * 1024) } }] },
          newline,
        ),
      ),
  },
  'junk-events': {
    summary: '`count` (50000) events of broken JSON in the middle; the stream then completes',
    events: (events, { scenario, newline }) =>
      insertInTheMiddle(events, () => `data: {"broken${newline}${newline}`.repeat(scenario.count ?? 50_000)),
  },
  'huge-reply': {
    summary:
      '`sizeMb` (5) MB of Markdown answer in deltas of `chunkChars` (65536) characters, ending "End of the hostile reply."',
    text: (scenario) => ({ content: hugeMarkdown((scenario.sizeMb ?? 5) * 1024 * 1024), reasoning: '' }),
    chunkChars: 64 * 1024,
  },
  'huge-table': {
    summary: 'a Markdown table of `rows` (2000) × `columns` (20) cells, in deltas of `chunkChars` (4096) characters',
    text: (scenario) => ({ content: hugeTable(scenario.rows ?? 2000, scenario.columns ?? 20), reasoning: '' }),
    chunkChars: 4096,
  },
  'emphasis-bomb': {
    summary: 'one paragraph of `markers` (20000) emphasis markers, in deltas of `chunkChars` (4096) characters',
    text: (scenario) => ({ content: emphasisMarkers(scenario.markers ?? 20_000), reasoning: '' }),
    chunkChars: 4096,
  },
  'nesting-bomb': {
    summary: 'a quote and a list nested `depth` (5000) levels deep, in deltas of `chunkChars` (4096) characters',
    text: (scenario) => ({ content: nestingBomb(scenario.depth ?? 5000), reasoning: '' }),
    chunkChars: 4096,
  },
  'huge-error-body': {
    summary: 'HTTP 400 (1214) whose message is `sizeMb` (2) MB long',
    error: (scenario) => ({
      status: 400,
      headers: {},
      body: {
        json: {
          error: {
            code: '1214',
            message: 'Invalid API parameter. '.repeat(Math.ceil(((scenario.sizeMb ?? 2) * 1024 * 1024) / 23)),
          },
        },
      },
    }),
  },
  'tool-calls': {
    summary:
      "`calls` (2) tool calls, whatever the message asks, to the request's functions in turn (a get_weather one when it has none); streamed piece by piece with tool_stream; tool results still get a text answer",
    toolCalls: (scenario) => ({ count: Math.max(1, scenario.calls ?? 2) }),
  },
  'tool-call-cut': {
    summary:
      'a tool call whose connection drops mid-arguments: with tool_stream after two argument pieces, without it inside the tool-call event; non-streaming: the connection drops before any byte',
    toolCalls: () => ({}),
    stream: (_scenario, reply) =>
      reply.toolCallDeltas > 2
        ? { deltas: reply.answerStart + 2, ...dropped }
        : { deltas: reply.answerStart + 1, ...dropped, cutInsideLastEvent: true },
    nonStreaming: () => 'drop',
  },
  'tool-call-malformed': {
    summary: 'a tool call whose arguments are not valid JSON (a trailing comma, no closing brace)',
    toolCalls: () => ({ arguments: 'malformed' }),
  },
  'tool-call-schema-violation': {
    summary:
      'a tool call whose arguments are valid JSON that breaks the parameters schema (required values of the wrong type)',
    toolCalls: () => ({ arguments: 'schema-violating' }),
  },
  'json-invalid': {
    summary: 'JSON mode gone wrong: the answer is a JSON object cut short (a trailing comma, no closing brace)',
    text: (_scenario, thinks, messages) => jsonModeReply(messages, thinks, true),
  },
  'error-<code>': {
    summary:
      'HTTP status or business code, e.g. error-401, error-429 (1302 + Retry-After: 2), error-1113 (HTTP 429), error-1301; options `status`, `code`, `message`, `retryAfter` (null = none), `numericCode`, `rawBody` + `contentType`',
    family: /^error-\d{3,4}$/,
    error: errorReply,
  },
  'finish-<reason>': {
    summary: `stops half-way with that finish_reason (${finishReasons.join(', ')}); \`during\`: length defaults to 'reasoning', others to 'answer'; or \`afterChunks\``,
    family: new RegExp(`^finish-(${finishReasons.join('|')})$`),
    finish: (scenario, reply) => {
      const finishReason = scenario.name.slice('finish-'.length);
      if (finishReason === 'tool_calls') return { kept: reply.deltaCount, finishReason };
      const during = scenario.during ?? (finishReason === 'length' ? 'reasoning' : 'answer');
      const inReasoning = during === 'reasoning' && reply.answerStart > reply.reasoningStart;
      const phaseStart = inReasoning ? reply.reasoningStart : reply.answerStart;
      const phaseEnd = inReasoning ? reply.answerStart : reply.deltaCount;
      return { kept: scenario.afterChunks ?? phaseStart + Math.floor((phaseEnd - phaseStart) / 2), finishReason };
    },
  },
};

const entries = Object.entries(scenarioTable);

/** The scenario names without a parameter, in table order. */
export const scenarioNames = entries.filter(([, behaviour]) => !behaviour.family).map(([name]) => name);
/** The parametric families, e.g. 'error-<code>'. */
export const scenarioFamilies = entries.filter(([, behaviour]) => behaviour.family).map(([name]) => name);

/** The behaviour of a scenario name (an exact entry or a family member), or undefined for an unknown name. */
export function scenarioBehaviour(name: string): ScenarioBehaviour | undefined {
  const found = entries.find(([key, behaviour]) => (behaviour.family ? behaviour.family.test(name) : key === name));
  return found?.[1];
}

export function isKnownScenario(name: string): boolean {
  return scenarioBehaviour(name) !== undefined;
}

/** One line per entry of the table, "name: summary", for `npm run mock -- --help`. */
export function scenarioListing(): string[] {
  return entries.map(([name, behaviour]) => `${name}: ${behaviour.summary}`);
}
