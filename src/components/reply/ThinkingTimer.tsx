import { thinkingElapsedMs } from '../../core/metricFigures';
import { formatDuration, type ReplyMetrics } from '../../core/metrics';
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
  /** Once thinking is over, "Thought for N s" (where no ReasoningSummary line says it). */
  showThoughtFor?: boolean;
}

/** "Thinking… N s" while the model thinks, frozen at the first answer token; nothing otherwise. */
export function ThinkingTimer({ thinking, elapsedMs, showThoughtFor = false }: ThinkingTimerProps) {
  let text = '';
  if (thinking) text = `Thinking… ${Math.floor((elapsedMs ?? 0) / 1000)} s`;
  else if (showThoughtFor && elapsedMs !== null) text = `Thought for ${formatDuration(elapsedMs)}`;
  return text ? <span className="reasoning-timer">{text}</span> : null;
}
