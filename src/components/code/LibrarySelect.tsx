import { useId } from 'react';
import type { CodeLibrary, CodeLibraryInfo } from '../../core/codegen';

interface LibrarySelectProps {
  libraries: readonly CodeLibraryInfo[];
  value: CodeLibrary;
  onChange: (library: CodeLibrary) => void;
}

/** Which library the exported code uses, with what it needs and whether it sends exactly the same body. */
export function LibrarySelect({ libraries, value, onChange }: LibrarySelectProps) {
  const id = useId();
  const selected = libraries.find((library) => library.id === value);
  return (
    <div className="code-library">
      <label htmlFor={`${id}-select`}>Library</label>
      <select
        id={`${id}-select`}
        value={value}
        aria-describedby={`${id}-description`}
        onChange={(event) => {
          const library = libraries.find((candidate) => candidate.id === event.target.value);
          if (library) onChange(library.id);
        }}
      >
        {libraries.map((library) => (
          <option key={library.id} value={library.id}>
            {library.label}
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
