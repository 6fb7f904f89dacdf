import { useId, useRef, type ClipboardEvent, type DragEvent, type KeyboardEvent, type SubmitEvent } from 'react';
import { imageRefusal } from '../../core/images';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import * as actions from '../../store/actions';
import { selectCanRegenerate, selectCanSend } from '../../store/selectors';
import { DraftImages, useImageAttaching } from './DraftImages';
import { PastedTexts, usePastedTexts } from './PastedTexts';
import { composerId } from '../welcome/messageBox';

/**
 * The "Message" box (images attach by paste, drop or DraftImages; long pasted texts attach as PastedTexts) with Send / Stop / Regenerate. The draft lives in the store (it survives a reload) and is
 * never cleared here: send() moves it into the transcript, and on any error it is still there or in the transcript.
 */
export function Composer() {
  const draft = usePlaygroundStore((state) => state.conversation.draft);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  // One call per store change: with an empty draft it looks through the whole transcript.
  const { ok: canSend, reason } = usePlaygroundStore(useShallow(selectCanSend));
  const canRegenerate = usePlaygroundStore(selectCanRegenerate);
  const refusal = usePlaygroundStore((state) => imageRefusal(state.settings.model));
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const attaching = useImageAttaching();
  const pasting = usePastedTexts();

  // A pasted or dropped image is attached; pasted text goes into the box, unless it is long (then it is attached).
  function takeImages(files: FileList, event: ClipboardEvent | DragEvent): void {
    const images = [...files].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    event.preventDefault();
    if (refusal) attaching.setProblem(refusal);
    else void attaching.attachFiles(images);
  }

  function send(event?: SubmitEvent) {
    event?.preventDefault();
    if (!canSend) return;
    actions.send();
    // Keep the keyboard in the box: typing the next message and Esc (stop) both work from there.
    messageRef.current?.focus();
  }

  function stop() {
    actions.stop();
    messageRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && sending) {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target === messageRef.current) {
      event.preventDefault();
      send();
    }
  }

  const showReason = !sending && !canSend && reason !== null;
  return (
    <form id={composerId} className="composer" onSubmit={send} onKeyDown={onKeyDown} aria-label="Composer">
      <label htmlFor={`${id}-message`}>Message</label>
      <textarea
        id={`${id}-message`}
        ref={messageRef}
        rows={4}
        value={draft}
        placeholder="Ask something…"
        aria-describedby={`${id}-keys${showReason ? ` ${id}-reason` : ''}`}
        onChange={(event) => actions.setDraft(event.target.value)}
        onPaste={(event) => {
          takeImages(event.clipboardData.files, event);
          pasting.takeLongPaste(event);
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) event.preventDefault();
        }}
        onDrop={(event) => takeImages(event.dataTransfer.files, event)}
      />
      <PastedTexts {...pasting} focusMessage={() => messageRef.current?.focus()} />
      <DraftImages {...attaching} />
      <p id={`${id}-keys`} className="hint">
        Ctrl/Cmd+Enter sends{sending ? ', Esc stops' : ''}.
      </p>
      <div className="composer-actions">
        <button type="submit" className="button-primary" disabled={!canSend}>
          Send
        </button>
        {sending && (
          <button type="button" className="button-danger" onClick={stop}>
            Stop
          </button>
        )}
        {canRegenerate && (
          <button type="button" onClick={() => actions.regenerate()}>
            Regenerate
          </button>
        )}
        {showReason && (
          <p id={`${id}-reason`} className="send-reason" role="status">
            {reason}
          </p>
        )}
      </div>
    </form>
  );
}
