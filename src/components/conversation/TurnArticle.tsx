import { memo, useEffect, useRef, useState } from 'react';
import { turnReasoningGoesBack } from '../../core/sentTurns';
import { usePlaygroundStore } from '../../store';
import { isLiveStatus } from '../../store/replyInfo';
import { selectTurn, selectTurnIndex } from '../../store/selectors';
import * as actions from '../../store/actions';
import { AlternativeSwitcher } from './AlternativeSwitcher';
import { StaleReplyNote } from './StaleReplyNote';
import { TurnEditor } from './TurnEditor';
import { TurnImages } from './TurnImages';
import { TurnText } from './TurnText';
import { TurnToolCalls } from './TurnToolCalls';
import { turnToolCalls } from '../../store/toolRoundSelectors';
import { ViewCodeButton } from '../code/ViewCodeButton';
import { hasVisibleText } from '../../core/visibleText';

/** Statuses worth a badge in the transcript (a complete reply needs none). */
const badgeStatuses: ReadonlySet<string> = new Set(['stopped', 'interrupted', 'stalled', 'error']);

interface TurnArticleProps {
  turnId: string;
  /** 1-based position, part of the accessible name. */
  position: number;
  isFirst: boolean;
  isLast: boolean;
}

/**
 * One turn of the transcript. Every selector is narrow and the text is read only when the turn is not streaming,
 * so a growing reply does not re-render this article per frame (the Reply pane shows it live).
 */
function TurnArticleView({ turnId, position, isFirst, isLast }: TurnArticleProps) {
  const role = usePlaygroundStore((state) => selectTurn(state, turnId)?.role ?? 'user');
  const excluded = usePlaygroundStore((state) => selectTurn(state, turnId)?.excluded ?? false);
  const status = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.status ?? null);
  const sentRequest = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.request ?? null);
  const content = usePlaygroundStore((state) => {
    const turn = selectTurn(state, turnId);
    return turn && !isLiveStatus(turn.reply?.status) ? turn.content : '';
  });
  const reasoning = usePlaygroundStore((state) => {
    const turn = selectTurn(state, turnId);
    return turn && !isLiveStatus(turn.reply?.status) ? turn.reasoning : '';
  });
  const toolCallId = usePlaygroundStore((state) => selectTurn(state, turnId)?.toolCallId ?? null);
  const hasToolCalls = usePlaygroundStore((state) => turnToolCalls(selectTurn(state, turnId)).length > 0);
  // Tool-call turns of the round in progress send their reasoning back even without preserved thinking.
  const sentBack = usePlaygroundStore((state) => {
    const index = selectTurnIndex(state, turnId);
    return (
      !excluded && turnReasoningGoesBack(state.conversation.turns, index, state.settings, state.connection.baseUrl)
    );
  });
  const shown = usePlaygroundStore((state) => state.ui.selectedReplyId === turnId);
  const [editText, setEditText] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const live = isLiveStatus(status);

  useEffect(() => {
    if (editText === null && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editText]);

  function closeEditor() {
    returnFocus.current = true;
    setEditText(null);
  }

  const label = `${role} turn ${position}${excluded ? ' (excluded)' : ''}`;
  return (
    <article className={`turn turn-${role}${excluded ? ' turn-excluded' : ''}`} aria-label={label}>
      <header className="turn-header">
        {role === 'tool' ? (
          <span className="turn-role">
            <span>Role</span> tool
          </span>
        ) : (
          <label className="turn-role">
            <span>Role</span>
            <select
              value={role}
              disabled={live}
              onChange={(event) =>
                actions.updateTurn(turnId, { role: event.target.value === 'assistant' ? 'assistant' : 'user' })
              }
            >
              <option value="user">user</option>
              <option value="assistant">assistant</option>
            </select>
          </label>
        )}
        <span className="turn-number">#{position}</span>
        {status && badgeStatuses.has(status) && <span className={`badge badge-${status}`}>{status}</span>}
        {live && <span className="badge badge-live">replying…</span>}
        <AlternativeSwitcher turnId={turnId} disabled={live} />
      </header>
      <StaleReplyNote turnId={turnId} />

      {editText === null ? (
        <div className="turn-content">
          {toolCallId !== null && (
            <p className="turn-tool-result-for">
              Result of call <code>{toolCallId || '(no id)'}</code>
            </p>
          )}
          {live ? (
            <p className="muted">The reply is streaming in the Reply area.</p>
          ) : !hasVisibleText(content) ? (
            !hasToolCalls && <p className="muted">(empty)</p>
          ) : (
            <TurnText role={role} text={content} />
          )}
          <TurnImages turnId={turnId} />
          {!live && <TurnToolCalls turnId={turnId} />}
        </div>
      ) : (
        <TurnEditor turnId={turnId} initialText={editText} onClose={closeEditor} />
      )}

      {role === 'assistant' && reasoning !== '' && (
        <details className="turn-reasoning">
          <summary>{sentBack ? 'Reasoning (sent back)' : 'Reasoning (not sent back)'}</summary>
          <div className="turn-reasoning-text">{reasoning}</div>
        </details>
      )}

      <footer className="turn-actions">
        {editText === null && (
          <button type="button" ref={editButton} disabled={live} onClick={() => setEditText(content)}>
            Edit
          </button>
        )}
        <button type="button" disabled={isFirst} onClick={() => actions.moveTurn(turnId, -1)}>
          Move up
        </button>
        <button type="button" disabled={isLast} onClick={() => actions.moveTurn(turnId, 1)}>
          Move down
        </button>
        <button type="button" className="button-danger" onClick={() => actions.deleteTurn(turnId)}>
          Delete
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={excluded}
            onChange={(event) => actions.setExcluded(turnId, event.target.checked)}
          />
          Exclude from request
        </label>
        {status !== null && !live && (
          <button type="button" aria-pressed={shown} onClick={() => actions.selectReply(shown ? null : turnId)}>
            Show in Reply area
          </button>
        )}
        {sentRequest && !live && <ViewCodeButton request={sentRequest} />}
      </footer>
    </article>
  );
}

export const TurnArticle = memo(TurnArticleView);
