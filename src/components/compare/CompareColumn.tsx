import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as compareActions from '../../store/compareActions';
import { findCompareColumn, selectCanKeepColumn, selectCompareResult } from '../../store/compareSelectors';
import { describeColumnSettings, isLiveResult } from '../../store/compareSlice';
import { CompareColumnCode } from './CompareColumnCode';
import { CompareColumnError } from './CompareColumnError';
import { CompareColumnSettings } from './CompareColumnSettings';
import { CompareReasoningPane } from './CompareReasoningPane';
import { CompareReplyPane } from './CompareReplyPane';

interface CompareColumnProps {
  columnId: string;
  /** 1-based, as the user counts. */
  number: number;
  removable: boolean;
}

/** One column: its settings, its Stop / Keep / code, and its own reasoning and reply panes. */
export function CompareColumn({ columnId, number, removable }: CompareColumnProps) {
  const description = usePlaygroundStore((state) => {
    const column = findCompareColumn(state, columnId);
    return column ? describeColumnSettings(column.settings) : '';
  });
  const live = usePlaygroundStore((state) => isLiveResult(selectCompareResult(state, columnId)));
  // A new run (or an automatic retry) starts the panes afresh: timers, scroll and disclosure state.
  const runKey = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.metrics.startedAtMs ?? null);
  // A column that asked for no thinking (thinking off, or a model without it) and got none has no reasoning to show.
  const showsReasoning = usePlaygroundStore((state) => {
    const result = selectCompareResult(state, columnId);
    return result !== null && (result.reasoning !== '' || result.reply.request.body.thinking?.type === 'enabled');
  });
  const canKeep = usePlaygroundStore((state) => selectCanKeepColumn(state, columnId).ok);
  const keepReason = usePlaygroundStore((state) => selectCanKeepColumn(state, columnId).reason);
  const id = useId();
  const showKeepReason = runKey !== null && !live && !canKeep;

  return (
    <section className="compare-column" aria-label={`Compare column ${number} — ${description}`}>
      <header className="compare-column-header">
        <h3 className="compare-column-title">Column {number}</h3>
        {removable && (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Remove column ${number}`}
            disabled={live}
            onClick={() => compareActions.removeCompareColumn(columnId)}
          >
            Remove
          </button>
        )}
      </header>
      <CompareColumnSettings columnId={columnId} disabled={live} />
      <div className="button-row">
        {live && (
          <button
            type="button"
            className="button-danger"
            aria-label={`Stop column ${number}`}
            onClick={() => compareActions.stopColumn(columnId)}
          >
            Stop
          </button>
        )}
        {runKey !== null && !live && (
          <button
            type="button"
            className="button-primary"
            disabled={!canKeep}
            aria-describedby={showKeepReason ? `${id}-keep` : undefined}
            onClick={() => compareActions.keepColumn(columnId)}
          >
            Keep this one
          </button>
        )}
        <CompareColumnCode columnId={columnId} number={number} />
      </div>
      {showKeepReason && keepReason !== null && (
        <p id={`${id}-keep`} className="hint">
          {keepReason}
        </p>
      )}
      {runKey === null ? (
        <p className="muted">Run the comparison to see this column’s reasoning and reply.</p>
      ) : (
        <>
          {showsReasoning && <CompareReasoningPane key={`reasoning-${runKey}`} columnId={columnId} />}
          <CompareReplyPane key={`reply-${runKey}`} columnId={columnId} />
          <CompareColumnError columnId={columnId} />
        </>
      )}
    </section>
  );
}
