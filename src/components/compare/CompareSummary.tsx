import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store';
import { CompareSummaryRow } from './CompareSummaryRow';

/** The columns side by side in numbers: timings, reasoning vs answer tokens, speed and cost. */
export function CompareSummary() {
  const columnIds = usePlaygroundStore(useShallow((state) => state.compare.columns.map((column) => column.id)));
  return (
    <div className="compare-summary-scroll" role="group" aria-label="Comparison summary" tabIndex={0}>
      <table className="compare-summary">
        <caption>Summary</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First token</th>
            <th scope="col">First answer token</th>
            <th scope="col">Total time</th>
            <th scope="col">Reasoning tokens</th>
            <th scope="col">Answer tokens</th>
            <th scope="col">Tokens/s</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {columnIds.map((columnId, index) => (
            <CompareSummaryRow key={columnId} columnId={columnId} number={index + 1} />
          ))}
        </tbody>
      </table>
      <p className="hint">≈ marks an estimate from the text, where the server did not split the token count.</p>
    </div>
  );
}
