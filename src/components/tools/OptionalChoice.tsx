import { useId } from 'react';

interface OptionalChoiceProps<Value extends string> {
  label: string;
  values: readonly Value[];
  labels?: Record<Value, string>;
  /** null: the API default, not sent. */
  value: Value | null;
  onChange: (value: Value | null) => void;
}

/** A select whose first option leaves the field out of the request (the API default applies). */
export function OptionalChoice<Value extends string>({
  label,
  values,
  labels,
  value,
  onChange,
}: OptionalChoiceProps<Value>) {
  const id = useId();
  return (
    <div className="sidebar-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(values.find((candidate) => candidate === event.target.value) ?? null)}
      >
        <option value="">Default (not sent)</option>
        {values.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </div>
  );
}
