import { describe, expect, it } from 'vitest';
import { cachedPromptTokens, estimateCost, modelInfo } from '../../src/core/models';
import { startMetrics } from '../../src/core/metrics';
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
  /** One reply per entry: a model and its completion tokens (null: no usage yet). */
  function stateWithReplies(replies: [string, number | null][]): Pick<PlaygroundState, 'conversation'> {
    const turns = replies.map(([model, completionTokens]) => ({
      reply: {
        request: { baseUrl: '', body: { model, messages: [] } },
        usage:
          completionTokens === null
            ? null
            : { prompt_tokens: 0, completion_tokens: completionTokens, total_tokens: completionTokens },
        metrics: startMetrics(0),
      },
    }));
    return { conversation: { turns } } as unknown as Pick<PlaygroundState, 'conversation'>;
  }

  it('adds up the replies that have an estimate', () => {
    const state = stateWithReplies([
      ['glm-4.7', 1_000],
      ['my-model', 1_000],
      ['glm-4.7', null],
      ['glm-4.7', 2_000],
    ]);
    // glm-4.7: $2.2 / M output.
    expect(selectConversationCost(state)).toBeCloseTo((3_000 * 2.2) / 1e6, 12);
  });

  it('is null when no reply has an estimate', () => {
    expect(selectConversationCost(stateWithReplies([['my-model', 1_000]]))).toBeNull();
  });
});
