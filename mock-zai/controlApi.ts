// The control API under /__mock/: queue scenarios, read and clear the recorded requests, reset, change options.
// Tests in another process drive it through control.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, readBody, sendError, sendJson } from './http.ts';
import { finishReasons, scenarioFamilies, scenarioNames } from './scenarios.ts';
import type { Scenario } from './scenarioTypes.ts';
import type { MockConfig, RecordedRequest } from './server.ts';

/** What the control API reads and changes in one mock. */
export interface MockState {
  recorded: () => RecordedRequest[];
  clearRequests: () => number;
  queued: () => Scenario[];
  /** Throws on an unknown scenario name. */
  queue: (scenario: Scenario) => void;
  reset: () => void;
  configure: (partial: Partial<MockConfig>) => MockConfig;
}

function configPatch(body: Record<string, unknown>): Partial<MockConfig> {
  const partial: Partial<MockConfig> = {};
  if (typeof body.chunkDelayMs === 'number') partial.chunkDelayMs = body.chunkDelayMs;
  if (typeof body.cors === 'boolean') partial.cors = body.cors;
  if (typeof body.keyPrefix === 'string') partial.keyPrefix = body.keyPrefix;
  if (typeof body.requireKey === 'boolean') partial.requireKey = body.requireKey;
  return partial;
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, mock: MockState) {
  const route = path.slice(path.indexOf('/__mock/') + '/__mock/'.length).split('?')[0];
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.statusCode = 204;
    res.end();
    return;
  }
  if (route === 'requests' && method === 'GET') {
    const key = new URL(path, 'http://mock').searchParams.get('key');
    const recorded = mock.recorded();
    const list =
      key === null ? recorded : recorded.filter((request) => request.headers.authorization === `Bearer ${key}`);
    sendJson(res, 200, list);
    return;
  }
  if (route === 'requests' && method === 'DELETE') {
    sendJson(res, 200, { cleared: mock.clearRequests() });
    return;
  }
  if (route === 'reset' && method === 'POST') {
    mock.reset();
    sendJson(res, 200, { reset: true });
    return;
  }
  if (route === 'health' && method === 'GET') {
    sendJson(res, 200, { ok: true });
    return;
  }
  if (route === 'scenarios' && method === 'GET') {
    sendJson(res, 200, {
      names: scenarioNames,
      families: scenarioFamilies,
      finishReasons,
      queued: mock.queued(),
    });
    return;
  }
  const bodyText = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(bodyText || '{}');
  } catch {
    sendError(res, 400, '1210', 'Control API: body is not JSON.');
    return;
  }
  if (route === 'scenario' && method === 'POST') {
    const list: unknown[] = Array.isArray(body) ? body : [body];
    try {
      for (const scenario of list) mock.queue(scenario as Scenario);
    } catch (error) {
      sendError(res, 400, '1214', error instanceof Error ? error.message : String(error));
      return;
    }
    sendJson(res, 200, { queued: mock.queued().length });
    return;
  }
  if (route === 'config' && method === 'POST' && isRecord(body)) {
    sendJson(res, 200, mock.configure(configPatch(body)));
    return;
  }
  sendError(res, 404, '1222', `Control API: no route ${method} /__mock/${route}.`);
}
