import { describe, expect, it } from 'vitest';
import { demoKey, isDemoEndpoint, outgoingApiKey } from '../../src/store/connectionSlice';

describe('outgoingApiKey', () => {
  it("sends the user's key to a real endpoint", () => {
    expect(outgoingApiKey({ endpointId: 'zai', apiKey: 'key-abcdefghijkl' })).toBe('key-abcdefghijkl');
  });

  it("never sends the user's key to the offline demo: it gets the placeholder", () => {
    expect(outgoingApiKey({ endpointId: 'demo', apiKey: 'key-abcdefghijkl' })).toBe(demoKey);
  });

  it('sends the placeholder to the demo even without a key', () => {
    expect(outgoingApiKey({ endpointId: 'demo', apiKey: '' })).toBe(demoKey);
  });
});

describe('isDemoEndpoint', () => {
  it('is true only for the offline demo preset', () => {
    expect(isDemoEndpoint({ endpointId: 'demo' })).toBe(true);
    expect(isDemoEndpoint({ endpointId: 'zai' })).toBe(false);
    expect(isDemoEndpoint({ endpointId: 'custom' })).toBe(false);
  });
});
