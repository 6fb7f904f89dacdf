// Set-up shared by the component tests: a clean store, replies seeded straight into the transcript (each moment
// of a stream, without sending), and the streaming module loaded up front.
import { act } from '@testing-library/react';
import type { StreamEvent } from '../../src/core/contracts';
import { completeMetrics, recordEvent, startMetrics, type ReplyMetrics } from '../../src/core/metrics';
import { loadTurnArticle } from '../../src/components/conversation/LazyTurnArticle';
import { loadConversationTools } from '../../src/components/conversation/LazyConversationTools';
import { loadPastedTextViewer } from '../../src/components/conversation/PastedTexts';
import { loadReplyArea } from '../../src/components/reply/LazyReplyArea';
import { loadTextRenderers } from '../../src/components/reply/LazyText';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as replyCall from '../../src/store/replyCall';
import type { ReplyInfo, Turn } from '../../src/store/types';

/** When the seeded replies started (a fixed instant, so durations are exact). */
export const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);

/** Nothing saved, nothing remembered for the tab, the store as on first start. */
export function resetEverything(): void {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
}

/**
 * A fresh store module (after vi.resetModules, as a page reload) reads the saved state once the code that restores it
 * has loaded again: the store holds the saved state when this resolves.
 */
export function savedStateLoaded(store: { usePlaygroundStore: typeof usePlaygroundStore }): Promise<void> {
  const { persist } = store.usePlaygroundStore;
  if (persist.hasHydrated()) return Promise.resolve();
  return new Promise((resolve) => {
    const stopWatching = persist.onFinishHydration(() => {
      stopWatching();
      resolve();
    });
  });
}

/**
 * The app fetches the streaming module when the user turns to the Message box, before the first Send; tests load it
 * up front (in beforeAll), as fake timers would keep a first Send from ever receiving it.
 */
export async function loadReplyStream(): Promise<void> {
  await replyCall.loadReplyStream();
}

/**
 * What the app loads after its first paint or with the first turn (the settings, the reply area, the transcript's
 * turns, the attached-text viewer): tests load it up front (in beforeAll), as the app fetches it ahead of a Send, so turns and replies render
 * at once and compiling them does not count against a test's time limit.
 */
export async function loadLazyRegions(): Promise<void> {
  await Promise.all([
    import('../../src/components/settings/SettingsSidebar'),
    loadReplyArea(),
    loadTurnArticle(),
    loadConversationTools(),
    loadPastedTextViewer(),
    // What focusing the conversation fetches ahead (prefetchForSend.ts): loaded here, so that no test file ends while
    // those imports are still on their way.
    loadTextRenderers(),
    replyCall.loadReplyStream(),
  ]);
}

export function delta(reasoning: string, content: string): StreamEvent {
  return { kind: 'delta', reasoning, content, created: null };
}

/**
 * Metrics of a reply whose events arrived at the given milliseconds after t0, finished at endMs (null: still
 * going). Usage and finish reason are the reply's own: pass them next to the metrics.
 */
export function timeline(events: [number, StreamEvent][], endMs: number | null): ReplyMetrics {
  const metrics = events.reduce((current, [atMs, event]) => recordEvent(current, event, t0 + atMs), startMetrics(t0));
  return endMs === null ? metrics : completeMetrics(metrics, t0 + endMs);
}

/** A complete, streamed glm-4.7 reply to an empty request, changed by `reply`. */
export function replyInfo(reply: Partial<ReplyInfo> = {}): ReplyInfo {
  return {
    status: 'complete',
    request: { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [], stream: true } },
    error: null,
    finishReason: 'stop',
    usage: null,
    metrics: startMetrics(t0),
    warnings: [],
    retry: null,
    ...reply,
  };
}

/** An assistant turn with a reply (id "reply-1" unless `turn` says otherwise). */
export function assistantTurn(turn: Partial<Turn> = {}, reply: Partial<ReplyInfo> = {}): Turn {
  return {
    id: 'reply-1',
    role: 'assistant',
    content: '',
    reasoning: '',
    excluded: false,
    ...turn,
    reply: replyInfo(reply),
  };
}

/** A user turn (id "question" unless given). */
export function userTurn(content: string, id = 'question'): Turn {
  return { id, role: 'user', content, reasoning: '', excluded: false, reply: null };
}

/** Replaces the transcript, as a render would see it. */
export function setTurns(turns: Turn[]): void {
  act(() => {
    usePlaygroundStore.setState((state) => ({ conversation: { ...state.conversation, turns } }));
  });
}

/** A transcript of one question and its reply (the assistant turn "reply-1"). */
export function setReply(turn: Partial<Turn>, reply: Partial<ReplyInfo>, question = 'Why?'): void {
  setTurns([userTurn(question), assistantTurn(turn, reply)]);
}

/** Settings as a saved state from an earlier version holds them (the fields it had then). */
export const savedSettings = {
  model: 'glm-4.6',
  thinking: true,
  preserveReasoning: false,
  stream: true,
  temperature: 0.4,
  topP: 0.95,
  maxTokens: 4096,
  pinned: { temperature: false, top_p: false, max_tokens: false },
  systemPrompt: 'Be brief.',
};
