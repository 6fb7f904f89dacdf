// @ts-check
// The project's own mock of the Z.ai chat completions API, speaking its exact wire format.
// Plain ESM with no dependencies beyond node:*, so that Node scripts, vitest and vite.config.ts can all import it.
// It serves three audiences: unit/e2e tests (fault injection via the control API), the code-export tests (it
// records every request byte for byte) and the "Offline demo" endpoint (a plausible, deterministic reply).
import http from 'node:http';

/**
 * @typedef {object} MockOptions
 * @property {number} [chunkDelayMs] Delay between stream events, in ms (default 15; 0 writes everything at once).
 * @property {boolean} [cors] Add Access-Control-* headers and answer preflights (default true). false imitates
 *   api.z.ai: the preflight answers 200 without any Access-Control-* header.
 * @property {string} [keyPrefix] Accepted API keys start with this (default '': any non-empty key).
 * @property {boolean} [requireKey] Reject a missing Authorization header with 401 (default true; the offline demo
 *   turns it off so the app can be tried without a key).
 * @property {() => number} [now] Clock in ms, for deterministic `created` and ids in tests (default Date.now).
 */

/**
 * @typedef {object} Scenario
 * @property {string} name One of `scenarioNames`, `error-<code>` or `finish-<reason>`.
 * @property {number} [times] How many chat requests it applies to (default 1).
 * @property {string} [key] Only requests with this API key consume it (lets parallel tests share one server).
 * @property {number} [delayMs] Per-event delay for this request (slow, split-writes, long…).
 * @property {string} [content] Reply text instead of the default reply.
 * @property {string} [reasoning] Reasoning text instead of the default ('' = none).
 * @property {number} [afterChunks] For cut/eof/stall/error-midstream/finish-*: delta events sent before the fault.
 * @property {number} [status] HTTP status for error-* (overrides the default for the code).
 * @property {string | number} [code] Business code for error-* / error-midstream.
 * @property {string} [message] Error message for error-* / error-midstream.
 * @property {string | number | null} [retryAfter] Retry-After header for error-* (null = none).
 * @property {unknown[]} [contentFilter] contentFilter array for error-1301.
 * @property {string} [rawBody] error-*: send this body verbatim (e.g. an HTML gateway page) instead of JSON.
 * @property {string} [contentType] error-*: Content-Type for rawBody.
 * @property {boolean} [numericCode] error-*: send `code` as a JSON number (the schema's type).
 * @property {number} [every] keep-alive: a comment every N events (default 2).
 * @property {number} [bytes] split-writes: bytes per write (default 5).
 * @property {'reasoning' | 'answer'} [during] finish-*: where the stream stops.
 * @property {boolean} [withFinish] eof-without-done: still send the finish_reason chunk, only [DONE] is missing.
 * @property {number} [contentChars] long: characters of Markdown answer (default 100000).
 * @property {number} [reasoningChars] long: characters of reasoning (default 20000).
 * @property {number} [chunksPerSecond] long/slow: delivery rate (overrides delayMs).
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path The URL path and query as received (after any mount prefix was stripped).
 * @property {Record<string, string>} headers Lower-cased names.
 * @property {string} bodyText The raw body.
 * @property {unknown} json The parsed body, or null when it was not JSON.
 * @property {string | null} scenario The scenario that answered it, if any.
 */

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {(error?: unknown) => void} Next */

/** @typedef {{ role: string, content?: unknown, reasoning_content?: string }} WireMessage */
/** @typedef {{ reasoning?: string, content?: string, tool_calls?: unknown[], finish?: string }} Delta */

/**
 * Scenario names without a parameter. `error-<code>` and `finish-<reason>` are families. Queue one with
 * `POST /__mock/scenario {"name":…, "times":n, …options}` (or `queue()`), or write `[mock:name key=value …]` in
 * the last user message. All accept `content`, `reasoning`, `delayMs`, `key` (see the Scenario typedef).
 * - reply: the normal reply, with `content`/`reasoning` overrides.
 * - slow: 200 ms between events (`delayMs`, `chunksPerSecond`); non-streaming: the response waits `delayMs` (1000).
 * - cut-mid-reasoning / cut-mid-answer: drop the socket half-way through that phase (`afterChunks`), no [DONE].
 * - eof-without-done: end the body cleanly half-way through the answer, without finish_reason or [DONE]
 *   (`withFinish: true` sends everything including the finish chunk, only [DONE] is missing).
 * - error-<HTTP status or business code>: e.g. error-401 (code 1000), error-429 (1302 + Retry-After: 2),
 *   error-1113 (HTTP 429), error-1211, error-1261, error-1301 (+ contentFilter), error-500; options `status`,
 *   `code`, `message`, `retryAfter` (null = none), `numericCode`, `rawBody` + `contentType` (e.g. an HTML 502).
 * - error-midstream: part of the answer, then `data: {"error":{"code":"1234",…}}` and the end (`code`, `message`).
 * - malformed-json: one event whose data is broken JSON, in the middle; the stream then completes.
 * - unknown-event: one `event: ping` event in the middle; the stream then completes.
 * - keep-alive: `: keep-alive` comment lines first and every `every` (2) events.
 * - crlf: CRLF line endings throughout.
 * - split-writes: the whole stream in `bytes` (5)-byte writes, also splitting multi-byte UTF-8 characters.
 * - finish-<stop|length|tool_calls|sensitive|network_error|model_context_window_exceeded>: stops half-way
 *   (`during`: length defaults to 'reasoning', others to 'answer'; or `afterChunks`) with that finish_reason.
 * - stall: headers (and `afterChunks` events, default 0), then silence until the client gives up or a reset.
 * - long: `contentChars` (100000) of Markdown with headings, lists, tables and code, plus `reasoningChars`
 *   (20000) of reasoning, at `chunksPerSecond` (or the usual delay).
 * - usage-reasoning-tokens: glm-4.7-flash style (`object` field, usage.completion_tokens_details.reasoning_tokens);
 *   automatic for model glm-4.7-flash.
 * Without a scenario, `max_tokens` is honoured: after that many deltas the stream ends with finish_reason "length".
 */
