// Conversation, history and preset actions (src/store/libraryActions.ts, historyActions.ts) against the real store:
// the working copy is saved on every switch, nothing is lost by New / Delete / Open, and nothing switches while a
// reply streams.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMetrics } from '../../src/core/metrics';
import type { ChatRequestBody } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore, type Turn } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as settingsActions from '../../src/store/settingsActions';
import {
  applyPreset,
  deleteConversation,
  deletePreset,
  duplicateConversation,
  newConversation,
  openHistoryEntry,
  renameConversation,
  savePreset,
  switchConversation,
  undoDelete,
} from '../../src/store/libraryActions';
import { recordHistory, setHistoryLimit } from '../../src/store/historyActions';
import { undoDeleteMs } from '../../src/store/turnUndo';
import { librarySummaries } from '../../src/store/librarySlice';
import { selectRequestBody } from '../../src/store/selectors';

const state = () => usePlaygroundStore.getState();
const titles = () => librarySummaries(state()).map((summary) => summary.title);
const contents = () => state().conversation.turns.map((turn) => turn.content);

function setSending(sending: boolean) {
  usePlaygroundStore.setState((current) => ({ ui: { ...current.ui, sending } }));
}

function replyTurn(
  id: string,
  body: ChatRequestBody = { model: 'glm-4.7', messages: [{ role: 'user', content: id }] },
): Turn {
  return {
    id,
    role: 'assistant',
    content: `answer ${id}`,
    reasoning: '',
    excluded: false,
    reply: {
      status: 'complete',
      request: { baseUrl: 'https://api.z.ai/api/paas/v4', body },
      error: null,
      finishReason: 'stop',
      usage: null,
      metrics: startMetrics(0),
      warnings: [],
      retry: null,
    },
  };
}

beforeEach(() => resetPlayground());
afterEach(() => vi.useRealTimers());

describe('conversations', () => {
  it('New saves the working copy and starts an empty one with the same settings at the top', () => {
    actions.addTurn('user', 'First conversation');
    settingsActions.setTemperature(0.3);
    newConversation();
    expect(contents()).toEqual([]);
    expect(state().settings.temperature).toBe(0.3);
    expect(titles()).toEqual(['Untitled', 'First conversation']);
  });

  it('switching saves the working copy (settings, turns and draft) and loads the other', () => {
    actions.addTurn('user', 'Alpha');
    settingsActions.setSystemPrompt('Alpha prompt');
    actions.setDraft('alpha draft');
    const alpha = state().library.activeId;
    newConversation();
    actions.addTurn('user', 'Beta');
    settingsActions.setSystemPrompt('Beta prompt');
    expect(switchConversation(alpha)).toBe(true);
    expect(contents()).toEqual(['Alpha']);
    expect(state().settings.systemPrompt).toBe('Alpha prompt');
    expect(state().conversation.draft).toBe('alpha draft');
    const beta = state().library.conversations.find((entry) => entry.id !== alpha);
    expect(beta?.turns.map((turn) => turn.content)).toEqual(['Beta']);
    expect(beta?.settings.systemPrompt).toBe('Beta prompt');
  });

  it('refuses to switch or start a new conversation while a reply streams', () => {
    actions.addTurn('user', 'Streaming here');
    const first = state().library.activeId;
    newConversation();
    const second = state().library.activeId;
    switchConversation(first);
    setSending(true);
    expect(switchConversation(second)).toBe(false);
    expect(newConversation()).toBeNull();
    expect(deleteConversation(first)).toBe(false);
    expect(state().library.activeId).toBe(first);
  });

  it('Rename sets the title; an empty title goes back to the first message', () => {
    actions.addTurn('user', 'Derived title');
    const id = state().library.activeId;
    renameConversation(id, '  My   renamed  ');
    expect(titles()).toEqual(['My renamed']);
    renameConversation(id, '   ');
    expect(titles()).toEqual(['Derived title']);
  });

  it('Duplicate copies the working copy below the original, with new turn ids, without switching', () => {
    actions.addTurn('user', 'Original');
    const id = state().library.activeId;
    duplicateConversation(id);
    expect(titles()).toEqual(['Original', 'Original (copy)']);
    expect(state().library.activeId).toBe(id);
    const copy = state().library.conversations[1];
    expect(copy?.turns.map((turn) => turn.content)).toEqual(['Original']);
    expect(copy?.turns[0]?.id).not.toBe(state().conversation.turns[0]?.id);
  });

  it('Delete of the open conversation opens its neighbour; Undo brings it back and reopens it', () => {
    actions.addTurn('user', 'Keep me');
    const kept = state().library.activeId;
    newConversation();
    actions.addTurn('user', 'Delete me');
    const doomed = state().library.activeId;
    deleteConversation(doomed);
    expect(titles()).toEqual(['Keep me']);
    expect(state().library.activeId).toBe(kept);
    expect(contents()).toEqual(['Keep me']);
    undoDelete();
    expect(titles()).toEqual(['Delete me', 'Keep me']);
    expect(state().library.activeId).toBe(doomed);
    expect(contents()).toEqual(['Delete me']);
  });

  it('deleting the last conversation leaves a fresh empty one', () => {
    actions.addTurn('user', 'Only one');
    deleteConversation(state().library.activeId);
    expect(titles()).toEqual(['Untitled']);
    expect(contents()).toEqual([]);
  });

  it('offers Undo for a few seconds only', () => {
    vi.useFakeTimers();
    actions.addTurn('user', 'Other');
    const other = state().library.activeId;
    newConversation();
    deleteConversation(other);
    expect(state().library.recentlyDeleted).not.toBeNull();
    vi.advanceTimersByTime(undoDeleteMs + 1);
    expect(state().library.recentlyDeleted).toBeNull();
    undoDelete();
    expect(titles()).toEqual(['Untitled']);
  });
});

