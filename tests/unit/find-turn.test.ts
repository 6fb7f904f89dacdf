import { describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { findTurn, handWrittenTurn } from '../../src/store/conversationSlice';
import { selectTurn } from '../../src/store/selectors';

describe('findTurn', () => {
  const turns = [handWrittenTurn('user', 'Question'), handWrittenTurn('assistant', 'Answer')];

  it('finds the turn with the id', () => {
    expect(findTurn(turns, turns[1]?.id ?? '')?.content).toBe('Answer');
  });

  it('finds nothing for an id the conversation no longer has', () => {
    expect(findTurn(turns, 'turn-gone')).toBeUndefined();
  });
});

describe('selectTurn', () => {
  it('looks in the working conversation', () => {
    resetPlayground();
    const id = actions.addTurn('user', 'Hello');
    expect(selectTurn(usePlaygroundStore.getState(), id)?.content).toBe('Hello');
  });
});
