import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import { turnToolCalls } from '../../store/toolRoundSelectors';

/** The tool calls of an assistant turn in the transcript: which function, with which arguments (as they go back). */
export function TurnToolCalls({ turnId }: { turnId: string }) {
  const calls = usePlaygroundStore((state) => turnToolCalls(selectTurn(state, turnId)));
  if (calls.length === 0) return null;
  return (
    <ul className="turn-tool-calls" aria-label="Tool calls">
      {calls.map((call, index) => (
        <li key={index}>
          <span className="turn-tool-call-name">{call.name || '(unnamed)'}</span>{' '}
          {call.id !== '' && <code className="turn-tool-call-id">{call.id}</code>}
          <pre className="turn-tool-call-arguments">{call.arguments}</pre>
        </li>
      ))}
    </ul>
  );
}
