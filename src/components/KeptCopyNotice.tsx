import { useState } from 'react';
import { keptCopyHeldText, releaseHeldWrites, savedTextAtStart, type Notice } from '../store';
import { deleteKeptCopy, keptCopyFileName, readKeptCopy } from '../store/keptCopy';
import { DismissNoticeButton } from './DismissNoticeButton';
import { downloadText } from './ui/download';

/** A saved state that could not be fully read, kept aside: download it, or delete it once it is no longer wanted. */
export function KeptCopyNotice({ notice }: { notice: Notice }) {
  const [status, setStatus] = useState<string | null>(null);
  const held = notice.text === keptCopyHeldText;

  function download(): void {
    const copy = readKeptCopy();
    const text = copy?.text ?? savedTextAtStart();
    if (text === null) {
      setStatus('The saved copy is no longer in this browser.');
      return;
    }
    downloadText(text, keptCopyFileName({ keptAt: copy?.keptAt ?? Date.now() }), 'application/json');
    // The user holds a copy now: this tab may save again.
    if (held) releaseHeldWrites();
    setStatus('Downloaded.');
  }

  return (
    <div className={`notice notice-${notice.level}`} role={held ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      {status && <span>{status}</span>}
      <span className="button-row">
        <button type="button" onClick={download}>
          Download saved copy
        </button>
        {!held && (
          <button
            type="button"
            onClick={() => {
              deleteKeptCopy();
              setStatus('The saved copy was deleted.');
            }}
          >
            Delete saved copy
          </button>
        )}
        <DismissNoticeButton notice={notice} />
      </span>
    </div>
  );
}
