// The project's own mock of the Z.ai chat completions API, speaking its exact wire format. It serves three
// audiences: unit/e2e tests (fault injection via the control API), the code-export tests (it records every request
// byte for byte) and the "Offline demo" endpoint (a plausible, deterministic reply). Faults: scenarios.ts.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { messageText, type WireMessage } from './content.ts';
import { handleControl } from './controlApi.ts';
import { isContinuation } from './continuation.ts';
import { parseDirective } from './directive.ts';
import { bearerToken, isRecord, lowerCaseHeaders, readBody, sendError, sendJson } from './http.ts';
import { checkChatRequest } from './chatRequest.ts';
import { sendErrorReply } from './errorReplies.ts';
import { completionBody, planReply } from './reply.ts';
import { isKnownScenario, normalReply, scenarioBehaviour, scenarioFamilies, scenarioNames } from './scenarios.ts';
import type { Scenario } from './scenarioTypes.ts';
import { sleep } from './sse.ts';
import { streamReply } from './streamReply.ts';

export type { MockConfig, MockOptions, RecordedRequest } from './mockTypes.ts';
import type { MockConfig, MockOptions, RecordedRequest } from './mockTypes.ts';

type Next = (error?: unknown) => void;

/** Creates the mock as connect-style middleware (mountable under any prefix) plus its control functions. */
export function createMockZai(options: MockOptions = {}) {
  const initial: MockConfig = {
    chunkDelayMs: options.chunkDelayMs ?? 15,
    cors: options.cors ?? true,
    keyPrefix: options.keyPrefix ?? '',
    requireKey: options.requireKey ?? true,
  };
  let config = { ...initial };
  const now = options.now ?? Date.now;
  let recorded: RecordedRequest[] = [];
  let queued: Array<Scenario & { times: number }> = [];
  /** Open responses (stalled or streaming), destroyed on reset so nothing hangs. */
  const open = new Set<ServerResponse>();
  let counter = 0;

  function track(res: ServerResponse) {
    open.add(res);
    res.on('close', () => open.delete(res));
  }

  function corsHeaders(res: ServerResponse) {
    if (!config.cors) return;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Accept-Language, X-Request-Id');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    res.setHeader('Access-Control-Max-Age', '600');
  }

  function newId() {
    counter += 1;
    const stamp = new Date(now()).toISOString().replace(/\D/g, '').slice(0, 14);
    return stamp + ((counter * 2654435761) >>> 0).toString(16).padStart(8, '0') + counter.toString(16).padStart(8, '0');
  }

  function takeScenario(key: string | null): Scenario | null {
    const index = queued.findIndex((scenario) => scenario.key === undefined || scenario.key === key);
    const scenario = queued[index];
    if (!scenario) return null;
    scenario.times -= 1;
    if (scenario.times <= 0) queued.splice(index, 1);
    return scenario;
  }

  function queue(scenario: Scenario) {
    if (!isRecord(scenario) || typeof scenario.name !== 'string' || !isKnownScenario(scenario.name)) {
      const name = JSON.stringify(isRecord(scenario) ? scenario.name : scenario);
      const known = [...scenarioNames, ...scenarioFamilies].join(', ');
      throw new Error(`Unknown mock scenario ${name}; known: ${known}`);
    }
    queued.push({ ...scenario, times: Math.max(1, Math.floor(scenario.times ?? 1)) });
  }

  function reset() {
    recorded = [];
    queued = [];
    counter = 0;
    config = { ...initial };
    for (const res of open) res.destroy();
    open.clear();
  }

  function configure(partial: Partial<MockConfig>): MockConfig {
    config = { ...config, ...partial };
    return { ...config };
  }

  const state = {
    recorded: () => recorded,
    clearRequests: () => {
      const cleared = recorded.length;
      recorded = [];
      return cleared;
    },
    queued: () => queued,
    queue,
    reset,
    configure,
  };

  /**
   * Connect-style middleware. Answers any path ending in /chat/completions, the /__mock/ control API and CORS
   * preflights; anything else is a 404 in the Z.ai error shape.
   */
  async function handle(req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> {
    try {
      const path = req.url ?? '/';
      const pathname = path.split('?')[0] ?? '/';
      corsHeaders(res);
      if (pathname.includes('/__mock/')) {
        await handleControl(req, res, path, state);
        return;
      }

      const method = req.method ?? 'GET';
      const bodyText = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      let json: unknown = null;
      try {
        json = bodyText === '' ? null : JSON.parse(bodyText);
      } catch {
        json = null;
      }
      const record: RecordedRequest = { method, path, headers: lowerCaseHeaders(req), bodyText, json, scenario: null };
      recorded.push(record);

      if (method === 'OPTIONS') {
        // api.z.ai answers the preflight 200 with no Access-Control-* headers; with cors on, a normal 204.
        res.statusCode = config.cors ? 204 : 200;
        res.end();
        return;
      }
      if (!/\/chat\/completions\/?$/.test(pathname)) {
        sendError(res, 404, '1222', `The API ${pathname} does not exist.`);
        return;
      }
      if (method !== 'POST') {
        sendError(res, 405, '1214', `Method ${method} is not allowed; use POST.`);
        return;
      }

      const key = bearerToken(req);
      if (key === null || key === '') {
        if (config.requireKey) {
          sendError(res, 401, '1001', 'Authorization header is missing or empty.');
          return;
        }
      } else if (key === 'invalid-key' || !key.startsWith(config.keyPrefix)) {
        sendError(res, 401, '1002', 'Invalid API key. Check the key you entered.');
        return;
      }

      const request = checkChatRequest(json, bodyText);
      if (!request.valid) {
        sendError(res, 400, request.code, request.message);
        return;
      }
      const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
      // A continuation must not replay the fault its conversation's message asked for: directives are ignored there.
      const directive = isContinuation(request.messages) ? null : parseDirective(messageText(lastUser?.content));
      const scenario = takeScenario(key) ?? directive;
      if (scenario && !isKnownScenario(scenario.name)) {
        sendError(res, 400, '1214', `Unknown mock scenario "${scenario.name}".`);
        return;
      }
      record.scenario = scenario ? scenario.name : null;
      await reply(res, request.body, request.messages, scenario ?? { name: 'reply' });
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      if (!res.headersSent)
        sendError(res, 500, '500', 'Mock server error: ' + (error instanceof Error ? error.message : String(error)));
      else res.destroy();
    }
  }

  async function reply(
    res: ServerResponse,
    body: Record<string, unknown>,
    messages: WireMessage[],
    scenario: Scenario,
  ) {
    const behaviour = scenarioBehaviour(scenario.name) ?? normalReply;
    const error = behaviour.error?.(scenario);
    if (error) {
      sendErrorReply(res, error);
      return;
    }
    const plan = planReply(newId(), body, messages, scenario, behaviour);
    if (body.stream === true)
      return streamReply(res, plan, scenario, behaviour, { chunkDelayMs: config.chunkDelayMs, now, track });
    const requestId = typeof body.request_id === 'string' ? body.request_id : plan.id;
    const response = completionBody(plan, requestId, Math.floor(now() / 1000));
    const delivery = behaviour.nonStreaming?.(scenario);
    // 'hold': no byte at all until the client gives up or the mock is reset.
    if (delivery === 'hold') {
      track(res);
      return;
    }
    if (delivery === 'drop') {
      res.destroy();
      return;
    }
    if (delivery) await sleep(delivery.waitMs);
    sendJson(res, 200, response);
  }

  return { handle, requests: () => recorded.map((request) => ({ ...request })), reset, queue, configure };
}

/** Starts the mock on its own HTTP server. */
export async function startMockServer(options: MockOptions & { port?: number; host?: string } = {}) {
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
    close: () =>
      new Promise<void>((resolve) => {
        mock.reset();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
