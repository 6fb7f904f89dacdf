import { useId, type KeyboardEvent, type RefObject, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import * as actions from '../../store/actions';
import { selectCanSend } from '../../store/selectors';

/**
 * The presenter view's own Message box: the same draft as the main composer, large, with Send and Stop.
 * Ctrl/Cmd+Enter sends; Esc stops (the view handles it: Esc leaves only when nothing is on its way).
 */
export function PresenterComposer({ messageRef }: { messageRef: RefObject<HTMLTextAreaElement | null> }) {
  const draft = usePlaygroundStore((state) => state.conversation.draft);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  // One call per store change: with an empty draft it looks through the whole transcript.
  const { ok: canSend, reason } = usePlaygroundStore(useShallow(selectCanSend));
  const id = useId();

  function send(event?: SubmitEvent) {
    event?.preventDefault();
    if (!canSend) return;
    actions.send();
    messageRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  }

  const showReason = !sending && !canSend && reason !== null;
  return (
    <form className="presenter-composer" onSubmit={send} aria-label="Presenter message">
      <label htmlFor={`${id}-message`}>Message</label>
      <textarea
        id={`${id}-message`}
        ref={messageRef}
        rows={2}
        value={draft}
        placeholder="Ask something…"
        aria-describedby={`${id}-keys${showReason ? ` ${id}-reason` : ''}`}
        onChange={(event) => actions.setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="presenter-composer-actions">
        <button type="submit" className="button-primary" disabled={!canSend}>
          Send
        </button>
        {sending && (
          <button
            type="button"
            className="button-danger"
            onClick={() => {
              actions.stop();
              messageRef.current?.focus();
            }}
          >
            Stop
          </button>
        )}
        <p id={`${id}-keys`} className="hint">
          Ctrl/Cmd+Enter sends{sending ? ', Esc stops' : ', Esc leaves'}.
        </p>
        {showReason && (
          <p id={`${id}-reason`} className="send-reason" role="status">
            {reason}
          </p>
        )}
      </div>
    </form>
  );
}
