import { thinkingElapsedMs } from '../../core/metricFigures';
import type { ReplyMetrics } from '../../core/metrics';
import { usePlaygroundStore } from '../../store';
import type { PlaygroundState } from '../../store/types';
import { useNow } from '../ui/useNow';

/**
 * Thinking time so far of the reply whose metrics `selectMetrics` picks (a transcript turn or a compare column):
 * ticks four times a second while `thinking`, and stands still afterwards. Null before there are metrics.
 */
export function useThinkingElapsedMs(
  thinking: boolean,
  selectMetrics: (state: PlaygroundState) => ReplyMetrics | undefined,
): number | null {
  const now = useNow(thinking, 250);
  return usePlaygroundStore((state) => {
    const metrics = selectMetrics(state);
    return metrics ? thinkingElapsedMs(metrics, now) : null;
  });
}

interface ThinkingTimerProps {
  thinking: boolean;
  elapsedMs: number | null;
}

/** "Thinking… N s" while the model thinks; nothing otherwise (ReasoningSummary then says how long it thought). */
export function ThinkingTimer({ thinking, elapsedMs }: ThinkingTimerProps) {
  if (!thinking) return null;
  return <span className="reasoning-timer">{`Thinking… ${Math.floor((elapsedMs ?? 0) / 1000)} s`}</span>;
}
