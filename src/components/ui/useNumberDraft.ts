import { useState, type ChangeEvent } from 'react';

interface NumberRange {
  min: number;
  max: number;
}

/**
 * Editing a number input without fighting the user: what they type stays in the box while the clamped value goes to
 * the store; a note says when the value was clamped. Changes from elsewhere (slider, model switch) replace the draft.
 */
export function useNumberDraft(value: number, range: NumberRange, commit: (typed: number) => number) {
  const [draft, setDraft] = useState(String(value));
  const [synced, setSynced] = useState(value);
  const [note, setNote] = useState<string | null>(null);
  if (value !== synced) {
    setSynced(value);
    setDraft(String(value));
    setNote(null);
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const text = event.target.value;
    setDraft(text);
    // An empty box is a number being retyped: keep the last value and restore it on blur.
    if (text.trim() === '' || !Number.isFinite(Number(text))) return;
    const typed = Number(text);
    const applied = commit(typed);
    setSynced(applied);
    if (typed < range.min || typed > range.max) setNote(`Clamped to ${applied}`);
    else if (applied !== typed) setNote(`Rounded to ${applied}`);
    else setNote(null);
  }

  function onBlur() {
    setDraft(String(synced));
  }

  return { draft, note, onChange, onBlur };
}
