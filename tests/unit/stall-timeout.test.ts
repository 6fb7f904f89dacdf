// The stall timeout's default and range live in core/stallTimeout.ts; the form, the saved state and the stream
// client all follow them.
import { describe, expect, it } from 'vitest';
import { defaultStallTimeoutMs, defaultStallTimeoutSeconds, stallTimeoutRange } from '../../src/core/stallTimeout';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import { connectionSchema } from '../../src/store/schema';

const saved = { rememberKey: true, endpointId: 'zai', baseUrl: 'https://api.z.ai/api/paas/v4', keyOrigin: null };

describe('stall timeout', () => {
  it('starts at the default', () => {
    resetPlayground();
    expect(usePlaygroundStore.getState().connection.stallTimeoutSeconds).toBe(defaultStallTimeoutSeconds);
    expect(defaultStallTimeoutMs).toBe(defaultStallTimeoutSeconds * 1000);
  });

  it('is clamped into the range when set', () => {
    expect(connectionActions.setStallTimeout(stallTimeoutRange.min - 1)).toBe(stallTimeoutRange.min);
    expect(connectionActions.setStallTimeout(stallTimeoutRange.max + 1)).toBe(stallTimeoutRange.max);
  });

  it('takes the default when a saved state has none', () => {
    expect(connectionSchema.parse(saved).stallTimeoutSeconds).toBe(defaultStallTimeoutSeconds);
  });

  it('refuses a saved value outside the range', () => {
    expect(connectionSchema.safeParse({ ...saved, stallTimeoutSeconds: stallTimeoutRange.min - 1 }).success).toBe(
      false,
    );
    expect(connectionSchema.safeParse({ ...saved, stallTimeoutSeconds: stallTimeoutRange.max + 1 }).success).toBe(
      false,
    );
    expect(connectionSchema.safeParse({ ...saved, stallTimeoutSeconds: stallTimeoutRange.max }).success).toBe(true);
  });
});
