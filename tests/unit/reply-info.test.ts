import { describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import { handWrittenTurn } from '../../src/store/conversationSlice';
import { partialize } from '../../src/store/persistence';
import { isLiveStatus, newReplyInfo, settledTurn } from '../../src/store/replyInfo';
import type { ReplyInfo, Turn } from '../../src/store/types';

const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };

function replyTurn(reply: Partial<ReplyInfo>): Turn {
  return { ...handWrittenTurn('assistant', 'Partial'), reply: { ...newReplyInfo(request, 0), ...reply } };
}

describe('isLiveStatus', () => {
  it('is live while waiting for the first byte and while streaming', () => {
    expect(isLiveStatus('waiting')).toBe(true);
    expect(isLiveStatus('streaming')).toBe(true);
  });

  it('is not live once the reply ended, however it ended', () => {
    for (const status of ['complete', 'stopped', 'interrupted', 'stalled', 'error'] as const)
      expect(isLiveStatus(status)).toBe(false);
  });

  it('is not live without a reply', () => {
    expect(isLiveStatus(null)).toBe(false);
    expect(isLiveStatus(undefined)).toBe(false);
  });
});

describe('settledTurn', () => {
  it('marks a reply that was still arriving as interrupted', () => {
    expect(settledTurn(replyTurn({ status: 'streaming' })).reply?.status).toBe('interrupted');
    expect(settledTurn(replyTurn({ status: 'waiting' })).reply?.status).toBe('interrupted');
  });

  it('drops a scheduled automatic retry and keeps the ended status', () => {
    const settled = settledTurn(replyTurn({ status: 'error', retry: { attempt: 1, delayMs: 3_000, at: 3_000 } }));
    expect(settled.reply?.retry).toBeNull();
    expect(settled.reply?.status).toBe('error');
  });

  it('returns an ended turn with no retry as it is', () => {
    const turn = replyTurn({ status: 'complete' });
    expect(settledTurn(turn)).toBe(turn);
  });

  it('returns a turn without a reply as it is', () => {
    const turn = handWrittenTurn('user', 'Question');
    expect(settledTurn(turn)).toBe(turn);
  });
});

describe('the saved copy of the conversation', () => {
  it('keeps no scheduled retry (its timer does not survive the page)', () => {
    resetPlayground();
    const turn = replyTurn({ status: 'error', retry: { attempt: 1, delayMs: 3_000, at: 3_000 } });
    usePlaygroundStore.setState((state) => ({ conversation: { ...state.conversation, turns: [turn] } }));
    expect(partialize(usePlaygroundStore.getState()).conversation.turns[0]?.reply?.retry).toBeNull();
  });
});
