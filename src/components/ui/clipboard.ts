import { useCallback, useEffect, useState } from 'react';

/**
 * Puts text on the clipboard. The async Clipboard API first; where it is missing (plain http) or denied
 * (permissions, no user activation), the legacy copy command on a hidden textarea. Rejects when both fail, so the
 * caller can tell the user to copy by hand.
 */
export async function copyText(text: string): Promise<void> {
  try {
    // Only secure contexts have the Clipboard API, though the DOM types always declare it.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard?.writeText) throw new Error('The Clipboard API is not available.');
    await clipboard.writeText(text);
  } catch (error) {
    if (!copyWithCommand(text)) throw error;
  }
}

function copyWithCommand(text: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy copy command is this fallback's whole point
  if (typeof document.execCommand !== 'function') return false;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.focus({ preventScroll: true });
  area.select();
  let copied = false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy copy command is this fallback's whole point
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    active?.focus();
  }
  return copied;
}

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyFeedbackOptions {
  /** How long "copied" (and "failed", unless it stays) is shown, in milliseconds. */
  showFor?: number;
  /** Keep the failure on screen until the next try: it tells the user how to copy by hand. */
  failureStays?: boolean;
}

/** For a copy button: copies with copyText and remembers for a moment how it went, for the button's message. */
export function useCopyFeedback({ showFor = 2000, failureStays = false }: CopyFeedbackOptions = {}) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle' || (state === 'failed' && failureStays)) return;
    const timer = setTimeout(() => setState('idle'), showFor);
    return () => clearTimeout(timer);
  }, [state, showFor, failureStays]);

  const copy = useCallback(async (text: string) => {
    try {
      await copyText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }, []);

  return { state, copy };
}
