import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import { isLiveStatus } from '../../store/replyInfo';
import { selectTurn } from '../../store/selectors';
import * as toolActions from '../../store/toolRoundActions';
import {
  awaitsToolResults,
  selectCanSendToolResults,
  selectOfferedTools,
  sentToolResult,
  toolCallsIncomplete,
  turnToolCalls,
} from '../../store/toolRoundSelectors';
import { ToolCallCard } from './ToolCallCard';

/** The tool calls of a reply, one card each, and "Send tool results" once every call has its result. */
export function ToolCallsPanel({ turnId }: { turnId: string }) {
  const callCount = usePlaygroundStore((state) => turnToolCalls(selectTurn(state, turnId)).length);
  const live = usePlaygroundStore((state) => isLiveStatus(selectTurn(state, turnId)?.reply?.status));
  const incomplete = usePlaygroundStore((state) => toolCallsIncomplete(selectTurn(state, turnId)));
  const answerable = usePlaygroundStore((state) => awaitsToolResults(state.conversation.turns, turnId));
  const readiness = usePlaygroundStore(useShallow((state) => selectCanSendToolResults(state, turnId)));
  const offeredIn = usePlaygroundStore((state) => selectOfferedTools(state, turnId));
  const sentResults = usePlaygroundStore(
    useShallow((state) =>
      turnToolCalls(selectTurn(state, turnId)).map((call) => sentToolResult(state.conversation.turns, turnId, call.id)),
    ),
  );
  const mockFunctions = usePlaygroundStore(
    useShallow((state) =>
      turnToolCalls(selectTurn(state, turnId))
        .map((call) => call.name)
        .filter((name) => name in state.preferences.toolMockResults),
    ),
  );
  const headingId = useId();
  const reasonId = useId();
  if (callCount === 0) return null;

  const send = () => {
    if (readiness.ok) toolActions.sendToolResults(turnId);
  };

  return (
    <section className="pane tool-calls-pane" aria-labelledby={headingId}>
      <header className="pane-header">
        <h2 id={headingId} className="pane-title">
          Tool calls
        </h2>
        {answerable && <p className="muted">Run each call yourself and write what it returned.</p>}
      </header>
      <div className="tool-calls">
        {Array.from({ length: callCount }, (_, index) => (
          <ToolCallCard
            key={index}
            turnId={turnId}
            index={index}
            live={live}
            incomplete={incomplete}
            answerable={answerable}
            sentResult={sentResults[index] ?? null}
            offeredIn={offeredIn}
            onSendShortcut={send}
          />
        ))}
      </div>
      {answerable && (
        <footer className="tool-calls-actions">
          {mockFunctions.length > 0 && (
            <button type="button" onClick={() => toolActions.fillMockToolResults(turnId)}>
              Use mock results
            </button>
          )}
          <button
            type="button"
            className="button-primary"
            aria-describedby={readiness.ok ? undefined : reasonId}
            disabled={!readiness.ok}
            onClick={send}
          >
            Send tool results
          </button>
          {!readiness.ok && (
            <p id={reasonId} className="hint">
              {readiness.reason}
            </p>
          )}
        </footer>
      )}
    </section>
  );
}
