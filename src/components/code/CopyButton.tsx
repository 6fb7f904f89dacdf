import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

type CopyState = 'idle' | 'copied' | 'failed';

/** "Copy", which says "Copied" for a moment; if the browser refuses, it explains how to copy by hand. */
export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await copyText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button type="button" className="code-copy" onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className={state === 'failed' ? 'code-copy-failed' : 'visually-hidden'}>
        {state === 'copied' && 'Code copied to the clipboard.'}
        {state === 'failed' && 'The browser blocked the clipboard. Select the code and press Ctrl+C (⌘C on a Mac), or use Download.'}
      </span>
    </>
  );
}
