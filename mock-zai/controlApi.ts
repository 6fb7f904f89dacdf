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
    return res.end();
  }
  if (route === 'requests' && method === 'GET') {
    const key = new URL(path, 'http://mock').searchParams.get('key');
    const recorded = mock.recorded();
    const list =
      key === null ? recorded : recorded.filter((request) => request.headers.authorization === `Bearer ${key}`);
    return sendJson(res, 200, list);
  }
  if (route === 'requests' && method === 'DELETE') return sendJson(res, 200, { cleared: mock.clearRequests() });
  if (route === 'reset' && method === 'POST') {
    mock.reset();
    return sendJson(res, 200, { reset: true });
  }
  if (route === 'health' && method === 'GET') return sendJson(res, 200, { ok: true });
  if (route === 'scenarios' && method === 'GET')
    return sendJson(res, 200, {
      names: scenarioNames,
      families: scenarioFamilies,
      finishReasons,
      queued: mock.queued(),
    });
  const bodyText = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(bodyText || '{}');
  } catch {
    return sendError(res, 400, '1210', 'Control API: body is not JSON.');
  }
  if (route === 'scenario' && method === 'POST') {
    const list: unknown[] = Array.isArray(body) ? body : [body];
    try {
      for (const scenario of list) mock.queue(scenario as Scenario);
    } catch (error) {
      return sendError(res, 400, '1214', error instanceof Error ? error.message : String(error));
    }
    return sendJson(res, 200, { queued: mock.queued().length });
  }
  if (route === 'config' && method === 'POST' && isRecord(body))
    return sendJson(res, 200, mock.configure(configPatch(body)));
  return sendError(res, 404, '1222', `Control API: no route ${method} /__mock/${route}.`);
}
