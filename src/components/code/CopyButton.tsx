import { useCopyFeedback } from '../clipboard';

/** "Copy", which says "Copied" for a moment; if the browser refuses, it explains how to copy by hand. */
export function CopyButton({ text }: { text: string }) {
  const { state, copy } = useCopyFeedback({ failureStays: true });

  return (
    <>
      <button type="button" className="code-copy" onClick={() => void copy(text)}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className={state === 'failed' ? 'code-copy-failed' : 'visually-hidden'}>
        {state === 'copied' && 'Code copied to the clipboard.'}
        {state === 'failed' &&
          'The browser blocked the clipboard. Select the code and press Ctrl+C (⌘C on a Mac), or use Download.'}
      </span>
    </>
  );
}
