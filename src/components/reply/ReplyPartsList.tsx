import { metricFigures } from '../../core/metricFigures';
import { formatCost, formatDuration } from '../../core/metrics';
import { modelInfo } from '../../core/models';
import { usePlaygroundStore } from '../../store';
import { replyParts } from '../../store/continuedReply';
import { selectTurn } from '../../store/selectors';
import type { ReplyPart } from '../../store/types';
import { formatInteger } from '../../core/numberFormat';

function describePart(part: ReplyPart, model: string): string {
  const figures = metricFigures(part.metrics, part.usage, modelInfo(model));
  const tokens = figures.completionTokens ?? Math.round(part.metrics.estimatedTokens);
  const pieces = [
    part.finishReason && part.status === 'complete' ? `${part.status} (${part.finishReason})` : part.status,
    figures.totalMs === null ? null : formatDuration(figures.totalMs),
    `${figures.completionTokens === null ? '≈' : ''}${formatInteger(tokens)} ${tokens === 1 ? 'token' : 'tokens'}`,
    figures.estimatedCostUsd === null ? null : formatCost(figures.estimatedCostUsd),
  ];
  return pieces.filter((piece) => piece !== null).join(' · ');
}

/** A continued reply came in several requests: one line of metrics for each (the table above is the latest). */
export function ReplyPartsList({ turnId }: { turnId: string }) {
  const reply = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply ?? null);
  if (!reply?.earlierParts || reply.earlierParts.length === 0) return null;
  const model = reply.request.body.model;
  return (
    <section className="reply-parts" aria-label="Attempts of this reply">
      <h3 className="reply-parts-title">Continued reply — each attempt</h3>
      <ol>
        {replyParts(reply).map((part, index) => (
          <li key={index}>
            Attempt {index + 1}: {describePart(part, model)}
          </li>
        ))}
      </ol>
    </section>
  );
}
