import { describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../../src/core/request';
import { isSentTurn, reasoningGoesBack, reasoningSentWith, sentTurns } from '../../src/core/sentTurns';

const preserving = { model: 'glm-4.7', preserveReasoning: true };
const notPreserving = { model: 'glm-4.7', preserveReasoning: false };
const general = 'https://api.z.ai/api/paas/v4';
const codingPlan = 'https://api.z.ai/api/coding/paas/v4';

describe('reasoningGoesBack', () => {
  it('is true with preserved thinking on a model that supports it', () => {
    expect(reasoningGoesBack(preserving, general)).toBe(true);
  });

  it('is false when preserved thinking is off', () => {
    expect(reasoningGoesBack(notPreserving, codingPlan)).toBe(false);
  });

  it("follows the endpoint's default when the user made no choice", () => {
    expect(reasoningGoesBack({ model: 'glm-4.7', preserveReasoning: null }, codingPlan)).toBe(true);
    expect(reasoningGoesBack({ model: 'glm-4.7', preserveReasoning: null }, general)).toBe(false);
    expect(reasoningGoesBack({ model: 'glm-4.6', preserveReasoning: null }, codingPlan)).toBe(false);
  });

  it('is false on a model without preserved thinking', () => {
    expect(reasoningGoesBack({ model: 'glm-4.6', preserveReasoning: true }, general)).toBe(false);
  });

  it('is false on a model without thinking', () => {
    expect(reasoningGoesBack({ model: 'glm-4-32b-0414-128k', preserveReasoning: null }, codingPlan)).toBe(false);
  });
});

describe('reasoningSentWith', () => {
  const answer: ConversationTurn = { role: 'assistant', content: 'A', reasoning: 'thoughts' };

  it("carries an assistant turn's reasoning when reasoning goes back", () => {
    expect(reasoningSentWith(answer, true)).toBe('thoughts');
  });

  it('carries nothing when reasoning does not go back', () => {
    expect(reasoningSentWith(answer, false)).toBeUndefined();
  });

  it('never carries reasoning for a user turn', () => {
    expect(reasoningSentWith({ role: 'user', content: 'Q', reasoning: 'stray' }, true)).toBeUndefined();
  });

  it('carries nothing for empty reasoning', () => {
    expect(reasoningSentWith({ ...answer, reasoning: '' }, true)).toBeUndefined();
  });
});

describe('isSentTurn', () => {
  it('sends a turn with text', () => {
    expect(isSentTurn({ role: 'user', content: 'Hello' }, false)).toBe(true);
  });

  it('never sends an excluded turn', () => {
    expect(isSentTurn({ role: 'user', content: 'Hello', excluded: true }, true)).toBe(false);
  });

  it('skips a turn whose text is blank', () => {
    expect(isSentTurn({ role: 'user', content: '  \n' }, true)).toBe(false);
  });

  it('sends a reasoning-only assistant turn when reasoning goes back', () => {
    expect(isSentTurn({ role: 'assistant', content: '', reasoning: 'thoughts' }, true)).toBe(true);
  });

  it('skips a reasoning-only assistant turn when reasoning does not go back', () => {
    expect(isSentTurn({ role: 'assistant', content: '', reasoning: 'thoughts' }, false)).toBe(false);
  });
});

describe('sentTurns', () => {
  it('keeps the sent turns in order, judged with the settings', () => {
    const turns: ConversationTurn[] = [
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: '', reasoning: 'thoughts' },
      { role: 'user', content: 'skipped', excluded: true },
      { role: 'user', content: 'Q2' },
    ];
    expect(sentTurns(turns, preserving, general).map((turn) => turn.content)).toEqual(['Q1', '', 'Q2']);
    expect(sentTurns(turns, notPreserving, general).map((turn) => turn.content)).toEqual(['Q1', 'Q2']);
  });
});
