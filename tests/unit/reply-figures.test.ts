// selectReplyFigures (src/store/selectors.ts): a reply's figures from its measurements, its own usage and the model
// it was sent to, computed once per reply object.
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../src/core/contracts';
import { metricFigures } from '../../src/core/metricFigures';
import { completeMetrics, recordEvent, startMetrics } from '../../src/core/metrics';
import { modelInfo } from '../../src/core/models';
import { selectReplyFigures } from '../../src/store/selectors';
import type { ReplyInfo } from '../../src/store/types';

const usage: Usage = { prompt_tokens: 1_000, completion_tokens: 2_000, total_tokens: 3_000 };

function reply(model: string, replyUsage: Usage | null = usage): ReplyInfo {
  const metrics = recordEvent(startMetrics(0), { kind: 'delta', reasoning: '', content: 'Hi', created: null }, 300);
  return {
    status: 'complete',
    request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model, messages: [] } },
    error: null,
    finishReason: 'stop',
    usage: replyUsage,
    metrics: completeMetrics(metrics, 1_000),
    warnings: [],
    retry: null,
  };
}

describe('selectReplyFigures', () => {
  it('derives the figures from the metrics, the reply’s usage and the model it was sent to', () => {
    const sent = reply('glm-4.7');
    expect(selectReplyFigures(sent)).toEqual(metricFigures(sent.metrics, usage, modelInfo('glm-4.7')));
    expect(selectReplyFigures(sent).estimatedCostUsd).toBeCloseTo((1_000 * 0.6 + 2_000 * 2.2) / 1_000_000, 12);
    expect(selectReplyFigures(reply('my-own-model')).estimatedCostUsd).toBeNull();
    expect(selectReplyFigures(reply('glm-4.7', null)).completionTokens).toBeNull();
  });

  it('computes once per reply object: the same reply gives the same figures object, a new one new figures', () => {
    const sent = reply('glm-4.7');
    const figures = selectReplyFigures(sent);
    expect(selectReplyFigures(sent)).toBe(figures);
    const updated = { ...sent, usage: { ...usage, completion_tokens: 4_000 } };
    expect(selectReplyFigures(updated)).not.toBe(figures);
    expect(selectReplyFigures(updated).completionTokens).toBe(4_000);
  });
});
