import { useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import * as actions from '../../store/actions';
import * as toolActions from '../../store/toolRoundActions';
import { ToolTurnFields, type ToolTurnDraft } from './ToolTurnFields';

type AddedKind = 'user' | 'assistant' | 'tool-call' | 'tool-result';
const addedKinds: readonly AddedKind[] = ['user', 'assistant', 'tool-call', 'tool-result'];
const kindLabels: Record<AddedKind, string> = {
  user: 'user',
  assistant: 'assistant',
  'tool-call': 'assistant tool call',
  'tool-result': 'tool result',
};
const textLabels: Record<AddedKind, string> = {
  user: 'Text to add',
  assistant: 'Text to add',
  'tool-call': 'Arguments (JSON)',
  'tool-result': 'Tool result to add',
};

/** Why the turn cannot be added yet, or null. */
function addProblem(kind: AddedKind, text: string, tool: ToolTurnDraft): string | null {
  if (kind === 'tool-call' && tool.name.trim() === '') return 'Type the name of the function called.';
  if (kind === 'tool-result' && tool.callId.trim() === '') return 'Type the id of the call this result answers.';
  if (text.trim() === '' && kind !== 'tool-call') return 'Type the text of the message to add.';
  return null;
}

/**
 * "Add message": appends a hand-written turn without sending anything — user, assistant, or, to reproduce an agent
 * trace, an assistant tool call and a tool result.
 */
export function AddMessageForm() {
  const [kind, setKind] = useState<AddedKind>('user');
  const [tool, setTool] = useState<ToolTurnDraft>({ name: '', callId: '' });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  function add(event?: SyntheticEvent) {
    event?.preventDefault();
    const problem = addProblem(kind, text, tool);
    if (problem) {
      setError(problem);
      textRef.current?.focus();
      return;
    }
    if (kind === 'tool-call') {
      const callId = toolActions.addToolCallTurn({ id: tool.callId, name: tool.name, arguments: text.trim() || '{}' });
      // The next thing to add is most likely this call's result.
      setTool({ name: '', callId });
    } else if (kind === 'tool-result') {
      toolActions.addToolResultTurn(tool.callId, text);
    } else {
      actions.addTurn(kind, text);
    }
    setText('');
    setError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) add(event);
  }

  return (
    <form className="add-message" aria-labelledby={`${id}-title`} onSubmit={add}>
      <h3 id={`${id}-title`} className="add-message-title">
        Add a turn by hand
      </h3>
      <div className="add-message-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>Add as</label>
          <select
            id={`${id}-role`}
            value={kind}
            onChange={(event) => setKind(addedKinds.find((candidate) => candidate === event.target.value) ?? 'user')}
          >
            {addedKinds.map((candidate) => (
              <option key={candidate} value={candidate}>
                {kindLabels[candidate]}
              </option>
            ))}
          </select>
        </div>
        {(kind === 'tool-call' || kind === 'tool-result') && (
          <ToolTurnFields kind={kind} draft={tool} onChange={setTool} />
        )}
        <div className="field grow">
          <label htmlFor={`${id}-text`}>{textLabels[kind]}</label>
          <textarea
            id={`${id}-text`}
            ref={textRef}
            rows={2}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="submit">Add message</button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
