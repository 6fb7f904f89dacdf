// The saved connection as read back at start-up (loaded with the saved state, not before the first paint).
import type { EndpointPresetId } from '../core/endpoints';
import { isRecord } from '../core/json';
import { presetBaseUrl, presetForBaseUrl } from './connectionSlice';
import { connectionSchema } from './schema';
import type { ConnectionState } from './types';

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
