// What a JSON tab edit does to the conversation in the store: in place, never losing what the text did not show.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { editRequestJson } from '../../src/store/importActions';
import { selectCanSend, selectRequestBody } from '../../src/store/selectors';

function shownBody(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(selectRequestBody(usePlaygroundStore.getState()))) as Record<string, unknown>;
}

function edit(
  change: (
    body: Record<string, unknown> & { messages: { role: string; content: string; reasoning_content?: string }[] },
  ) => void,
) {
  const body = shownBody() as Parameters<typeof change>[0];
  change(body);
  const result = editRequestJson(JSON.stringify(body, null, 2));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
}

function contents(): string[] {
  return usePlaygroundStore.getState().conversation.turns.map((turn) => turn.content);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('editRequestJson', () => {
  it('keeps excluded turns, which the JSON does not show', () => {
    actions.addTurn('user', 'One');
    const hidden = actions.addTurn('assistant', 'Hidden');
    actions.addTurn('user', 'Two');
    actions.setExcluded(hidden, true);
    edit((body) => {
      body.messages[1] = { role: 'user', content: 'Two, edited' };
    });
    expect(contents()).toEqual(['One', 'Hidden', 'Two, edited']);
  });

  it('removes the turn whose message was deleted', () => {
    actions.addTurn('user', 'One');
    actions.addTurn('assistant', 'Answer');
    actions.addTurn('user', 'Two');
    edit((body) => {
      body.messages.splice(1, 1);
    });
    expect(contents()).toEqual(['One', 'Two']);
  });

  it('appends new messages as new turns', () => {
    actions.addTurn('user', 'One');
    edit((body) => {
      body.messages.push({ role: 'assistant', content: 'Added answer' }, { role: 'user', content: 'Added question' });
    });
    expect(contents()).toEqual(['One', 'Added answer', 'Added question']);
    expect(selectCanSend(usePlaygroundStore.getState()).reason).not.toBe('Type a message first.');
  });

  it('keeps reasoning that was not shown (preserved thinking off) when the text gives none', () => {
    actions.addTurn('user', 'Q');
    const answer = actions.addTurn('assistant', 'A');
    actions.updateTurn(answer, { reasoning: 'earlier thoughts' });
    edit((body) => {
      body.thinking = { type: 'enabled', clear_thinking: false };
    });
    const turn = usePlaygroundStore.getState().conversation.turns.find((candidate) => candidate.id === answer);
    expect(turn?.reasoning).toBe('earlier thoughts');
    expect(shownBody().messages).toEqual([
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: 'A', reasoning_content: 'earlier thoughts' },
    ]);
  });

  it('changes nothing while a reply is on its way', () => {
    actions.setDraft('Hi');
    usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    const before = usePlaygroundStore.getState().settings;
    editRequestJson('{"model": "glm-4.5", "messages": []}');
    expect(usePlaygroundStore.getState().settings).toBe(before);
  });

  it('a fixed text clears the problem that blocked Send', () => {
    connectionActions.setApiKey('key-abcdefghijkl');
    actions.setDraft('Hi');
    editRequestJson('{');
    expect(selectCanSend(usePlaygroundStore.getState()).ok).toBe(false);
    edit(() => undefined);
    expect(selectCanSend(usePlaygroundStore.getState())).toEqual({ ok: true, reason: null });
  });
});
