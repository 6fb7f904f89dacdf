// Attached texts (long pastes) as part of the draft in the store: switching conversations and applying the JSON tab
// never lose them, and a new conversation starts without them.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { attachPastedText } from '../../src/store/draftTexts';
import { editRequestJson } from '../../src/store/importActions';
import { newConversation, switchConversation } from '../../src/store/libraryActions';
import { selectRequestBody } from '../../src/store/selectors';

const state = () => usePlaygroundStore.getState();
const documentText = 'A long pasted document.\n'.repeat(3000);

beforeEach(() => {
  resetPlayground();
});

describe('attached texts in the store', () => {
  it('go along as text when the user switches to another conversation and back', () => {
    const first = state().library.activeId;
    actions.setDraft('Summarise it.');
    attachPastedText(documentText);
    expect(newConversation()).not.toBeNull();
    expect(state().conversation.draftTexts ?? []).toEqual([]);
    expect(state().conversation.draft).toBe('');
    expect(switchConversation(first)).toBe(true);
    expect(state().conversation.draft).toBe(`${documentText}\n\nSummarise it.`);
  });

  it('stay attached when the JSON tab is applied with the message unchanged', () => {
    actions.setDraft('Summarise it.');
    const attached = attachPastedText(documentText);
    const text = JSON.stringify({ ...selectRequestBody(state()), temperature: 0.5 }, null, 2);
    expect(editRequestJson(text).ok).toBe(true);
    expect(state().settings.temperature).toBe(0.5);
    expect(state().conversation.draftTexts).toEqual([attached]);
    expect(state().conversation.draft).toBe('Summarise it.');
  });

  it('become the edited text when the JSON tab changes the message', () => {
    actions.setDraft('Summarise it.');
    attachPastedText(documentText);
    const body = selectRequestBody(state());
    const text = JSON.stringify({ ...body, messages: [{ role: 'user', content: 'Something shorter.' }] });
    expect(editRequestJson(text).ok).toBe(true);
    expect(state().conversation.draftTexts).toEqual([]);
    expect(selectRequestBody(state()).messages).toEqual([{ role: 'user', content: 'Something shorter.' }]);
  });
});
