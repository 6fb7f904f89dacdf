import { describe, expect, it } from 'vitest';
import { cachedPromptTokens, estimateCost, modelInfo } from '../../src/core/models';
import { selectConversationCost } from '../../src/store/conversationCost';
import type { PlaygroundState } from '../../src/store/types';

const usage = { prompt_tokens: 1_200, completion_tokens: 2_500 };

describe('estimateCost', () => {
  it('prices prompt and completion tokens without a cache hit', () => {
    expect(estimateCost(modelInfo('glm-4.7'), usage)).toBeCloseTo((1_200 * 0.6 + 2_500 * 2.2) / 1e6, 12);
  });

  it('prices cached prompt tokens at the cached-input price', () => {
    const cached = { ...usage, prompt_tokens_details: { cached_tokens: 800 } };
    expect(estimateCost(modelInfo('glm-4.7'), cached)).toBeCloseTo((400 * 0.6 + 800 * 0.11 + 2_500 * 2.2) / 1e6, 12);
  });

  it('uses the input price for cached tokens where no cached price is published', () => {
    const cached = { ...usage, prompt_tokens_details: { cached_tokens: 800 } };
    expect(estimateCost(modelInfo('glm-4-32b-0414-128k'), cached)).toBeCloseTo((1_200 * 0.1 + 2_500 * 0.1) / 1e6, 12);
  });

  it('never counts more cached tokens than prompt tokens', () => {
    expect(cachedPromptTokens({ ...usage, prompt_tokens_details: { cached_tokens: 5_000 } })).toBe(1_200);
    expect(cachedPromptTokens(usage)).toBe(0);
  });

  it('has no estimate for a custom model', () => {
    expect(estimateCost(modelInfo('my-model'), usage)).toBeNull();
  });
});

describe('selectConversationCost', () => {
  function stateWithCosts(costs: (number | null)[]): Pick<PlaygroundState, 'conversation'> {
    const turns = costs.map((cost) => ({ reply: { metrics: { estimatedCostUsd: cost } } }));
    return { conversation: { turns } } as unknown as Pick<PlaygroundState, 'conversation'>;
  }

  it('adds up the replies that have an estimate', () => {
    expect(selectConversationCost(stateWithCosts([0.01, null, 0.02]))).toBeCloseTo(0.03, 12);
  });

  it('is null when no reply has an estimate', () => {
    expect(selectConversationCost(stateWithCosts([null]))).toBeNull();
  });
});
