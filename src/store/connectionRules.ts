// Rules about the connection that the store and the components both apply.
import type { ConnectionState } from './types';

/** The demo endpoint never receives the user's real key: it gets this instead. */
export const demoKey = 'offline-demo';

/** The key a request carries: the user's, except on the offline demo. */
export function outgoingApiKey(connection: Pick<ConnectionState, 'endpointId' | 'apiKey'>): string {
  return connection.endpointId === 'demo' ? demoKey : connection.apiKey;
}
