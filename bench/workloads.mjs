// @ts-check
// What the bench runs: the workloads, the two pages it compares (the app and the naive baseline) and the targets its
// figures are held to.
import { longMarkdown, longReasoning, tokenize } from '../mock-zai/content.ts';

/** @typedef {'app' | 'naive' | 'floor'} Variant */
/** @typedef {{ rate: number, contentChars: number, reasoningChars: number }} Workload */

// The long stream of the issue: 100,000 characters of Markdown plus 20,000 of reasoning at 1,000 chunks/s.
// At 200 chunks/s the same stream would take ~93 s per variant, so that run is capped at 30,000 + 6,000 characters.
// BENCH_QUICK=1 shrinks every workload ~10× (a smoke test of the bench itself; its figures mean little).
const quick = process.env.BENCH_QUICK === '1';

/**
 * A stream of `contentChars` + `reasoningChars` at `rate` chunks/s; a tenth of the characters with BENCH_QUICK=1.
 * @param {number} rate @param {number} contentChars @param {number} reasoningChars @returns {Workload}
 */
function workload(rate, contentChars, reasoningChars) {
  const divisor = quick ? 10 : 1;
  return { rate, contentChars: contentChars / divisor, reasoningChars: reasoningChars / divisor };
}

export const fast = workload(1000, 100_000, 20_000);
export const slow = workload(200, 30_000, 6_000);
// The app streams the fast workload this many times (alternating with the baselines): on this machine one run of the
// same build gave a last/first 10 % ratio anywhere from 1.02 to 1.32 (each tenth is under two seconds of stream), so
// its figures are the median of three runs, and those held in every run the worst of them (see combineRuns).
export const fastAppRuns = quick ? 1 : 3;
// The two parts of the fast stream, each streamed on its own, to tell growth along a stream from the step between
// reasoning (plain text) and answer (Markdown). The answer cannot be empty: the reasoning run ends in a short one.
export const reasoningAlone = workload(1000, 1_000, 100_000);
export const answerAlone = workload(1000, 100_000, 0);
// Input while streaming: keys typed into "Message" once 20% of the 1,000 chunks/s stream has arrived.
export const typing = { keys: 30, gapMs: 120, startFraction: 0.2 };
// Memory: 20 replies in one conversation. 20 × 100K would take minutes; 20 × (30K + 6K) at 5,000 chunks/s instead.
export const conversation = { replies: quick ? 3 : 20, rate: 5000, contentChars: 30_000, reasoningChars: 6_000 };
export const sampleEveryMs = Number(process.env.BENCH_SAMPLE_MS ?? 50);
export const frameMs = 1000 / 60;

export const variants = /** @type {const} */ ({
  // The panes' scroll boxes: whatever renders the text there counts (also a plain-text fallback while the Markdown
  // renderer loads); placeholders and code block headers are not reply text.
  app: {
    path: '/',
    replySelector: '.reply-pane .reply-scroll',
    reasoningSelector: '.reasoning-pane .reasoning-scroll',
    excludeSelector: '.muted, .code-block-header',
  },
  naive: {
    path: '/naive/',
    replySelector: '.naive-reply',
    reasoningSelector: '.naive-reasoning',
    excludeSelector: null,
  },
  // The floor: reads the stream on its main thread and appends plain text once per frame, nothing else.
  floor: {
    path: '/floor/',
    replySelector: '.floor-reply',
    reasoningSelector: '.floor-reasoning',
    excludeSelector: null,
  },
});

export const targets = {
  // JS fetched before the Message box is usable, and all JS fetched at start-up without a user action.
  initialGzipKB: 100,
  startupGzipKB: 160,
  monacoGzipKB: 700,
  composerMs: 300,
  busyPer1kMs: 300,
  naiveRatio: 3.5,
  // App busy time per 1,000 tokens against the floor's: the app must do less on the main thread than a bare page.
  floorRatio: 0.5,
  // Cold composer time against the floor page's (one labelled textarea, loaded the same way).
  composerRatio: 3,
  longTasks: 0,
  flatness: 1.2,
  firstPaintFrames: 1,
  staleMs: 100,
  finalLagMs: 50,
  keyP95Ms: 50,
  heapMB: 150,
};

/** Letters and digits: what survives rendering Markdown (fence info strings excepted). */
function alnumOf(/** @type {string} */ text) {
  return (text.replace(/```[A-Za-z0-9]*/g, '```').match(/[A-Za-z0-9]/g) ?? []).length;
}

/** @param {{ contentChars: number, reasoningChars: number }} workload */
export function expectedStream(workload) {
  const content = longMarkdown(workload.contentChars);
  const reasoning = longReasoning(workload.reasoningChars);
  const contentTokens = tokenize(content).length;
  const reasoningTokens = tokenize(reasoning).length;
  // +1: a thinking stream opens with a whitespace-only content delta (docs/wire-format.md#streamed-response).
  return { replyAlnum: alnumOf(content), reasoningTokens, contentTokens, tokens: contentTokens + reasoningTokens + 1 };
}
