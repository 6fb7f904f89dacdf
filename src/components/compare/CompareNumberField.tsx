import { useId } from 'react';
import { useNumberDraft } from '../ui/useNumberDraft';

interface CompareNumberFieldProps {
  label: string;
  value: number;
  range: { min: number; max: number; step: number };
  /** Applies the typed number; returns the value actually applied (clamped, rounded). */
  commit: (value: number) => number;
}

/** A compact number box for a Compare column: what is typed stays while the clamped value applies. */
export function CompareNumberField({ label, value, range, commit }: CompareNumberFieldProps) {
  const { draft, note, onChange, onBlur } = useNumberDraft(value, range, commit);
  const id = useId();
  return (
    <div className="compare-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={range.min}
        max={range.max}
        step={range.step}
        value={draft}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={onChange}
        onBlur={onBlur}
      />
      {note && (
        <span id={`${id}-note`} className="hint">
          {note}
        </span>
      )}
    </div>
  );
}
