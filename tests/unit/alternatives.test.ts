// Alternatives of a reply: a replaced reply is kept whole (every field of the turn), switching brings back the
// branch that followed it, at most maxAlternatives are kept, an edit marks the later replies stale, and all of it
// survives the saved-state check.
import { describe, expect, it } from 'vitest';
import { startMetrics } from '../../src/core/metrics';
import {
  alternativeCount,
  markStaleAfter,
  maxAlternatives,
  shownIndex,
  switchAlternative,
  withNewReply,
} from '../../src/store/alternatives';
import { newReplyInfo } from '../../src/store/replyInfo';
import { turnSchema } from '../../src/store/schema';
import type { Turn, TurnFields } from '../../src/store/types';

const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };

function reply(id: string, content: string): Turn {
  return {
    id,
    role: 'assistant',
    content,
    reasoning: `thinking about ${content}`,
    excluded: false,
    reply: { ...newReplyInfo(request, 0), status: 'complete', metrics: startMetrics(0), warnings: [content] },
  };
}

function fresh(content: string): TurnFields {
  const { id: _id, ...fields } = reply('x', content);
  return fields;
}

const question: Turn = { id: 'q', role: 'user', content: 'Question', reasoning: '', excluded: false, reply: null };

describe('withNewReply', () => {
  it('keeps the replaced reply whole, fields others add included, and shows the new one last', () => {
    const first = { ...reply('r', 'First'), toolCalls: [{ id: 'call_1' }] } as Turn;
    const { turn, dropped } = withNewReply(first, fresh('Second'));
    expect(dropped).toBe(0);
    expect(turn.id).toBe('r');
    expect(turn.content).toBe('Second');
    expect(turn.alternatives).toEqual([
      {
        role: 'assistant',
        content: 'First',
        reasoning: 'thinking about First',
        excluded: false,
        reply: first.reply,
        toolCalls: [{ id: 'call_1' }],
      },
    ]);
    expect(shownIndex(turn)).toBe(1);
    expect(alternativeCount(turn)).toBe(2);
  });

  it(`keeps at most ${maxAlternatives} replies, dropping the oldest`, () => {
    let turn = reply('r', 'Reply 1');
    let dropped = 0;
    for (let number = 2; number <= maxAlternatives + 2; number += 1) {
      const next = withNewReply(turn, fresh(`Reply ${number}`));
      turn = next.turn;
      dropped += next.dropped;
    }
    expect(alternativeCount(turn)).toBe(maxAlternatives);
    expect(dropped).toBe(2);
    expect(turn.alternatives?.[0]?.content).toBe('Reply 3');
    expect(turn.content).toBe(`Reply ${maxAlternatives + 2}`);
  });
});

describe('switchAlternative', () => {
  it('swaps the shown reply and brings back the branch that followed the chosen one', () => {
    const laterQuestion: Turn = { ...question, id: 'q2', content: 'Follow-up' };
    const laterReply = reply('r2', 'Follow-up answer');
    const { turn } = withNewReply(reply('r', 'Old'), fresh('New'), [laterQuestion, laterReply]);
    const transcript = [question, turn];

    const back = switchAlternative(transcript, 'r', 0);
    expect(back.map((item) => item.content)).toEqual(['Question', 'Old', 'Follow-up', 'Follow-up answer']);
    expect(back[1]?.reasoning).toBe('thinking about Old');
    expect(back[1]?.reply?.warnings).toEqual(['Old']);
    expect(shownIndex(back[1] as Turn)).toBe(0);

    const forth = switchAlternative(back, 'r', 1);
    expect(forth.map((item) => item.content)).toEqual(['Question', 'New']);
    expect(switchAlternative(forth, 'r', 0)).toEqual(back);
  });

  it('ignores an index out of range', () => {
    const transcript = [question, withNewReply(reply('r', 'Old'), fresh('New')).turn];
    expect(switchAlternative(transcript, 'r', 5)).toEqual(transcript);
  });
});

describe('markStaleAfter', () => {
  it('marks the replies after the edited turn stale, and nothing before it or hand-written', () => {
    const handWritten: Turn = { ...question, id: 'h', role: 'assistant', content: 'Typed' };
    const turns = [reply('r0', 'Before'), question, reply('r1', 'After'), handWritten];
    const marked = markStaleAfter(turns, 'q');
    expect(marked.map((turn) => turn.stale ?? false)).toEqual([false, false, true, false]);
  });
});

describe('saved state', () => {
  it('keeps alternatives, their branches and staleness through the saved-state check', () => {
    const laterQuestion: Turn = { ...question, id: 'q2', content: 'Follow-up' };
    const { turn } = withNewReply({ ...reply('r', 'Old'), stale: true }, fresh('New'), [laterQuestion]);
    const parsed = turnSchema.safeParse(JSON.parse(JSON.stringify(turn)));
    expect(parsed.success).toBe(true);
    const restored = parsed.data as Turn;
    expect(restored.alternatives?.[0]).toMatchObject({ content: 'Old', stale: true });
    expect(restored.alternatives?.[0]?.followingTurns?.[0]).toMatchObject({ id: 'q2', content: 'Follow-up' });
    expect(restored.alternativeIndex).toBe(1);
  });

  it('reads turns saved before alternatives existed', () => {
    const { id, role, content, reasoning, excluded } = question;
    const parsed = turnSchema.safeParse({ id, role, content, reasoning, excluded, reply: null });
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty('alternatives');
  });
});
