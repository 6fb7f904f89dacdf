// selectCanSend judges the conversation on the messages that would go out (sentTurns), not on the transcript.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { selectCanSend } from '../../src/store/selectors';

const readiness = () => selectCanSend(usePlaygroundStore.getState());

beforeEach(() => {
  resetPlayground();
  connectionActions.setApiKey('key-abcdefghijkl');
});

describe('selectCanSend: the last sent message', () => {
  it('asks for a message when a trailing user turn is empty (it would not be sent)', () => {
    actions.addTurn('user', 'Question');
    actions.addTurn('assistant', 'Answer');
    actions.addTurn('user', '   ');
    expect(readiness()).toEqual({ ok: false, reason: 'Type a message first.' });
  });

  it('is ready when only an empty assistant turn follows the last user message', () => {
    actions.addTurn('user', 'Question');
    actions.addTurn('assistant', '');
    expect(readiness()).toEqual({ ok: true, reason: null });
  });

  it('does not count an empty user turn as the user message the conversation needs', () => {
    actions.addTurn('user', '');
    actions.setDraft('');
    expect(readiness().ok).toBe(false);
  });
});