export const scenarioNames = /** @type {const} */ ([
  'reply',
  'slow',
  'cut-mid-reasoning',
  'cut-mid-answer',
  'eof-without-done',
  'error-midstream',
  'malformed-json',
  'unknown-event',
  'keep-alive',
  'crlf',
  'split-writes',
  'stall',
  'long',
  'usage-reasoning-tokens',
]);

export const finishReasons = [
  'stop',
  'length',
  'tool_calls',
  'sensitive',
  'network_error',
  'model_context_window_exceeded',
];

/** Models that never reason (the request must not even carry `thinking`). */
const modelsWithoutThinking = new Set(['glm-4-32b-0414-128k']);
/** Models whose chunks carry `"object"` and whose usage reports reasoning_tokens. */
const modelsWithObjectField = new Set(['glm-4.7-flash']);

const streamContentType = 'text/event-stream;charset=UTF-8';
const jsonContentType = 'application/json; charset=UTF-8';

/**
 * Default HTTP status and message per business code (zai-api.md "Errors").
 * @param {number} code
 * @returns {{ status: number, message: string, retryAfter?: string }}
 */
function errorDefaults(code) {
  if (code >= 1000 && code <= 1004) {
    const messages = [
      'Authentication failed.',
      'Authorization header is missing.',
      'Invalid API key.',
      'API key has expired.',
      'Authentication failed: token could not be verified.',
    ];
    return { status: 401, message: messages[code - 1000] ?? 'Authentication failed.' };
  }
  if (code === 1113) return { status: 429, message: 'Insufficient balance or no resource package. Please recharge.' };
  if (code >= 1110 && code <= 1121) return { status: 401, message: 'Your account is not available.' };
  if (code === 1211) return { status: 400, message: 'Unknown Model, please check the model code.' };
  if (code >= 1210 && code <= 1215)
    return { status: 400, message: 'Invalid API parameter, please check the documentation.' };
  if (code === 1220) return { status: 403, message: 'You do not have permission to access this API.' };
  if (code === 1221) return { status: 400, message: 'This API has been taken offline.' };
  if (code === 1222) return { status: 404, message: 'This API does not exist.' };
  if (code === 1261) return { status: 400, message: 'Prompt exceeds max length.' };
  if (code === 1301)
    return { status: 400, message: 'System detected potentially unsafe or sensitive content in input or generation.' };
  if (code === 1302)
    return {
      status: 429,
      message:
        'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits.',
      retryAfter: '2',
    };
  if (code === 1303)
    return { status: 429, message: 'High frequency usage of this API, please reduce frequency.', retryAfter: '2' };
  if (code === 1305)
    return {
      status: 429,
      message: 'The service may be temporarily overloaded, please try again later.',
      retryAfter: '2',
    };
  if (code === 1304 || code === 1308 || code === 1310)
    return { status: 429, message: 'Usage limit reached. Your limit will reset at 2026-01-01 00:00:00.' };
  if (code === 1312)
    return { status: 429, message: 'High traffic for this model, please try again later.', retryAfter: '2' };
  if (code >= 1309 && code <= 1313) return { status: 429, message: 'Your coding plan does not cover this request.' };
  return { status: 400, message: `Mock business error ${code}.` };
}

/**
 * Default business code and message per HTTP status.
 * @param {number} status
 * @returns {{ code: string, message: string, retryAfter?: string }}
 */
function statusDefaults(status) {
  if (status === 400) return { code: '1214', message: 'Invalid API parameter, please check the documentation.' };
  if (status === 401) return { code: '1000', message: 'Authentication failed.' };
  if (status === 404) return { code: '1222', message: 'This API does not exist.' };
  if (status === 429) return { code: '1302', message: errorDefaults(1302).message, retryAfter: '2' };
  if (status >= 500) return { code: String(status), message: 'Internal server error, please try again later.' };
  return { code: String(status), message: `Mock HTTP error ${status}.` };
}

