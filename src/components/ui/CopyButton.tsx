import { useCopyFeedback } from './clipboard';

interface CopyButtonProps {
  text: string;
  /** What the status says after a copy. */
  copiedMessage: string;
  /** What it says when the browser refused: how to copy by hand instead. */
  failedMessage: string;
  /**
   * A fixed name for the button, where several sit on one page ("Copy code"); the status beside it then shows the
   * result for a moment. Without it the button itself says "Copied", a success is only announced, and a failure stays
   * on screen until the next try.
   */
  label?: string;
  /** Class of the wrapper; the button and the status get it with `-button` and `-status` appended. */
  className: string;
}

/** The app's one "Copy" button for code: copies with the clipboard helper and says how it went. */
export function CopyButton({ text, copiedMessage, failedMessage, label, className }: CopyButtonProps) {
  const standalone = label === undefined;
  const { state, copy } = useCopyFeedback({ failureStays: standalone });
  const statusShown = !standalone || state === 'failed';

  return (
    <span className={className}>
      <button type="button" className={`${className}-button`} aria-label={label} onClick={() => void copy(text)}>
        {standalone && state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className={statusShown ? `${className}-status` : 'visually-hidden'}>
        {state === 'copied' ? copiedMessage : state === 'failed' ? failedMessage : ''}
      </span>
    </span>
  );
}
