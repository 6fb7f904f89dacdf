// @ts-check
// One long stream, measured: main-thread busy time (and how it grows along the stream), long tasks, frames, how
// fast and how stale the panes are, and the heap after.
import os from 'node:os';
import { nowMs, percentile, round, sleep } from './figures.mjs';
import { deliveredAt, delivery } from './pageServer.mjs';
import { heapAfterGc, metrics, openPage, prepare } from './browserPage.mjs';
import { expectedStream, frameMs, sampleEveryMs, variants } from './workloads.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('./workloads.mjs').Variant} Variant */
/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./pageServer.mjs').BenchServer} BenchServer */

/**
 * One long stream, measured.
 * @param {Browser} browser @param {BenchServer} server @param {Variant} variant @param {Workload} workload
 */
export async function streamRun(browser, server, variant, workload) {
  const expected = expectedStream(workload);
  const { context, page, cdp, cpu, signal, errors } = await openPage(browser, server.origin, variant);
  await prepare(page, variant);
  server.mock.queue({
    name: 'long',
    contentChars: workload.contentChars,
    reasoningChars: workload.reasoningChars,
    chunksPerSecond: workload.rate,
  });
  const { replySelector, reasoningSelector, excludeSelector } = variants[variant];
  await page.evaluate((config) => window.__bench?.arm(config), {
    replySelector,
    reasoningSelector,
    excludeSelector,
    expectedReply: expected.replyAlnum,
    sampleEveryMs,
  });

  // TaskDuration sampled on the renderer's clock (CDP Timestamp = CLOCK_MONOTONIC, like process.hrtime).
  /** @type {{ at: number, task: number }[]} */
  const busySamples = [];
  let polling = true;
  // A named function, not an immediately invoked one: TypeScript reads an IIFE's loop as running before `polling = false`.
  const pollBusy = async () => {
    while (polling) {
      const values = await metrics(cpu).catch(() => null);
      if (values) busySamples.push({ at: (values.Timestamp ?? 0) * 1000, task: (values.TaskDuration ?? 0) * 1000 });
      await sleep(100);
    }
  };
  const poll = pollBusy();

  const durationMs = (expected.tokens / workload.rate) * 1000;
  const before = await metrics(cdp);
  const beforeCpu = await metrics(cpu);
  const clockSkew = nowMs() - (beforeCpu.Timestamp ?? 0) * 1000;
  // The page's clock (performance.now()) on the server's: to place the bench's own pane reads in the busy windows.
  const askedAt = nowMs();
  const pageNow = await page.evaluate(() => performance.now());
  const pageClockOffset = (askedAt + nowMs()) / 2 - pageNow;
  const loadBefore = os.loadavg()[0] ?? 0;
  const final = signal('final', durationMs + 30_000);
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  let timedOut = false;
  try {
    await final;
  } catch {
    timedOut = true;
  }
  const endAt = nowMs();
  const after = await metrics(cdp);
  const afterCpu = await metrics(cpu);
  const loadAfter = os.loadavg()[0] ?? 0;
  polling = false;
  await poll;
  const counts = await page.evaluate(() => window.__bench?.count() ?? null);
  const analysis = await page.evaluate(() => window.__bench?.analyse() ?? null);
  await sleep(1000);
  const heap = await heapAfterGc(cdp);
  await context.close();

  // Busy time between two server-side moments, interpolated from the TaskDuration samples.
  const busyAt = (/** @type {number} */ at) => {
    const local = at - clockSkew;
    const samples = busySamples;
    if (samples.length === 0) return 0;
    let previous = samples[0];
    for (const sample of samples) {
      if (sample.at >= local) {
        if (!previous || sample === previous) return sample.task;
        const span = sample.at - previous.at;
        return span <= 0 ? sample.task : previous.task + ((sample.task - previous.task) * (local - previous.at)) / span;
      }
      previous = sample;
    }
    return samples[samples.length - 1]?.task ?? 0;
  };
  // The bench's reads of the panes' text take main-thread time that grows with the reply (a whole pane's text, 20
  // times a second): they are measured in the page and left out of every busy figure, for every variant alike.
  const readings = analysis?.readings ?? [];
  const readingMsBetween = (/** @type {number} */ from, /** @type {number} */ to) =>
    readings
      .filter((reading) => reading.at + pageClockOffset >= from && reading.at + pageClockOffset < to)
      .reduce((sum, reading) => sum + reading.ms, 0);
  const between = (/** @type {number | null} */ from, /** @type {number | null} */ to) =>
    from === null || to === null ? null : busyAt(to) - busyAt(from) - readingMsBetween(from, to);
  const total = expected.tokens;
  // Per-commit cost while streaming: the last 10% of the deltas (until the last byte; what happens after it is the
  // final paint lag, reported on its own) against the first 10%. Also with the end included, and for the reply alone.
  const lastByte = delivery.writes[delivery.writes.length - 1]?.at ?? endAt;
  const first10 = between(deliveredAt(1), deliveredAt(Math.ceil(total * 0.1)));
  const last10 = between(deliveredAt(Math.ceil(total * 0.9)), lastByte);
  const last10WithEnd = between(deliveredAt(Math.ceil(total * 0.9)), endAt);
  const replyStart = expected.reasoningTokens + 1;
  const replyFirst10 = between(
    deliveredAt(replyStart + 1),
    deliveredAt(replyStart + Math.ceil(expected.contentTokens * 0.1)),
  );
  const replyLast10 = between(deliveredAt(replyStart + Math.ceil(expected.contentTokens * 0.9)), lastByte);

  const paneReadingMs = readingMsBetween(-Infinity, endAt);
  const busyMs = ((afterCpu.TaskDuration ?? 0) - (beforeCpu.TaskDuration ?? 0)) * 1000 - paneReadingMs;
  const wallBusyMs = ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000 - paneReadingMs;
  const scriptMs = ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000 - paneReadingMs;
  const layoutMs = ((after.LayoutDuration ?? 0) - (before.LayoutDuration ?? 0)) * 1000;
  const styleMs = ((after.RecalcStyleDuration ?? 0) - (before.RecalcStyleDuration ?? 0)) * 1000;

  const windowStart = analysis?.armedAt ?? 0;
  const windowEnd = analysis?.finalPaint?.at ?? Infinity;
  const longTasks = (analysis?.longTasks ?? []).filter((task) => task.start >= windowStart && task.start <= windowEnd);
  const frames = (analysis?.frames ?? []).filter((time) => time >= (analysis?.firstChunk ?? 0) && time <= windowEnd);
  let droppedFrames = 0;
  let longGaps = 0;
  for (let index = 1; index < frames.length; index++) {
    const gap = (frames[index] ?? 0) - (frames[index - 1] ?? 0);
    if (gap > 1.5 * frameMs) {
      longGaps++;
      droppedFrames += Math.max(1, Math.round(gap / frameMs) - 1);
    }
  }
  const streamMs = (analysis?.lastChunk ?? 0) - (analysis?.firstChunk ?? 0);
  return {
    variant,
    workload,
    tokens: total,
    timedOut,
    errors,
    deliveredTokens: delivery.total,
    domReplyAlnum: counts?.reply ?? null,
    expectedReplyAlnum: expected.replyAlnum,
    deliveredReplyAlnum: analysis?.deliveredReply ?? null,
    streamSeconds: round(streamMs / 1000, 1),
    busyMs: round(busyMs),
    busyPer1kTokens: round((busyMs / total) * 1000),
    paneReadingMs: round(paneReadingMs),
    wallBusyMs: round(wallBusyMs),
    loadAverage: [round(loadBefore, 1), round(loadAfter, 1)],
    scriptMs: round(scriptMs),
    layoutMs: round(layoutMs),
    styleMs: round(styleMs),
    layoutStyleMs: round(layoutMs + styleMs),
    longestTaskMs: round(Math.max(0, ...longTasks.map((task) => task.duration))),
    longTasks: longTasks.length,
    // When (ms after the first byte; the last byte came at streamSeconds) and how long.
    longTaskList: longTasks.map((task) => ({
      at: round(task.start - (analysis?.firstChunk ?? 0)),
      ms: round(task.duration),
    })),
    frames: frames.length,
    droppedFrames,
    longFrameGaps: longGaps,
    finalLagMs: round(analysis?.finalPaint?.lag ?? null, 1),
    firstPaintFrames: analysis?.firstPaint?.frames ?? null,
    firstPaintMs: round(analysis?.firstPaint?.ms ?? null, 1),
    replyStaleMs: round(analysis?.replyStaleMs ?? null),
    reasoningStaleMs: round(analysis?.reasoningStaleMs ?? null),
    staleSamples: analysis?.samples ?? null,
    busyFirst10Ms: round(first10),
    busyLast10Ms: round(last10),
    flatness: first10 && last10 !== null ? round(last10 / first10, 2) : null,
    busyLast10WithEndMs: round(last10WithEnd),
    flatnessWithEnd: first10 && last10WithEnd !== null ? round(last10WithEnd / first10, 2) : null,
    replyBusyFirst10Ms: round(replyFirst10),
    replyBusyLast10Ms: round(replyLast10),
    replyFlatness: replyFirst10 && replyLast10 !== null ? round(replyLast10 / replyFirst10, 2) : null,
    // The shape along the stream: busy ms in each tenth of the deltas.
    busyTenthsMs: Array.from({ length: 10 }, (_, tenth) =>
      round(
        between(
          deliveredAt(Math.max(1, Math.ceil((total * tenth) / 10))),
          tenth === 9 ? lastByte : deliveredAt(Math.ceil((total * (tenth + 1)) / 10)),
        ),
      ),
    ),
    heapMB: round(heap / 1048576, 1),
  };
}