/**
 * @param {Scenario} scenario
 * @returns {{ status: number, code: string, message: string, retryAfter: string | null }}
 */
function resolveError(scenario) {
  const suffix = Number(scenario.name.slice('error-'.length));
  const fromName =
    suffix >= 1000 ? { code: String(suffix), ...errorDefaults(suffix) } : { status: suffix, ...statusDefaults(suffix) };
  const code = scenario.code !== undefined ? String(scenario.code) : fromName.code;
  const fromCode = scenario.code !== undefined && Number(code) >= 1000 ? errorDefaults(Number(code)) : fromName;
  const retryAfter =
    scenario.retryAfter === null
      ? null
      : scenario.retryAfter !== undefined
        ? String(scenario.retryAfter)
        : (fromCode.retryAfter ?? fromName.retryAfter ?? null);
  return {
    status: scenario.status ?? fromName.status,
    code,
    message: scenario.message ?? fromCode.message,
    retryAfter,
  };
}

/** @param {string} name */
export function isKnownScenario(name) {
  if (/** @type {readonly string[]} */ (scenarioNames).includes(name)) return true;
  if (/^error-\d{3,4}$/.test(name)) return true;
  if (name.startsWith('finish-')) return finishReasons.includes(name.slice('finish-'.length));
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Reply text

/** @param {unknown} content */
function messageText(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        part && typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : '',
      )
      .join('');
  }
  return '';
}

/** @param {string} text @param {number} max */
function truncate(text, max) {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max - 1).join('') + '…';
}

const directivePattern = /\[mock:([a-z0-9_-]+)((?:\s+[a-zA-Z]+=[^\s\]]+)*)\s*\]/;

/**
 * A scenario written into a message by hand, e.g. `[mock:error-429]` or `[mock:slow delayMs=300]`.
 * @param {string} text
 * @returns {Scenario | null}
 */
