// Connection settings: the key, where it may go, the endpoint and the stall timeout. Plain functions that read and
// set the store; components call them from event handlers.
import { proxiedBaseUrl, upstreamBaseUrl, type EndpointPresetId } from '../core/endpoints';
import { clamp } from '../core/request';
import { stallTimeoutRange } from '../core/stallTimeout';
import { isDemoEndpoint, presetBaseUrl, presetForBaseUrl } from './connectionSlice';
import { usePlaygroundStore } from './index';
import { clearKey } from './keyStorage';
import { onRuntimeReset } from './runtime';
import type { ConnectionState } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function patchConnection(patch: Partial<ConnectionState>): void {
  set((state) => ({ connection: { ...state.connection, ...patch } }));
}

/** The origin a base URL really talks to (the proxy and the demo count as their upstream). */
export function upstreamOrigin(baseUrl: string): string | null {
  try {
    return new URL(upstreamBaseUrl(baseUrl), window.location.href).origin;
  } catch {
    return null;
  }
}

export function setApiKey(key: string): void {
  // Pasted keys often carry a newline or spaces; a key never contains white space.
  const apiKey = key.replace(/\s+/g, '');
  const { connection } = get();
  patchConnection({
    apiKey,
    keyOrigin:
      apiKey === '' ? null : connection.apiKey === '' ? upstreamOrigin(connection.baseUrl) : connection.keyOrigin,
  });
}

/** Seconds without a byte before a stream counts as stalled; returns the clamped value. */
export function setStallTimeout(seconds: number): number {
  const stallTimeoutSeconds = Math.round(clamp(seconds, stallTimeoutRange.min, stallTimeoutRange.max));
  patchConnection({ stallTimeoutSeconds });
  return stallTimeoutSeconds;
}

export function setRememberKey(rememberKey: boolean): void {
  patchConnection({ rememberKey });
}

export function forgetKey(): void {
  clearKey();
  patchConnection({ apiKey: '', keyOrigin: null });
}

export function setEndpoint(endpointId: EndpointPresetId): void {
  const baseUrl = presetBaseUrl(endpointId);
  patchConnection(baseUrl === null ? { endpointId } : { endpointId, baseUrl });
}

export function setBaseUrl(baseUrl: string): void {
  patchConnection({ baseUrl, endpointId: presetForBaseUrl(baseUrl) });
}

/** After a CORS failure: same upstream, through the app's own same-origin proxy. */
export function switchBaseUrlToProxy(): void {
  const current = get().connection.baseUrl;
  const proxied = proxiedBaseUrl(current) ?? presetBaseUrl('proxy') ?? current;
  setBaseUrl(proxied);
}

// ---- where the key may go ---------------------------------------------------------------------------

/** What to do once the user confirms the key for the new origin (the action that asked). */
let afterKeyConfirmation: (() => void) | null = null;
onRuntimeReset(() => {
  afterKeyConfirmation = null;
});

export function confirmKeyForOrigin(): void {
  const confirmation = get().ui.keyConfirmation;
  if (!confirmation) return;
  patchConnection({ keyOrigin: confirmation.targetOrigin });
  set((state) => ({ ui: { ...state.ui, keyConfirmation: null } }));
  const pending = afterKeyConfirmation;
  afterKeyConfirmation = null;
  pending?.();
}

export function cancelKeyConfirmation(): void {
  afterKeyConfirmation = null;
  set((state) => ({ ui: { ...state.ui, keyConfirmation: null } }));
}

/** True when the key may go to the current base URL; otherwise asks and runs `then` once confirmed. */
export function keyMayGoToBaseUrl(then: () => void): boolean {
  const { connection } = get();
  if (isDemoEndpoint(connection) || connection.apiKey === '') return true;
  const target = upstreamOrigin(connection.baseUrl);
  if (target === null) return true;
  // An unknown origin (a damaged or missing saved record) means ask, never allow: only a key typed for this
  // base URL records its origin without asking (setApiKey).
  if (connection.keyOrigin === target) return true;
  afterKeyConfirmation = then;
  set((state) => ({ ui: { ...state.ui, keyConfirmation: { targetOrigin: target } } }));
  return false;
}
