// The mock's configuration and what it records of each request (server.ts).

export interface MockConfig {
  /** Delay between stream events, in ms (default 15; 0 writes everything at once). */
  chunkDelayMs: number;
  /** Add Access-Control-* headers and answer preflights (default true). false imitates api.z.ai: the preflight
   * answers 200 without any Access-Control-* header. */
  cors: boolean;
  /** Accepted API keys start with this (default '': any non-empty key). */
  keyPrefix: string;
  /** Reject a missing Authorization header with 401 (default true; the offline demo turns it off so the app can be
   * tried without a key). */
  requireKey: boolean;
}

export interface MockOptions extends Partial<MockConfig> {
  /** Clock in ms, for deterministic `created` and ids in tests (default Date.now). */
  now?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** The URL path and query as received (after any mount prefix was stripped). */
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The raw body. */
  bodyText: string;
  /** The parsed body, or null when it was not JSON. */
  json: unknown;
  /** The scenario that answered it, if any. */
  scenario: string | null;
}