/** @typedef {Awaited<ReturnType<typeof streamRun>>} StreamResult */

// Figures with a target that must hold in every run: of several runs, the worst counts.
const worstOfRuns = new Set([
  'longestTaskMs',
  'longTasks',
  'finalLagMs',
  'firstPaintFrames',
  'firstPaintMs',
  'replyStaleMs',
  'reasoningStaleMs',
]);

/**
 * One figure of each run that has it (a figure a run could not measure is null there, and left out).
 * @param {StreamResult[]} runs @param {(run: StreamResult) => unknown} pick @returns {number[]}
 */
function presentFigures(runs, pick) {
  return runs.flatMap((run) => {
    const value = pick(run);
    return typeof value === 'number' ? [value] : [];
  });
}

/**
 * Several runs of one stream as one set of figures: each figure is the median of the runs' (a ratio, the median of
 * the ratios), except those held to a target in every run, which take the worst. The runs themselves are kept in
 * `runs`.
 * @param {StreamResult[]} runs @returns {StreamResult & { runs: StreamResult[] }}
 */
export function combineRuns(runs) {
  const [first] = runs;
  if (!first) throw new Error('No stream run to combine.');
  /** @type {Record<string, unknown>} */
  const combined = { ...first };
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== 'number' && value !== null) continue;
    const values = presentFigures(runs, (run) => /** @type {Record<string, unknown>} */ (run)[key]);
    if (values.length === 0) combined[key] = null;
    else combined[key] = worstOfRuns.has(key) ? Math.max(...values) : percentile(values, 0.5);
  }
  combined.timedOut = runs.some((run) => run.timedOut);
  combined.errors = [...new Set(runs.flatMap((run) => run.errors))];
  combined.longTaskList = runs.flatMap((run) => run.longTaskList);
  combined.busyTenthsMs = first.busyTenthsMs.map((_, tenth) =>
    percentile(
      presentFigures(runs, (run) => run.busyTenthsMs[tenth]),
      0.5,
    ),
  );
  combined.staleSamples = null;
  return { .../** @type {StreamResult} */ (combined), runs };
}
