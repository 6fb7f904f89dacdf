import { defaultStallTimeoutSeconds } from '../core/stallTimeout';
import { endpointPresets, type EndpointPresetId } from '../core/endpoints';
import type { ConnectionState } from './types';

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