describe('history', () => {
  it('records a finished reply once, newest first, bounded by the configured size', () => {
    setHistoryLimit(2);
    for (const id of ['r1', 'r2', 'r3']) {
      const turn = replyTurn(id);
      usePlaygroundStore.setState((current) => ({
        conversation: { ...current.conversation, turns: [...current.conversation.turns, turn] },
      }));
      recordHistory(turn);
    }
    expect(state().history.entries.map((entry) => entry.request.body.messages[0]?.content)).toEqual(['r3', 'r2']);
  });

  it('Open restores the request into an empty composer, so the next request is the same body', () => {
    const body: ChatRequestBody = {
      model: 'glm-4.6',
      messages: [
        { role: 'system', content: 'Sys' },
        { role: 'user', content: 'Question' },
      ],
      thinking: { type: 'disabled' },
      temperature: 1,
    };
    const turn = replyTurn('r', body);
    usePlaygroundStore.setState((current) => ({ conversation: { ...current.conversation, turns: [turn] } }));
    recordHistory(turn);
    const entry = state().history.entries[0];
    if (!entry) throw new Error('no entry');
    newConversation();
    const result = openHistoryEntry(entry);
    expect(result?.newConversation).toBe(false);
    expect(selectRequestBody(state())).toEqual(body);
  });

  it('Open keeps a non-empty working copy and opens the request as a new conversation', () => {
    const turn = replyTurn('r');
    usePlaygroundStore.setState((current) => ({ conversation: { ...current.conversation, turns: [turn] } }));
    recordHistory(turn);
    const entry = state().history.entries[0];
    if (!entry) throw new Error('no entry');
    const result = openHistoryEntry(entry);
    expect(result?.newConversation).toBe(true);
    expect(contents()).toEqual(['r']);
    expect(titles()).toEqual(['r', 'Untitled']);
    expect(state().library.conversations[1]?.turns.map((turn) => turn.content)).toEqual(['answer r']);
  });
});

describe('presets', () => {
  it('applies a built-in in one call and saves / deletes a preset of the current settings', () => {
    applyPreset('builtin-deterministic');
    expect(state().settings).toMatchObject({ temperature: 0, pinned: { temperature: true } });
    settingsActions.setModel('glm-4.5-air');
    settingsActions.setTopP(0.5);
    const preset = savePreset('  Air at 0.5 ');
    expect(preset?.name).toBe('Air at 0.5');
    settingsActions.setModel('glm-4.7');
    applyPreset(preset?.id ?? '');
    expect(state().settings).toMatchObject({ model: 'glm-4.5-air', topP: 0.5 });
    deletePreset(preset?.id ?? '');
    expect(state().presets.saved).toEqual([]);
    expect(savePreset('   ')).toBeNull();
  });
});
