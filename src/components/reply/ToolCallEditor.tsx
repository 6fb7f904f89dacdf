import { useId, useState, type SyntheticEvent } from 'react';
import * as toolActions from '../../store/toolRoundActions';
import type { TurnToolCall } from '../../store/types';

interface ToolCallEditorProps {
  turnId: string;
  index: number;
  call: TurnToolCall;
  onDone: () => void;
}

/** Edits a received call before it is answered: the name and arguments shown are the ones that go back. */
export function ToolCallEditor({ turnId, index, call, onDone }: ToolCallEditorProps) {
  const [name, setName] = useState(call.name);
  const [argumentsText, setArgumentsText] = useState(call.arguments);
  const id = useId();

  function save(event: SyntheticEvent) {
    event.preventDefault();
    toolActions.editToolCall(turnId, index, { name: name.trim(), arguments: argumentsText });
    onDone();
  }

  return (
    <form
      className="tool-call-editor"
      aria-label={`Edit tool call ${call.name}`}
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label htmlFor={`${id}-name`}>Function name</label>
      <input id={`${id}-name`} value={name} autoFocus onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-arguments`}>Arguments</label>
      <textarea
        id={`${id}-arguments`}
        rows={Math.min(12, Math.max(3, argumentsText.split('\n').length + 1))}
        value={argumentsText}
        onChange={(event) => setArgumentsText(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary">
          Save call
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
