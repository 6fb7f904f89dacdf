import type { ReactNode } from 'react';
import { useNumberDraft } from './useNumberDraft';

interface NumberDraftInputProps {
  /** Prefix of the input's id (`-input`), its hint's (`-hint`) and its clamp note's (`-note`). */
  id: string;
  value: number;
  range: { min: number; max: number };
  commit: (typed: number) => number;
  hint: ReactNode;
}

/** An integer input edited through useNumberDraft, with its hint and the live note that reports clamping. */
export function NumberDraftInput({ id, value, range, commit, hint }: NumberDraftInputProps) {
  const number = useNumberDraft(value, range, commit);
  return (
    <>
      <input
        id={`${id}-input`}
        type="number"
        min={range.min}
        max={range.max}
        step={1}
        value={number.draft}
        aria-describedby={`${id}-hint ${id}-note`}
        onChange={number.onChange}
        onBlur={number.onBlur}
      />
      <p id={`${id}-hint`} className="sidebar-hint">
        {hint}
      </p>
      <p id={`${id}-note`} className="sidebar-note" role="status">
        {number.note}
      </p>
    </>
  );
}
