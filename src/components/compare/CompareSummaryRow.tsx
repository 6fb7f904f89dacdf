import { useMemo } from 'react';
import { formatCost, formatDuration } from '../../core/metrics';
import { usePlaygroundStore } from '../../store';
import { columnFigures, findCompareColumn, selectCompareResult, type TokenFigure } from '../../store/compareSelectors';
import { describeColumnSettings } from '../../store/compareSlice';
import { formatInteger, formatOneDecimal } from '../../core/numberFormat';

function duration(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

function tokens(figure: TokenFigure | null): string {
  if (figure === null) return '—';
  return `${figure.estimated ? '≈ ' : ''}${formatInteger(figure.value)}`;
}

interface CompareSummaryRowProps {
  columnId: string;
  number: number;
}

/** One column's figures (columnFigures); "—" while a figure is not known yet. */
export function CompareSummaryRow({ columnId, number }: CompareSummaryRowProps) {
  const description = usePlaygroundStore((state) => {
    const column = findCompareColumn(state, columnId);
    return column ? describeColumnSettings(column.settings) : '';
  });
  const result = usePlaygroundStore((state) => selectCompareResult(state, columnId));
  const figures = useMemo(() => columnFigures(result), [result]);

  const cells = figures
    ? [
        duration(figures.timeToFirstTokenMs),
        duration(figures.timeToFirstAnswerMs),
        duration(figures.totalMs),
        tokens(figures.reasoningTokens),
        tokens(figures.answerTokens),
        figures.tokensPerSecond === null
          ? '—'
          : `${formatOneDecimal(figures.tokensPerSecond)}${figures.tokensPerSecondEstimated ? ' (est.)' : ''}`,
        figures.costUsd === null ? '—' : formatCost(figures.costUsd),
      ]
    : Array.from({ length: 7 }, () => '—');

  return (
    <tr>
      <th scope="row">
        Column {number} — {description}
      </th>
      {cells.map((cell, index) => (
        <td key={index}>{cell}</td>
      ))}
    </tr>
  );
}
