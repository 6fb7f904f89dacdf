// Actions of the thinking-mode tools: reasoning display preferences, the presenter view, and "Raise max tokens and
// retry" for a reply whose budget ran out while the model was still thinking.
import { modelInfo } from '../core/models';
import { maxTokensLimit } from '../core/request';
import { retryReply } from './actions';
import { setMaxTokens, setPinned } from './settingsActions';
import { usePlaygroundStore } from './index';
import type { PreferencesState, ReasoningExpansion, ReasoningFormat } from './preferencesSlice';
import { selectTurn } from './selectors';
import type { PlaygroundState } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function patchPreferences(patch: Partial<PreferencesState>): void {
  set((state) => ({ preferences: { ...state.preferences, ...patch } }));
}

export function setReasoningExpansion(reasoningExpansion: ReasoningExpansion): void {
  patchPreferences({ reasoningExpansion });
}

export function setReasoningFormat(reasoningFormat: ReasoningFormat): void {
  patchPreferences({ reasoningFormat });
}

export function setPresenterView(presenterView: boolean): void {
  patchPreferences({ presenterView });
}

export interface MaxTokensRaise {
  /** max_tokens the reply was sent with (the model default when the body left it out). */
  from: number;
  /** Double that, up to the model's maximum. */
  to: number;
  /** The model's maximum output. */
  limit: number;
}

/** What "Raise max tokens and retry" would do for this reply; null when it is not a model reply. */
export function maxTokensRaiseFor(state: PlaygroundState, turnId: string): MaxTokensRaise | null {
  const request = selectTurn(state, turnId)?.reply?.request;
  if (!request) return null;
  const model = modelInfo(request.body.model);
  const limit = maxTokensLimit(model);
  const sent = request.body.max_tokens;
  const from = typeof sent === 'number' && Number.isFinite(sent) ? sent : (model.defaultMaxTokens ?? limit);
  return { from, to: Math.min(limit, Math.max(1, Math.round(from * 2))), limit };
}

/**
 * Doubles Max tokens (up to the model's maximum), pins it so it is sent, and retries the reply with the same
 * request but the new max_tokens. Returns the new value, or null when nothing was sent (busy, or already at the
 * maximum).
 */
export function raiseMaxTokensAndRetry(turnId: string): number | null {
  const state = get();
  const raise = maxTokensRaiseFor(state, turnId);
  const request = selectTurn(state, turnId)?.reply?.request;
  if (!raise || !request || state.ui.sending || raise.to <= raise.from) return null;
  // The setting follows only when it is for the same model (Max tokens is clamped to the current model).
  if (modelInfo(state.settings.model).id === modelInfo(request.body.model).id) {
    setMaxTokens(raise.to);
    setPinned('max_tokens', true);
  }
  retryReply(turnId, { ...request.body, max_tokens: raise.to });
  return raise.to;
}
