import { defaultStallTimeoutSeconds } from '../core/stallTimeout';
import { endpointPresets, type EndpointPresetId } from '../core/endpoints';
import type { ConnectionState } from './types';
import { isRecord } from '../core/json';
import { connectionSchema } from './schema';

/** The demo endpoint never receives the user's real key: requests to it carry this placeholder instead. */
export const demoKey = 'offline-demo';

export function isDemoEndpoint(connection: Pick<ConnectionState, 'endpointId'>): boolean {
  return connection.endpointId === 'demo';
}

/** The key a request carries: the user's own, except to the offline demo. */
export function outgoingApiKey(connection: Pick<ConnectionState, 'endpointId' | 'apiKey'>): string {
  return isDemoEndpoint(connection) ? demoKey : connection.apiKey;
}

export function initialConnection(): ConnectionState {
  return {
    apiKey: '',
    rememberKey: true,
    endpointId: 'zai',
    baseUrl: endpointPresets[0]?.baseUrl ?? '',
    keyOrigin: null,
    stallTimeoutSeconds: defaultStallTimeoutSeconds,
  };
}

export function presetBaseUrl(id: EndpointPresetId): string | null {
  const preset = endpointPresets.find((candidate) => candidate.id === id);
  return preset && preset.baseUrl !== '' ? preset.baseUrl : null;
}

/** The preset whose URL this is, or 'custom'. */
export function presetForBaseUrl(baseUrl: string): EndpointPresetId {
  const normalised = baseUrl.trim().replace(/\/+$/, '');
  return endpointPresets.find((preset) => preset.baseUrl !== '' && preset.baseUrl === normalised)?.id ?? 'custom';
}

/**
 * The saved connection, field by field: one bad field falls back to its default and the rest stays. The key's
 * origin is never guessed: when it cannot be read it stays unknown (null), so the key goes nowhere without asking.
 */
export function salvageConnection(
  persisted: unknown,
  current: ConnectionState,
): { connection: Omit<ConnectionState, 'apiKey'> | null; problems: number } {
  if (persisted === undefined) return { connection: null, problems: 0 };
  if (!isRecord(persisted)) return { connection: null, problems: 1 };
  const { apiKey: _apiKey, ...defaults } = current;
  const saved: Record<string, unknown> = { ...defaults, keyOrigin: null };
  let problems = 0;
  for (const [field, value] of Object.entries(persisted)) {
    if (!(field in defaults)) continue;
    if (connectionSchema.safeParse({ ...saved, [field]: value }).success) saved[field] = value;
    else problems += 1;
  }
  // The endpoint and its URL go together: when one of them was damaged, the other tells it.
  if (persisted.endpointId !== saved.endpointId && typeof saved.baseUrl === 'string')
    saved.endpointId = presetForBaseUrl(saved.baseUrl);
  else if (persisted.baseUrl !== saved.baseUrl && typeof saved.endpointId === 'string')
    saved.baseUrl = presetBaseUrl(saved.endpointId as EndpointPresetId) ?? saved.baseUrl;
  const connection = connectionSchema.safeParse(saved);
  return { connection: connection.success ? connection.data : null, problems };
}
