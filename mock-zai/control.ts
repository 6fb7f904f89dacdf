// A small client for the mock's control API, for tests that run in another process than the mock
// (Playwright specs, code-export runners): queue scenarios, read what the server received, reset.
import type { Scenario } from './scenarioTypes.ts';
import type { MockConfig, RecordedRequest } from './server.ts';

/** `mockUrl`: the mock's origin, e.g. http://127.0.0.1:4180 (not the /api/paas/v4 base URL). */
export function mockControl(mockUrl: string) {
  const root = mockUrl.replace(/\/+$/, '') + '/__mock';
  // The control API answers JSON; its shape per route is known to the caller.
  async function call<Result>(path: string, init?: RequestInit): Promise<Result> {
    const response = await fetch(root + path, init);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`Mock control ${init?.method ?? 'GET'} ${path} failed: ${response.status} ${text}`);
    return (text === '' ? null : JSON.parse(text)) as Result;
  }
  return {
    /** Queue one scenario (or several, in order) for the next request(s). */
    queue: (scenario: Scenario | Scenario[]) =>
      call<{ queued: number }>('/scenario', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(scenario),
      }),
    /** Every request received since the last reset/clear; optionally only those sent with one API key. */
    requests: (key?: string) => call<RecordedRequest[]>('/requests' + (key ? `?key=${encodeURIComponent(key)}` : '')),
    clearRequests: () => call<{ cleared: number }>('/requests', { method: 'DELETE' }),
    /** Forget requests and queued scenarios, end stalled streams, restore the start-up options. */
    reset: () => call<{ reset: boolean }>('/reset', { method: 'POST' }),
    /** Change options at run time, e.g. { cors: false } to imitate api.z.ai. */
    configure: (options: Partial<MockConfig>) =>
      call<MockConfig>('/config', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options),
      }),
  };
}
