// @ts-check
// A small client for the mock's control API, for tests that run in another process than the mock
// (Playwright specs, code-export runners): queue scenarios, read what the server received, reset.

/** @typedef {import('./server.mjs').Scenario} Scenario */
/** @typedef {import('./server.mjs').RecordedRequest} RecordedRequest */

/**
 * @param {string} mockUrl The mock's origin, e.g. http://127.0.0.1:4180 (not the /api/paas/v4 base URL).
 */
export function mockControl(mockUrl) {
  const root = mockUrl.replace(/\/+$/, '') + '/__mock';
  /** @param {string} path @param {RequestInit} [init] */
  async function call(path, init) {
    const response = await fetch(root + path, init);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`Mock control ${init?.method ?? 'GET'} ${path} failed: ${response.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  }
  return {
    /** Queue one scenario (or several, in order) for the next request(s). @param {Scenario | Scenario[]} scenario */
    queue: (scenario) =>
      call('/scenario', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(scenario),
      }),
    /** Every request received since the last reset/clear; optionally only those sent with one API key. @param {string} [key] @returns {Promise<RecordedRequest[]>} */
    requests: (key) => call('/requests' + (key ? `?key=${encodeURIComponent(key)}` : '')),
    clearRequests: () => call('/requests', { method: 'DELETE' }),
    /** Forget requests and queued scenarios, end stalled streams, restore the start-up options. */
    reset: () => call('/reset', { method: 'POST' }),
    /** Change options at run time, e.g. { cors: false } to imitate api.z.ai. @param {{ chunkDelayMs?: number, cors?: boolean, keyPrefix?: string, requireKey?: boolean }} options */
    configure: (options) =>
      call('/config', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options),
      }),
  };
}
