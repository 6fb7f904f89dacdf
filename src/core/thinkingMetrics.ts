// The thinking figures of one reply, derived from its recorded metrics, its usage and its text: how long it reasoned,
// when the first reasoning and answer tokens came, and how the output splits between reasoning and answer. Token
// counts come from the server's usage when it reports them; everything else is an estimate and says so
// (`tokensEstimated`).
import type { Usage } from './contracts';
import { preferredDurationMs, serverTimestampsVary, sinceStartMs } from './metricFigures';
import { estimatedTokenCount, type ReplyMetrics } from './metrics';

export interface ThinkingFigures {
  timeToFirstReasoningMs: number | null;
  timeToFirstAnswerMs: number | null;
  /** First reasoning token → last reasoning token. */
  reasoningDurationMs: number | null;
  /** Unicode code points of the text without surrounding white space, so 你好 and 🙂 count as one each. */
  reasoningCharacters: number;
  answerCharacters: number;
  reasoningTokens: number;
  answerTokens: number;
  /** True when the split above is an estimate (no usage, or usage without reasoning_tokens). */
  tokensEstimated: boolean;
  /** finish_reason "length" before any answer text: the whole budget went on thinking. */
  cutDuringReasoning: boolean;
}

/** Code points of `text` without surrounding white space: UTF-16 units less one per surrogate pair (a loop over
 * code units is tens of times faster than iterating the string on a reply of megabytes). */
export function characterCount(text: string): number {
  const trimmed = text.trim();
  // Most text has no surrogate pair: one native search says so, where the loop below would visit every unit.
  if (!/[\uD800-\uDBFF]/.test(trimmed)) return trimmed.length;
  let pairs = 0;
  for (let index = 0; index < trimmed.length - 1; index++) {
    const unit = trimmed.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = trimmed.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      pairs++;
      index++;
    }
  }
  return trimmed.length - pairs;
}

/** First to last reasoning token by the wall clock, or by the server's chunk timestamps when the two disagree. */
export function reasoningDurationMs(metrics: ReplyMetrics): number | null {
  if (metrics.firstReasoningAtMs === null || metrics.lastReasoningAtMs === null) return null;
  const wall = Math.max(0, metrics.lastReasoningAtMs - metrics.firstReasoningAtMs);
  if (!serverTimestampsVary(metrics) || metrics.firstReasoningCreated === null || metrics.lastReasoningCreated === null)
    return wall;
  const server = Math.max(0, metrics.lastReasoningCreated - metrics.firstReasoningCreated) * 1000;
  return preferredDurationMs(wall, server);
}

interface TokenSplit {
  reasoning: number;
  answer: number;
  estimated: boolean;
}

function splitTokens(usage: Usage | null, reasoning: string, answer: string): TokenSplit {
  const reported = usage?.completion_tokens_details?.reasoning_tokens;
  if (usage && typeof reported === 'number') {
    return { reasoning: reported, answer: Math.max(0, usage.completion_tokens - reported), estimated: false };
  }
  if (usage) {
    // Only one side produced text: the server's total is exact for it.
    if (reasoning.trim() === '') return { reasoning: 0, answer: usage.completion_tokens, estimated: false };
    if (answer.trim() === '') return { reasoning: usage.completion_tokens, answer: 0, estimated: false };
  }
  // Both sides (or no usage): each is estimated from its text, exactly as while it streamed (estimatedTokenCount).
  return { reasoning: estimatedTokenCount(reasoning), answer: estimatedTokenCount(answer), estimated: true };
}

/** `usage` and `finishReason` are the reply's (ReplyInfo.usage / finishReason). */
export function thinkingFigures(
  metrics: ReplyMetrics,
  usage: Usage | null,
  reasoning: string,
  answer: string,
  finishReason: string | null,
): ThinkingFigures {
  const tokens = splitTokens(usage, reasoning, answer);
  return {
    timeToFirstReasoningMs: sinceStartMs(metrics, metrics.firstReasoningAtMs),
    timeToFirstAnswerMs: sinceStartMs(metrics, metrics.firstAnswerAtMs),
    reasoningDurationMs: reasoningDurationMs(metrics),
    reasoningCharacters: characterCount(reasoning),
    answerCharacters: characterCount(answer),
    reasoningTokens: tokens.reasoning,
    answerTokens: tokens.answer,
    tokensEstimated: tokens.estimated,
    cutDuringReasoning: finishReason === 'length' && answer.trim() === '',
  };
}

/**
 * The reasoning side only, for the collapsed summary. Before usage arrives only the reasoning text counts, so the
 * growing answer need not be read; once it has, the count is the same split as thinkingFigures gives.
 */
export function reasoningTokenCount(
  usage: Usage | null,
  reasoning: string,
  answer: string,
): { tokens: number; estimated: boolean } {
  if (usage) {
    const split = splitTokens(usage, reasoning, answer);
    return { tokens: split.reasoning, estimated: split.estimated };
  }
  return { tokens: estimatedTokenCount(reasoning), estimated: true };
}
