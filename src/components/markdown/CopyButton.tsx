import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const feedback: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copy failed: select the code and copy it by hand',
};

/** "Copy code" button; the result shows (and is announced) next to it for two seconds. */
export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // Not available outside secure contexts: that lands in the failure message.
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="code-block-copy">
      <span className="code-block-copy-feedback" role="status">
        {feedback[state]}
      </span>
      <button type="button" className="code-block-copy-button" aria-label="Copy code" onClick={() => void copy()}>
        Copy
      </button>
    </span>
  );
}
