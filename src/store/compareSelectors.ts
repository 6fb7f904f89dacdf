// Derived values for Compare mode: whether a comparison may run or a column may be kept, and the figures the
// summary row compares.
import { sinceStartMs } from '../core/metricFigures';
import { estimatedTokenCount } from '../core/metrics';
import { isCompareRunning, isLiveResult, type CompareColumn, type CompareResult } from './compareSlice';
import { imagesSendProblem } from './imageSelectors';
import { selectCanSend, selectReplyFigures, type SendReadiness } from './selectors';
import type { PlaygroundState } from './types';
import { hasVisibleText } from '../core/visibleText';

export function findCompareColumn(state: PlaygroundState, columnId: string): CompareColumn | undefined {
  return state.compare.columns.find((column) => column.id === columnId);
}

export function selectCompareResult(state: PlaygroundState, columnId: string): CompareResult | null {
  return findCompareColumn(state, columnId)?.result ?? null;
}

export function selectCompareRunning(state: PlaygroundState): boolean {
  return isCompareRunning(state.compare);
}

/** The same rules as Send (key, endpoint, a user message…), no column still running, and images only to vision models. */
export function selectCanRunCompare(state: PlaygroundState): SendReadiness {
  if (isCompareRunning(state.compare)) return { ok: false, reason: 'The columns are still running — stop them first.' };
  const readiness = selectCanSend(state);
  if (!readiness.ok) return readiness;
  for (const [index, column] of state.compare.columns.entries()) {
    const problem = imagesSendProblem({ ...state, settings: { ...state.settings, model: column.settings.model } });
    if (problem) return { ok: false, reason: `Column ${index + 1}: ${problem}` };
  }
  return readiness;
}

/** "Keep this one" needs a finished answer and the conversation it answered, unchanged since the run. */
export function selectCanKeepColumn(state: PlaygroundState, columnId: string): SendReadiness {
  const { run } = state.compare;
  const result = selectCompareResult(state, columnId);
  if (!run || !result) return { ok: false, reason: 'Run the comparison first.' };
  if (isLiveResult(result)) return { ok: false, reason: 'Wait for this column to finish, or stop it.' };
  if (!hasVisibleText(result.content)) return { ok: false, reason: 'This column has no answer to keep.' };
  if (state.conversation.turns !== run.turns)
    return { ok: false, reason: 'The conversation changed since this comparison ran — run it again.' };
  return { ok: true, reason: null };
}

/** A token count, and whether it is an estimate from the text (no usage from the server for that part). */
export interface TokenFigure {
  value: number;
  estimated: boolean;
}

export interface ColumnFigures {
  timeToFirstTokenMs: number | null;
  timeToFirstAnswerMs: number | null;
  totalMs: number | null;
  reasoningTokens: TokenFigure | null;
  answerTokens: TokenFigure | null;
  tokensPerSecond: number | null;
  tokensPerSecondEstimated: boolean;
  costUsd: number | null;
}

function estimated(text: string): TokenFigure {
  return { value: estimatedTokenCount(text), estimated: true };
}

/**
 * The answer's estimate. While a column streams an answer alone, the metrics' running estimate is the same figure
 * (estimateTokens adds up over the pieces), and the growing text is not read again on every frame.
 */
function answerEstimate(result: CompareResult): TokenFigure {
  if (isLiveResult(result) && result.reasoning === '')
    return { value: Math.round(result.reply.metrics.estimatedTokens), estimated: true };
  return estimated(result.content);
}

/**
 * The summary row of one column, from its reply's figures (selectReplyFigures). Reasoning and answer tokens come from
 * usage when the server splits them (reasoning_tokens) or when there was no reasoning at all; otherwise they are
 * estimated from the text, and marked so.
 */
export function columnFigures(result: CompareResult | null): ColumnFigures | null {
  if (!result) return null;
  const { metrics } = result.reply;
  const figures = selectReplyFigures(result.reply);
  const completion = figures.completionTokens;
  let reasoningTokens: TokenFigure | null = null;
  let answerTokens: TokenFigure | null = null;
  if (figures.reasoningTokens !== null) reasoningTokens = { value: figures.reasoningTokens, estimated: false };
  else if (result.reasoning === '' && !isLiveResult(result) && (completion !== null || metrics.firstTokenAtMs !== null))
    reasoningTokens = { value: 0, estimated: false };
  else if (result.reasoning !== '') reasoningTokens = estimated(result.reasoning);
  if (completion !== null && reasoningTokens && !reasoningTokens.estimated)
    answerTokens = { value: Math.max(0, completion - reasoningTokens.value), estimated: false };
  else if (hasVisibleText(result.content)) answerTokens = answerEstimate(result);
  return {
    timeToFirstTokenMs: sinceStartMs(metrics, metrics.firstTokenAtMs),
    timeToFirstAnswerMs: figures.timeToFirstAnswerMs,
    totalMs: figures.totalMs,
    reasoningTokens,
    answerTokens,
    tokensPerSecond: figures.tokensPerSecond,
    tokensPerSecondEstimated: figures.tokensPerSecondEstimated,
    costUsd: figures.estimatedCostUsd,
  };
}
