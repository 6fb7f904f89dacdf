import './compare.css';
import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import * as compareActions from '../../store/compareActions';
import { selectCanRunCompare, selectCompareRunning } from '../../store/compareSelectors';
import { maxCompareColumns, minCompareColumns } from '../../store/compareSlice';
import { FrameShareContext } from '../markdown/frameShare';
import { CompareColumn } from './CompareColumn';
import { CompareSummary } from './CompareSummary';

/**
 * Compare mode: the conversation plus the draft in the Message box, sent with two to four settings at once. Each
 * column streams on its own (own Stop), the summary lines their timings up, and "Keep this one" continues the
 * conversation with one column's reply.
 */
export function CompareView() {
  const columnIds = usePlaygroundStore(useShallow((state) => state.compare.columns.map((column) => column.id)));
  const running = usePlaygroundStore(selectCompareRunning);
  const canRun = usePlaygroundStore((state) => selectCanRunCompare(state).ok);
  const reason = usePlaygroundStore((state) => selectCanRunCompare(state).reason);
  const kept = usePlaygroundStore((state) => state.compare.kept);
  const run = usePlaygroundStore((state) => state.compare.run);
  const columnsRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<HTMLElement>(null);
  const id = useId();

  // A new run: bring the columns' tops back into view (the area may still be scrolled down to the last summary), so
  // every column's reply is read from its start.
  useEffect(() => {
    const columns = columnsRef.current;
    const view = viewRef.current;
    if (run === null || !columns || !view) return;
    const visibleTop = Math.max(0, view.getBoundingClientRect().top);
    if (columns.getBoundingClientRect().top < visibleTop) columns.scrollIntoView({ block: 'start' });
  }, [run]);

  return (
    <section ref={viewRef} className="compare-view" aria-labelledby={`${id}-title`}>
      <header className="compare-header">
        <h2 id={`${id}-title`} className="compare-title">
          Compare
        </h2>
        <p id={`${id}-hint`} className="hint">
          The conversation and the draft in the Message box go to every column at once, each with its own settings; the
          endpoint, key and system prompt come from the sidebar.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={!canRun}
            aria-describedby={`${id}-hint`}
            onClick={() => compareActions.runCompare()}
          >
            Run comparison
          </button>
          {running && (
            <button type="button" className="button-danger" onClick={() => compareActions.stopAllColumns()}>
              Stop all
            </button>
          )}
          <button
            type="button"
            disabled={running || columnIds.length >= maxCompareColumns}
            onClick={() => compareActions.addCompareColumn()}
          >
            Add column
          </button>
          {!running && !canRun && reason !== null && (
            <p className="send-reason" role="status">
              {reason}
            </p>
          )}
        </div>
        {kept && (
          <p className="compare-kept" role="status">
            Kept column {kept.columnNumber} ({kept.description}): its reply is now the last turn of the conversation.
            The sidebar settings are unchanged; type the next message and run the comparison again, or turn Compare off.
          </p>
        )}
      </header>
      <div ref={columnsRef} className="compare-columns" data-columns={columnIds.length}>
        <FrameShareContext value={1 / columnIds.length}>
          {columnIds.map((columnId, index) => (
            <CompareColumn
              key={columnId}
              columnId={columnId}
              number={index + 1}
              removable={columnIds.length > minCompareColumns}
            />
          ))}
        </FrameShareContext>
      </div>
      <CompareSummary />
    </section>
  );
}
