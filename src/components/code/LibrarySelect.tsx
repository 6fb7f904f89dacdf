import { useId } from 'react';
import { isCodeLibrary, type CodeLibrary, type CodeTarget } from '../../core/codegen';

interface LibrarySelectProps {
  targets: readonly CodeTarget[];
  value: CodeLibrary;
  onChange: (library: CodeLibrary) => void;
}

/** Which library the exported code uses, with what it needs and whether it sends exactly the same body. */
export function LibrarySelect({ targets, value, onChange }: LibrarySelectProps) {
  const id = useId();
  const selected = targets.find((target) => target.id === value);
  return (
    <div className="code-library">
      <label htmlFor={`${id}-select`}>Library</label>
      <select
        id={`${id}-select`}
        value={value}
        aria-describedby={`${id}-description`}
        onChange={(event) => {
          const target = targets.find((candidate) => candidate.id === event.target.value);
          if (target && isCodeLibrary(target.id)) onChange(target.id);
        }}
      >
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.label}
          </option>
        ))}
      </select>
      <p id={`${id}-description`} className="code-hint">
        {selected?.description}
        {selected && !selected.exactBody && ' The request body may differ from the app’s; the code says where.'}
      </p>
    </div>
  );
}
