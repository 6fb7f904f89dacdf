import { useId } from 'react';
import { toolExamples } from '../../core/toolExamples';
import { addTool } from '../../store/toolDefinitionActions';

interface AddToolControlsProps {
  /** The new tool's id: its editor opens. */
  onAdded: (id: string) => void;
}

/** "Add tool" (an empty one) and "Add an example" (a ready tool with its description and schema). */
export function AddToolControls({ onAdded }: AddToolControlsProps) {
  const id = useId();
  return (
    <div className="tool-add">
      <button type="button" onClick={() => onAdded(addTool())}>
        Add tool
      </button>
      <label htmlFor={`${id}-example`}>Add an example</label>
      <select
        id={`${id}-example`}
        value=""
        onChange={(event) => {
          const example = toolExamples.find((candidate) => candidate.name === event.target.value);
          if (example) onAdded(addTool(example));
        }}
      >
        <option value="">Choose…</option>
        {toolExamples.map((example) => (
          <option key={example.name} value={example.name}>
            {example.name}
          </option>
        ))}
      </select>
    </div>
  );
}