export function parseDirective(text) {
  const match = directivePattern.exec(text);
  if (!match || !match[1]) return null;
  /** @type {Record<string, unknown>} */
  const scenario = { name: match[1] };
  for (const pair of (match[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=');
    scenario[key] = /^-?\d+(\.\d+)?$/.test(value)
      ? Number(value)
      : value === 'true'
        ? true
        : value === 'false'
          ? false
          : value;
  }
  return /** @type {Scenario} */ (/** @type {unknown} */ (scenario));
}

/**
 * The deterministic default reply: it quotes the last user message, and shows a heading, a list and a code block.
 * @param {WireMessage[]} messages
 * @param {boolean} withReasoning
 * @returns {{ reasoning: string, content: string }}
 */
export function defaultReply(messages, withReasoning) {
  const userMessages = messages.filter((message) => message.role === 'user');
  const lastUser = messageText(userMessages[userMessages.length - 1]?.content)
    .replace(directivePattern, '')
    .trim();
  const question = lastUser === '' ? '(an empty message)' : lastUser;
  const firstLine = truncate(question.split(/\r?\n/)[0] ?? question, 60);
  const turn = userMessages.length;
  const system = messages.find((message) => message.role === 'system');
  const quoted = truncate(question, 400)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
  const words = question.split(/\s+/).filter(Boolean).length;
  const literal = JSON.stringify(truncate(question, 80)).replace(/`/g, "'");

  const reasoning = withReasoning
    ? [
        `The user is asking: “${truncate(question, 200)}”. Let me work out what they actually want before answering.`,
        turn > 1
          ? `This is turn ${turn} of the conversation, so I should keep the earlier messages in mind.`
          : 'This is the first message of the conversation, so there is no earlier context to consider.',
        system
          ? 'There is a system prompt, and I should follow its instructions.'
          : 'There is no system prompt, so a friendly, neutral tone fits.',
        `The message has ${words} word${words === 1 ? '' : 's'}. A good answer restates the question, then gives a short structured reply: a heading, a few list items and a small code example.`,
        'Okay, I have a plan — let me write the answer.',
      ].join('\n\n')
    : '';

  const content = [
    `## About “${firstLine}”`,
    '',
    `This is the **offline demo** server answering turn ${turn}; no model was called and nothing left your machine. You wrote:`,
    '',
    quoted,
    '',
    'What a real GLM reply would look like here:',
    '',
    `1. ${withReasoning ? 'The reasoning streamed first, in its own pane.' : 'There was no reasoning: thinking is off or the model does not think.'}`,
    '2. The answer streams as Markdown — a heading, this list, `inline code` and the code block below.',
    '3. The last chunk carries `finish_reason` and token `usage`.',
    '',
    '```python',
    `question = ${literal}`,
    `print(len(question.split()))  # ${words}`,
    '```',
    '',
    'Tip: put `[mock:error-429]`, `[mock:slow]` or `[mock:cut-mid-answer]` in a message to see how faults look.',
  ].join('\n');
  return { reasoning, content };
}

/**
 * Deterministic pseudo-random numbers (mulberry32), so long replies are identical run to run.
 * @param {number} seed
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary =
  'stream token model reply reasoning latency render block markdown parser buffer chunk server client request response thinking budget window context cache frame paint layout commit store selector memo delta event socket proxy header'.split(
    ' ',
  );

/** @param {() => number} next @param {number} count */
function sentence(next, count) {
  const words = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'token');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/**
 * `chars` characters of varied Markdown (headings, paragraphs, lists, tables, code blocks), for benchmarks.
 * @param {number} chars
 * @param {number} seed
 */
export function longMarkdown(chars, seed = 1) {
  const next = random(seed);
  /** @type {string[]} */
  const blocks = [];
  let length = 0;
  let section = 1;
  while (length < chars) {
    const kind = blocks.length % 6;
    let block;
    if (kind === 0) block = `## Section ${section++}: ${sentence(next, 4).slice(0, -1)}`;
    else if (kind === 1 || kind === 4)
      block = Array.from({ length: 4 }, () => sentence(next, 8 + Math.floor(next() * 10))).join(' ');
    else if (kind === 2)
      block = Array.from(
        { length: 4 },
        (_, index) => `${index % 2 ? '-' : '*'} **${sentence(next, 2).slice(0, -1)}**: ${sentence(next, 7)}`,
      ).join('\n');
    else if (kind === 3)
      block = [
        '| Metric | Value | Note |',
        '| --- | ---: | --- |',
        ...Array.from(
          { length: 4 },
          () =>
            `| ${sentence(next, 1).slice(0, -1)} | ${Math.floor(next() * 1000)} | ${sentence(next, 3).slice(0, -1)} |`,
        ),
      ].join('\n');
    else
      block = [
        '```ts',
        `function step${section}(input: number): number {`,
        `  // ${sentence(next, 5)}`,
        `  return input * ${Math.floor(next() * 90) + 2};`,
        '}',
        '```',
      ].join('\n');
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n').slice(0, chars);
}

/** @param {number} chars @param {number} seed */
export function longReasoning(chars, seed = 2) {
  const next = random(seed);
  /** @type {string[]} */
  const paragraphs = [];
  let length = 0;
  while (length < chars) {
    const paragraph = Array.from({ length: 5 }, () => sentence(next, 6 + Math.floor(next() * 12))).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, chars);
}

/**
 * Splits text into token-like pieces: a word with its leading whitespace ("Hello", " world", "\n\n##").
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

/** @param {string} text */
function estimateTokens(text) {
  return Math.max(1, Math.ceil(text.length / 4));
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers

/** @param {Request} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const parts = [];
    req.on('data', (part) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** @param {Request} req @returns {Record<string, string>} */
function lowerCaseHeaders(req) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** @param {Request} req */
function bearerToken(req) {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : '';
}

/** @param {unknown} value */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------------
// The mock

/**
 * Creates the mock as connect-style middleware (mountable under any prefix) plus its control functions.
 * @param {MockOptions} [options]
 */
export function createMockZai(options = {}) {
  const initial = {
    chunkDelayMs: options.chunkDelayMs ?? 15,
    cors: options.cors ?? true,
    keyPrefix: options.keyPrefix ?? '',
    requireKey: options.requireKey ?? true,
  };
  let config = { ...initial };
  const now = options.now ?? Date.now;
  /** @type {RecordedRequest[]} */
  let recorded = [];
  /** @type {Array<Scenario & { times: number }>} */
  let queued = [];
  /** Open responses (stalled or streaming), destroyed on reset so nothing hangs. */
  const open = new Set();
  let counter = 0;

  /** @param {Response} res */
  function corsHeaders(res) {
    if (!config.cors) return;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Accept-Language, X-Request-Id');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  /** @param {Response} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
  function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', jsonContentType);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  }

  /** @param {Response} res @param {number} status @param {string | number} code @param {string} message @param {Record<string, string>} [headers] */
  function sendError(res, status, code, message, headers) {
    sendJson(res, status, { error: { code, message } }, headers);
  }

  function newId() {
    counter += 1;
    const date = new Date(now());
    const stamp = date.toISOString().replace(/\D/g, '').slice(0, 14);
    return stamp + ((counter * 2654435761) >>> 0).toString(16).padStart(8, '0') + counter.toString(16).padStart(8, '0');
  }

  /** @param {string | null} key */
  function takeScenario(key) {
    const index = queued.findIndex((scenario) => scenario.key === undefined || scenario.key === key);
    if (index < 0) return null;
    const scenario = queued[index];
    if (!scenario) return null;
    scenario.times -= 1;
    if (scenario.times <= 0) queued.splice(index, 1);
    return scenario;
  }

  /** @param {Scenario} scenario */
  function queue(scenario) {
    if (!isRecord(scenario) || typeof scenario.name !== 'string' || !isKnownScenario(scenario.name)) {
      throw new Error(
        `Unknown mock scenario ${JSON.stringify(isRecord(scenario) ? scenario.name : scenario)}; known: ${scenarioNames.join(', ')}, error-<code>, finish-<reason>`,
      );
    }
    queued.push({ ...scenario, times: Math.max(1, Math.floor(scenario.times ?? 1)) });
  }

  function reset() {
    recorded = [];
    queued = [];
    counter = 0;
    config = { ...initial };
    for (const res of open) /** @type {Response} */ (res).destroy();
    open.clear();
  }

  /** @param {Partial<typeof initial>} partial */
  function configure(partial) {
    config = { ...config, ...partial };
    return { ...config };
  }

  /**
   * @param {Request} req
   * @param {Response} res
   * @param {string} path
   */
  async function handleControl(req, res, path) {
    const route = path.slice(path.indexOf('/__mock/') + '/__mock/'.length).split('?')[0];
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      return res.end();
    }
    if (route === 'requests' && method === 'GET') {
      const key = new URL(path, 'http://mock').searchParams.get('key');
      const list =
        key === null ? recorded : recorded.filter((request) => request.headers.authorization === `Bearer ${key}`);
      return sendJson(res, 200, list);
    }
    if (route === 'requests' && method === 'DELETE') {
      const cleared = recorded.length;
      recorded = [];
      return sendJson(res, 200, { cleared });
    }
    if (route === 'reset' && method === 'POST') {
      reset();
      return sendJson(res, 200, { reset: true });
    }
    if (route === 'health' && method === 'GET') return sendJson(res, 200, { ok: true });
    if (route === 'scenarios' && method === 'GET')
      return sendJson(res, 200, {
        names: scenarioNames,
        families: ['error-<code>', 'finish-<reason>'],
        finishReasons,
        queued,
      });
    const bodyText = await readBody(req);
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(bodyText || '{}');
    } catch {
      return sendError(res, 400, '1210', 'Control API: body is not JSON.');
    }
    if (route === 'scenario' && method === 'POST') {
      const list = Array.isArray(body) ? body : [body];
      try {
        for (const scenario of list) queue(/** @type {Scenario} */ (scenario));
      } catch (error) {
        return sendError(res, 400, '1214', error instanceof Error ? error.message : String(error));
      }
      return sendJson(res, 200, { queued: queued.length });
    }
    if (route === 'config' && method === 'POST' && isRecord(body)) {
      /** @type {Partial<typeof initial>} */
      const partial = {};
      const record = /** @type {Record<string, unknown>} */ (body);
      if (typeof record.chunkDelayMs === 'number') partial.chunkDelayMs = record.chunkDelayMs;
      if (typeof record.cors === 'boolean') partial.cors = record.cors;
      if (typeof record.keyPrefix === 'string') partial.keyPrefix = record.keyPrefix;
      if (typeof record.requireKey === 'boolean') partial.requireKey = record.requireKey;
      return sendJson(res, 200, configure(partial));
    }
    return sendError(res, 404, '1222', `Control API: no route ${method} /__mock/${route}.`);
  }

  /**
   * Connect-style middleware. Answers any path ending in /chat/completions, the /__mock/ control API and CORS
   * preflights; anything else is a 404 in the Z.ai error shape.
   * @param {Request} req
   * @param {Response} res
   * @param {Next} [next]
   */
  async function handle(req, res, next) {
    try {
      const path = req.url ?? '/';
      const pathname = path.split('?')[0] ?? '/';
      corsHeaders(res);
      if (pathname.includes('/__mock/')) return await handleControl(req, res, path);

      const method = req.method ?? 'GET';
      const bodyText = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      /** @type {unknown} */
      let json = null;
      try {
        json = bodyText === '' ? null : JSON.parse(bodyText);
      } catch {
        json = null;
      }
      /** @type {RecordedRequest} */
      const record = { method, path, headers: lowerCaseHeaders(req), bodyText, json, scenario: null };
      recorded.push(record);

      if (method === 'OPTIONS') {
        // api.z.ai answers the preflight 200 with no Access-Control-* headers; with cors on, a normal 204.
        res.statusCode = config.cors ? 204 : 200;
        return res.end();
      }
      if (!/\/chat\/completions\/?$/.test(pathname))
        return sendError(res, 404, '1222', `The API ${pathname} does not exist.`);
      if (method !== 'POST') return sendError(res, 405, '1214', `Method ${method} is not allowed; use POST.`);

      const key = bearerToken(req);
      if (key === null || key === '') {
        if (config.requireKey) return sendError(res, 401, '1001', 'Authorization header is missing or empty.');
      } else if (key === 'invalid-key' || !key.startsWith(config.keyPrefix)) {
        return sendError(res, 401, '1002', 'Invalid API key. Check the key you entered.');
      }

      if (json === null && bodyText !== '') return sendError(res, 400, '1210', 'The request body is not valid JSON.');
      if (!isRecord(json)) return sendError(res, 400, '1214', 'The request body must be a JSON object.');
      const body = /** @type {Record<string, unknown>} */ (json);
      if (typeof body.model !== 'string' || body.model.trim() === '')
        return sendError(res, 400, '1214', 'model: must not be empty.');
      if (!Array.isArray(body.messages) || body.messages.length === 0)
        return sendError(res, 400, '1214', 'messages: must not be empty.');
      const messages = /** @type {WireMessage[]} */ (body.messages.filter(isRecord));
      if (!messages.some((message) => message.role === 'user' || message.role === 'tool')) {
        return sendError(res, 400, '1214', 'messages: must contain a user message.');
      }

      const lastUser = [...messages].reverse().find((message) => message.role === 'user');
      const scenario = takeScenario(key) ?? parseDirective(messageText(lastUser?.content));
      if (scenario && !isKnownScenario(scenario.name))
        return sendError(res, 400, '1214', `Unknown mock scenario "${scenario.name}".`);
      record.scenario = scenario ? scenario.name : null;
      await reply(req, res, body, messages, scenario);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent)
        sendError(res, 500, '500', 'Mock server error: ' + (error instanceof Error ? error.message : String(error)));
      else res.destroy();
    }
  }

  /**
   * @param {Request} _req
   * @param {Response} res
   * @param {Record<string, unknown>} body
   * @param {WireMessage[]} messages
   * @param {Scenario | null} scenario
   */
  async function reply(_req, res, body, messages, scenario) {
    const name = scenario?.name ?? 'reply';
    if (name.startsWith('error-') && name !== 'error-midstream') {
      const error = resolveError(/** @type {Scenario} */ (scenario));
      /** @type {Record<string, string>} */
      const headers = error.retryAfter !== null ? { 'Retry-After': error.retryAfter } : {};
      if (scenario?.rawBody !== undefined) {
        res.statusCode = error.status;
        res.setHeader('Content-Type', scenario.contentType ?? 'text/html; charset=UTF-8');
        for (const [header, value] of Object.entries(headers)) res.setHeader(header, value);
        return res.end(scenario.rawBody);
      }
      /** @type {{ code: string | number, message: string, contentFilter?: unknown[] }} */
      const payload = { code: scenario?.numericCode ? Number(error.code) : error.code, message: error.message };
      if (error.code === '1301') payload.contentFilter = scenario?.contentFilter ?? [{ level: 1, role: 'user' }];
      return sendJson(res, error.status, { error: payload }, headers);
    }

    const model = /** @type {string} */ (body.model).trim();
    const thinking = isRecord(body.thinking) ? /** @type {Record<string, unknown>} */ (body.thinking).type : undefined;
    const thinks = !modelsWithoutThinking.has(model.toLowerCase()) && thinking !== 'disabled';
    const flashStyle = modelsWithObjectField.has(model.toLowerCase()) || name === 'usage-reasoning-tokens';

    let reasoningText;
    let contentText;
    if (name === 'long') {
      contentText = longMarkdown(scenario?.contentChars ?? 100_000);
      reasoningText = thinks ? longReasoning(scenario?.reasoningChars ?? 20_000) : '';
    } else {
      const fallback = defaultReply(messages, thinks);
      contentText = scenario?.content ?? fallback.content;
      reasoningText = scenario?.reasoning ?? fallback.reasoning;
      if (!thinks) reasoningText = '';
    }

    /** @type {Delta[]} */
    const deltas = [];
    // Real thinking streams open with a whitespace-only content delta before the reasoning (zai-api.md).
    if (reasoningText !== '') deltas.push({ content: '\n' });
    const reasoningStart = deltas.length;
    for (const piece of tokenize(reasoningText)) deltas.push({ reasoning: piece });
    const answerStart = deltas.length;
    for (const piece of tokenize(contentText)) deltas.push({ content: piece });

    /** @type {string} */
    let finishReason = 'stop';
    /** @type {number} */
    let kept = deltas.length;
    const maxTokens = typeof body.max_tokens === 'number' && body.max_tokens >= 1 ? Math.floor(body.max_tokens) : null;
    if (maxTokens !== null && maxTokens < deltas.length) {
      kept = maxTokens;
      finishReason = 'length';
    }
    if (name.startsWith('finish-')) {
      finishReason = name.slice('finish-'.length);
      if (finishReason === 'tool_calls') kept = deltas.length;
      else {
        const during = scenario?.during ?? (finishReason === 'length' ? 'reasoning' : 'answer');
        const phaseStart = during === 'reasoning' && answerStart > reasoningStart ? reasoningStart : answerStart;
        const phaseEnd = during === 'reasoning' && answerStart > reasoningStart ? answerStart : deltas.length;
        kept = scenario?.afterChunks ?? phaseStart + Math.floor((phaseEnd - phaseStart) / 2);
      }
    }
    const sent = deltas.slice(0, kept);
    if (finishReason === 'tool_calls') {
      sent.push({
        content: '',
        finish: 'tool_calls',
        tool_calls: [
          {
            id: 'call_mock_1',
            type: 'function',
            index: 0,
            function: { name: 'get_weather', arguments: '{"city":"Beijing"}' },
          },
        ],
      });
    }

    const reasoningSent = sent.map((delta) => delta.reasoning ?? '').join('');
    const contentSent = sent.map((delta) => delta.content ?? '').join('');
    const promptTokens = messages.reduce((sum, message) => sum + estimateTokens(messageText(message.content)) + 4, 0);
    const reasoningTokens = sent.filter((delta) => delta.reasoning !== undefined).length;
    const completionTokens = Math.max(sent.length, 1);
    /** @type {Record<string, unknown>} */
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0 },
    };
    if (flashStyle) usage.completion_tokens_details = { reasoning_tokens: reasoningTokens };

    const id = newId();
    if (body.stream !== true) {
      /** @type {Record<string, unknown>} */
      const message = { role: 'assistant', content: contentSent.replace(/^\s+/, '') };
      if (reasoningSent !== '') message.reasoning_content = reasoningSent;
      const last = sent[sent.length - 1];
      if (last?.tool_calls) message.tool_calls = last.tool_calls;
      const requestId = typeof body.request_id === 'string' ? body.request_id : id;
      /** @type {Record<string, unknown>} */
      const response = { id, request_id: requestId, created: Math.floor(now() / 1000), model };
      if (flashStyle) response.object = 'chat.completion';
      response.choices = [{ index: 0, finish_reason: finishReason, message }];
      response.usage = usage;
      if (name === 'stall') {
        // No byte at all until the client gives up or the mock is reset.
        open.add(res);
        res.on('close', () => open.delete(res));
        return;
      }
      if (name === 'slow') await sleep(scenario?.delayMs ?? 1000);
      return sendJson(res, 200, response);
    }

    await streamReply(res, {
      id,
      model,
      flashStyle,
      sent,
      finishReason,
      usage,
      scenario,
      name,
      answerStart,
      reasoningStart,
    });
  }

  /**
   * @param {Response} res
   * @param {{ id: string, model: string, flashStyle: boolean, sent: Delta[], finishReason: string, usage: Record<string, unknown>, scenario: Scenario | null, name: string, answerStart: number, reasoningStart: number }} plan
   */
  async function streamReply(res, plan) {
    const { id, model, flashStyle, sent, finishReason, usage, scenario, name } = plan;
    const newline = name === 'crlf' ? '\r\n' : '\n';
    const created = () => Math.floor(now() / 1000);

    /** @param {Record<string, unknown>} choice @param {Record<string, unknown>} [extra] */
    function chunk(choice, extra = {}) {
      /** @type {Record<string, unknown>} */
      const value = { id };
      if (flashStyle) value.object = 'chat.completion.chunk';
      value.created = created();
      value.model = model;
      value.choices = [choice];
      return `data: ${JSON.stringify({ ...value, ...extra })}${newline}${newline}`;
    }
    /** @param {Delta} delta */
    function deltaEvent(delta) {
      /** @type {Record<string, unknown>} */
      const wire = { role: 'assistant' };
      if (delta.content !== undefined) wire.content = delta.content;
      if (delta.reasoning !== undefined) wire.reasoning_content = delta.reasoning;
      if (delta.tool_calls !== undefined) wire.tool_calls = delta.tool_calls;
      // A tool_calls delta carries its own finish_reason; the usage chunk repeats it (zai-api.md).
      return chunk(delta.finish ? { index: 0, finish_reason: delta.finish, delta: wire } : { index: 0, delta: wire });
    }

    // Which events to send, as thunks so that `created` is taken when each event goes out.
    /** @type {Array<() => string>} */
    let events = [];
    /** @type {'done' | 'cut' | 'eof' | 'stall'} */
    let ending = 'done';
    /** @type {number} */
    let count = sent.length;
    if (name === 'cut-mid-reasoning' || name === 'cut-mid-answer') {
      const reasoningLength = plan.answerStart - plan.reasoningStart;
      count =
        name === 'cut-mid-reasoning'
          ? (scenario?.afterChunks ?? plan.reasoningStart + Math.max(1, Math.floor(reasoningLength / 2)))
          : (scenario?.afterChunks ?? plan.answerStart + Math.max(1, Math.floor((sent.length - plan.answerStart) / 2)));
      ending = 'cut';
    } else if (name === 'eof-without-done') {
      count = scenario?.withFinish
        ? sent.length
        : (scenario?.afterChunks ?? plan.answerStart + Math.floor((sent.length - plan.answerStart) / 2));
      ending = 'eof';
    } else if (name === 'stall') {
      count = scenario?.afterChunks ?? 0;
      ending = 'stall';
    } else if (name === 'error-midstream') {
      count = scenario?.afterChunks ?? plan.answerStart + Math.floor((sent.length - plan.answerStart) / 2);
    }
    count = Math.min(count, sent.length);
    for (const delta of sent.slice(0, count)) events.push(() => deltaEvent(delta));

    if (name === 'error-midstream') {
      const code = scenario?.code ?? '1234';
      const message = scenario?.message ?? 'Network error, please try again later.';
      events.push(() => `data: ${JSON.stringify({ error: { code, message } })}${newline}${newline}`);
      ending = 'eof';
    } else if (ending === 'done' || (ending === 'eof' && scenario?.withFinish)) {
      // The last chunk carries finish_reason and usage (a tool_calls delta keeps its own tool_calls).
      const finalDelta = { role: 'assistant', content: '' };
      events.push(() => chunk({ index: 0, finish_reason: finishReason, delta: finalDelta }, { usage }));
    }
    if (ending === 'done') events.push(() => `data: [DONE]${newline}${newline}`);

    if (name === 'malformed-json') {
      const at = Math.min(events.length - 2, Math.max(1, Math.floor(events.length / 2)));
      events.splice(
        at,
        0,
        () =>
          `data: {"id":"${id}","choices":[{"index":0,"delta":{"role":"assistant","content":"brok${newline}${newline}`,
      );
    } else if (name === 'unknown-event') {
      const at = Math.min(events.length - 2, Math.max(1, Math.floor(events.length / 2)));
      events.splice(at, 0, () => `event: ping${newline}data: {"type":"ping"}${newline}${newline}`);
    } else if (name === 'keep-alive') {
      const every = Math.max(1, scenario?.every ?? 2);
      /** @type {Array<() => string>} */
      const withComments = [() => `: keep-alive${newline}${newline}`];
      events.forEach((event, index) => {
        withComments.push(event);
        if ((index + 1) % every === 0 && index < events.length - 1)
          withComments.push(() => `: keep-alive${newline}${newline}`);
      });
      events = withComments;
    }

    res.statusCode = 200;
    res.setHeader('Content-Type', streamContentType);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    open.add(res);
    let closed = false;
    res.on('close', () => {
      closed = true;
      open.delete(res);
    });

    const rate = scenario?.chunksPerSecond;
    const delay =
      rate !== undefined && rate > 0
        ? 1000 / rate
        : (scenario?.delayMs ?? (name === 'slow' ? 200 : config.chunkDelayMs));

    if (name === 'split-writes') {
      const bytes = Buffer.from(events.map((event) => event()).join(''), 'utf8');
      const size = Math.max(1, scenario?.bytes ?? 5);
      // Cut points every `size` bytes, plus one inside each of the first multi-byte UTF-8 characters.
      const cuts = new Set();
      for (let offset = size; offset < bytes.length; offset += size) cuts.add(offset);
      let splitCharacters = 0;
      for (let offset = 0; offset < bytes.length && splitCharacters < 3; offset += 1) {
        if (((bytes[offset] ?? 0) & 0xc0) === 0xc0) {
          cuts.add(offset + 1);
          splitCharacters += 1;
        }
      }
      const sorted = [...cuts].sort((a, b) => a - b);
      let start = 0;
      for (const cut of [...sorted, bytes.length]) {
        if (closed) return;
        res.write(bytes.subarray(start, cut));
        start = cut;
        await (scenario?.delayMs ? sleep(scenario.delayMs) : new Promise((resolve) => setImmediate(resolve)));
      }
      res.end();
      return;
    }

    // Paced delivery: by elapsed time, so high rates (1,000 events/s) are met despite timer granularity.
    const started = Date.now();
    let index = 0;
    while (index < events.length) {
      if (closed) return;
      const due = delay <= 0 ? events.length : Math.min(events.length, Math.floor((Date.now() - started) / delay) + 1);
      let batch = '';
      for (; index < due; index += 1) batch += /** @type {() => string} */ (events[index])();
      if (batch !== '') res.write(batch);
      if (index < events.length) await sleep(Math.max(1, started + index * delay - Date.now()));
    }
    if (closed) return;
    if (ending === 'cut') {
      // Drop the connection without finishing the chunked body, once what was written has been flushed.
      await new Promise((resolve) => res.write('', () => resolve(undefined)));
      await sleep(10);
      res.destroy();
    } else if (ending === 'stall') {
      // Headers (and maybe a few events) then silence, until the client gives up or the mock is reset.
    } else {
      res.end();
    }
  }

  return {
    handle,
    /** @returns {RecordedRequest[]} */
    requests: () => recorded.map((request) => ({ ...request })),
    reset,
    queue,
    configure,
  };
}

/**
 * Starts the mock on its own HTTP server.
 * @param {MockOptions & { port?: number, host?: string }} [options]
 */
export async function startMockServer(options = {}) {
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options;
  const mock = createMockZai(mockOptions);
  const server = http.createServer((req, res) => void mock.handle(req, res));
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    url,
    baseUrl: `${url}/api/paas/v4`,
    port: actualPort,
    requests: mock.requests,
    reset: mock.reset,
    queue: mock.queue,
    configure: mock.configure,
    handle: mock.handle,
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((resolve) => {
        mock.reset();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
