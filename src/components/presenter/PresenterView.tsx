import './presenter.css';
import { useRef } from 'react';
import { modelInfo, supportsThinking } from '../../core/models';
import { maxTokensLimit, type ChatRequestBody } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import * as actions from '../../store/actions';
import { selectDisplayedReply, selectRequestBody } from '../../store/selectors';
import { setPresenterView } from '../../store/thinkingActions';
import type { PlaygroundState } from '../../store/types';
import { ModalDialog } from '../ui/ModalDialog';
import { PresenterComposer } from './PresenterComposer';
import { PresenterToggle } from './PresenterToggle';
import { ReasoningPane } from '../reply/ReasoningPane';
import { ReplyPane } from '../reply/ReplyPane';
import { formatInteger } from '../../core/numberFormat';

/** "glm-4.7 · thinking on · temperature 1 (default) · top_p 0.95 (default) · max_tokens 65,536 (default)". */
export function describeParameters(body: ChatRequestBody): string {
  const model = modelInfo(body.model);
  const thinking =
    !supportsThinking(model) && body.thinking === undefined
      ? 'no thinking mode'
      : `thinking ${body.thinking?.type === 'disabled' ? 'off' : 'on'}${body.thinking?.clear_thinking === false ? ' (reasoning preserved)' : ''}`;
  const value = (sent: unknown, fallback: number | null, format: (number: number) => string = String) =>
    typeof sent === 'number' ? format(sent) : fallback === null ? 'default' : `${format(fallback)} (default)`;
  return [
    body.model,
    thinking,
    `temperature ${value(body.temperature, model.defaultTemperature)}`,
    `top_p ${value(body.top_p, model.defaultTopP)}`,
    `max_tokens ${value(body.max_tokens, model.defaultMaxTokens ?? maxTokensLimit(model), formatInteger)}`,
  ].join(' · ');
}

/** The parameters of the reply on screen (what was sent), or of the next request when there is none yet. */
function selectCaption(state: PlaygroundState): string {
  return describeParameters(selectDisplayedReply(state)?.reply?.request.body ?? selectRequestBody(state));
}

/**
 * Presenter view: the displayed reply's reasoning and answer side by side, large, for a projector, with the request
 * parameters as a caption and a Message box to run the demo from. Esc stops a reply on its way; otherwise Esc (or the
 * toggle) leaves.
 */
export function PresenterView() {
  const on = usePlaygroundStore((state) => state.preferences.presenterView);
  const turnId = usePlaygroundStore((state) => (on ? (selectDisplayedReply(state)?.id ?? null) : null));
  const caption = usePlaygroundStore((state) => (on ? selectCaption(state) : ''));
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const messageRef = useRef<HTMLTextAreaElement>(null);

  if (!on) return null;
  const header = (
    <>
      <p className="presenter-caption">{caption}</p>
      <PresenterToggle />
    </>
  );
  return (
    <ModalDialog
      title="Presenter view"
      titleHidden
      className="presenter-view"
      initialFocus={messageRef}
      headerContent={header}
      onClose={() => (sending ? actions.stop() : setPresenterView(false))}
    >
      {turnId === null ? (
        <p className="presenter-empty">Send a message: the reasoning and the reply appear here, side by side.</p>
      ) : (
        <div className="presenter-panes">
          <ReasoningPane key={`presenter-reasoning-${turnId}`} turnId={turnId} alwaysExpanded />
          <ReplyPane key={`presenter-reply-${turnId}`} turnId={turnId} />
        </div>
      )}
      <PresenterComposer messageRef={messageRef} />
    </ModalDialog>
  );
}
