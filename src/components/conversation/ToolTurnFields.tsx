import { useId } from 'react';
import { usePlaygroundStore } from '../../store';

/** What a hand-written tool call or tool result needs besides its text. */
export interface ToolTurnDraft {
  name: string;
  callId: string;
}

interface ToolTurnFieldsProps {
  kind: 'tool-call' | 'tool-result';
  draft: ToolTurnDraft;
  onChange: (draft: ToolTurnDraft) => void;
}

/** The ids of every tool call in the conversation, newest first: suggestions for a tool result's call id. */
function useKnownCallIds(): string {
  return usePlaygroundStore((state) =>
    state.conversation.turns
      .flatMap((turn) => turn.toolCalls ?? [])
      .map((call) => call.id)
      .filter((id) => id !== '')
      .reverse()
      .join('\n'),
  );
}

/** Function name and call id for a hand-written tool call; the call id a hand-written tool result answers. */
export function ToolTurnFields({ kind, draft, onChange }: ToolTurnFieldsProps) {
  const id = useId();
  const knownIds = useKnownCallIds();
  return (
    <>
      {kind === 'tool-call' && (
        <div className="field">
          <label htmlFor={`${id}-name`}>Function name</label>
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(event) => onChange({ ...draft, name: event.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-call`}>{kind === 'tool-call' ? 'Call id (optional)' : 'Call id'}</label>
        <input
          id={`${id}-call`}
          list={kind === 'tool-result' ? `${id}-known` : undefined}
          value={draft.callId}
          onChange={(event) => onChange({ ...draft, callId: event.target.value })}
        />
        {kind === 'tool-result' && (
          <datalist id={`${id}-known`}>
            {knownIds
              .split('\n')
              .filter(Boolean)
              .map((callId) => (
                <option key={callId} value={callId} />
              ))}
          </datalist>
        )}
      </div>
    </>
  );
}
