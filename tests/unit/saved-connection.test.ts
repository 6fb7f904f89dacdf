// @vitest-environment jsdom
// A damaged saved connection must never widen where the key may go: what can be read is kept, the key's origin is
// never guessed, and an unknown origin makes a send ask first.
import { describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import { salvageConnection } from '../../src/store/connectionSalvage';
import { initialConnection } from '../../src/store/connectionSlice';

const saved = {
  rememberKey: true,
  endpointId: 'custom',
  baseUrl: 'https://llm.example.org/v1',
  keyOrigin: 'https://llm.example.org',
  stallTimeoutSeconds: 30,
};

describe('saved connection salvage', () => {
  it('keeps the key origin and the endpoint when another field is damaged', () => {
    const { connection, problems } = salvageConnection({ ...saved, stallTimeoutSeconds: 'soon' }, initialConnection());
    expect(problems).toBe(1);
    expect(connection).toMatchObject({ endpointId: 'custom', keyOrigin: 'https://llm.example.org' });
  });

  it('leaves the key origin unknown when it cannot be read', () => {
    const { connection } = salvageConnection({ ...saved, keyOrigin: 42 }, initialConnection());
    expect(connection?.keyOrigin).toBeNull();
    expect(connection?.baseUrl).toBe('https://llm.example.org/v1');
  });

  it('tells a damaged endpoint from the saved base URL', () => {
    const { connection } = salvageConnection({ ...saved, endpointId: 'nowhere' }, initialConnection());
    expect(connection?.endpointId).toBe('custom');
    expect(connection?.baseUrl).toBe('https://llm.example.org/v1');
  });
});

describe('a key whose origin is unknown', () => {
  it('asks before it goes anywhere', () => {
    resetPlayground();
    usePlaygroundStore.setState((state) => ({
      connection: { ...state.connection, apiKey: 'test-key-0123456789', keyOrigin: null },
    }));
    let sent = false;
    expect(connectionActions.keyMayGoToBaseUrl(() => (sent = true))).toBe(false);
    expect(usePlaygroundStore.getState().ui.keyConfirmation).toEqual({ targetOrigin: 'https://api.z.ai' });
    connectionActions.confirmKeyForOrigin();
    expect(sent).toBe(true);
    expect(usePlaygroundStore.getState().connection.keyOrigin).toBe('https://api.z.ai');
  });

  it('is recorded when the key is typed, so the first send does not ask', () => {
    resetPlayground();
    connectionActions.setApiKey('test-key-0123456789');
    expect(connectionActions.keyMayGoToBaseUrl(() => undefined)).toBe(true);
  });
});
