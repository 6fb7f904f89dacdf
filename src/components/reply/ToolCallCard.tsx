import { useId, useState, type KeyboardEvent } from 'react';
import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import * as toolActions from '../../store/toolRoundActions';
import { turnToolCalls } from '../../store/toolRoundSelectors';
import { ToolCallArguments } from './ToolCallArguments';
import { ToolCallEditor } from './ToolCallEditor';

interface ToolCallCardProps {
  turnId: string;
  index: number;
  /** The arguments are still streaming in. */
  live: boolean;
  /** The reply ended before the call was whole. */
  incomplete: boolean;
  /** The result can be written now (the call waits for its answer). */
  answerable: boolean;
  /** The result already sent for this call, if it was answered. */
  sentResult: string | null;
  offeredIn: Record<string, unknown>;
  /** Ctrl/Cmd+Enter in the result field: send every result, if all are written. */
  onSendShortcut: () => void;
}

/** One tool call: the function, its arguments as they stream, and the result the user answers it with. */
export function ToolCallCard(props: ToolCallCardProps) {
  const { turnId, index, live, incomplete, answerable, sentResult, offeredIn, onSendShortcut } = props;
  const call = usePlaygroundStore((state) => turnToolCalls(selectTurn(state, turnId))[index]);
  const hasMock = usePlaygroundStore((state) => call !== undefined && call.name in state.preferences.toolMockResults);
  const [editing, setEditing] = useState(false);
  const id = useId();
  if (!call) return null;
  const name = call.name || '(unnamed)';
  const result = call.resultDraft ?? '';

  function onResultKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSendShortcut();
    }
  }

  return (
    <article className="tool-call" aria-label={`Tool call ${name}`}>
      <header className="tool-call-header">
        <h3 className="tool-call-name">{name}</h3>
        {call.id !== '' && <code className="tool-call-id">{call.id}</code>}
        {live && <span className="badge badge-live">arguments streaming…</span>}
        {incomplete && <span className="badge badge-interrupted">incomplete</span>}
      </header>
      {editing ? (
        <ToolCallEditor turnId={turnId} index={index} call={call} onDone={() => setEditing(false)} />
      ) : (
        <ToolCallArguments name={call.name} text={call.arguments} live={live} offeredIn={offeredIn} />
      )}
      {answerable && !editing && (
        <div className="tool-call-answer">
          <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
            Edit call
          </button>
          <label htmlFor={`${id}-result`}>Tool result</label>
          <textarea
            id={`${id}-result`}
            rows={3}
            value={result}
            placeholder="What the function returned (sent as the tool message's content)"
            onChange={(event) => toolActions.setToolResultDraft(turnId, index, event.target.value)}
            onKeyDown={onResultKeyDown}
          />
          <button
            type="button"
            className="button-quiet"
            disabled={result.trim() === '' || call.name === ''}
            onClick={() => toolActions.setMockToolResult(call.name, result)}
          >
            {hasMock ? `Update mock result for ${call.name}` : `Save as mock result for ${name}`}
          </button>
        </div>
      )}
      {sentResult !== null && (
        <div className="tool-call-sent">
          <p className="muted">Result sent:</p>
          <pre className="tool-call-result">{sentResult}</pre>
        </div>
      )}
    </article>
  );
}
