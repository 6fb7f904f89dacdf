// @ts-check
// The one screen of figures `npm run bench` prints: each against its target, the app beside the naive baseline and
// the floor (a bare page that only reads the stream).
import os from 'node:os';
import { kb, round } from './figures.mjs';
import { fast, slow, targets, typing } from './workloads.mjs';

/** @typedef {import('./workloads.mjs').Variant} Variant */

/** @param {boolean | null} ok */
const verdict = (ok) => (ok === null ? '  -  ' : ok ? 'PASS' : 'MISS');
/** @param {string | number | null} value @param {number} width */
const cell = (value, width) => String(value ?? '–').padStart(width);
/** @param {number | null} app @param {number | null} naive */
const ratio = (app, naive) => (app && naive ? `${round(naive / app, 1)}×` : '–');

/** @typedef {Awaited<ReturnType<typeof import('./streamMeasurement.mjs').streamRun>>} StreamResult */
/** @typedef {Awaited<ReturnType<typeof import('./scenarios.mjs').typingRun>>} TypingResult */
/** @typedef {Awaited<ReturnType<typeof import('./scenarios.mjs').loadRun>>} LoadResult */
/**
 * @typedef {object} Results
 * @property {{ loadAverage: string, chromium: string }} environment
 * @property {number} seconds
 * @property {{ app: LoadResult, naive: LoadResult, floor: LoadResult, composerPaintedMs: (number | null)[], floorPaintedMs: (number | null)[] }} loads
 * @property {Record<Variant, StreamResult> & { app: { runs?: StreamResult[] } }} fast The app's figures: see combineRuns.
 * @property {Record<Variant, StreamResult>} slow
 * @property {Record<'reasoning' | 'answer', StreamResult>} phases The app streaming each part of the fast stream alone.
 * @property {Record<'app' | 'naive', TypingResult>} input
 * @property {Awaited<ReturnType<typeof import('./scenarios.mjs').conversationRun>>} memory
 * @property {Awaited<ReturnType<typeof import('./largeInputs.mjs').largeInputsRun>>} large
 */

/** @param {StreamResult} run @param {keyof StreamResult} key */
function figure(run, key) {
  const value = run[key];
  return typeof value === 'number' ? value : null;
}

/** @param {Awaited<ReturnType<typeof import('./bundle.mjs').buildAll>>} bundle @param {Results} results */
export function printTable(bundle, results) {
  const { loads, fast: fastRuns, slow: slowRuns, phases, input, memory, large } = results;
  const lines = [];
  const appLoad = loads.app;
  lines.push(
    `GLM Playground bench — ${new Date().toISOString()} — ${os.cpus().length} CPUs, Chromium ${results.environment.chromium}, load average ${results.environment.loadAverage}`,
  );
  lines.push('busy = main-thread CPU time (CDP TaskDuration, threadTicks); other times are wall clock.');
  lines.push("busy and script leave out the bench's own reads of the panes' text (shown as 'bench pane reads').");
  lines.push('');
  lines.push('Initial load (app)                         value        target    ');
  const row = (
    /** @type {string} */ label,
    /** @type {string | number | null} */ value,
    /** @type {string} */ target,
    /** @type {boolean | null} */ ok,
  ) => lines.push(`${label.padEnd(40)}${cell(value, 12)}  ${target.padEnd(10)}${verdict(ok)}`);
  row(
    'JS before composer, raw / gzip KB',
    `${kb(appLoad.jsBeforeComposer.bytes)} / ${kb(appLoad.jsBeforeComposer.gzip)}`,
    `≤ ${targets.initialGzipKB} gz`,
    kb(appLoad.jsBeforeComposer.gzip) <= targets.initialGzipKB,
  );
  row(
    'JS at start-up (no user action), gzip KB',
    kb(appLoad.jsAfterSettling.gzip),
    `≤ ${targets.startupGzipKB} gz`,
    kb(appLoad.jsAfterSettling.gzip) <= targets.startupGzipKB,
  );
  row(
    'Composer painted after navigation, ms',
    round(appLoad.composerPainted),
    `≤ ${targets.composerMs}`,
    appLoad.composerPainted === null ? null : appLoad.composerPainted <= targets.composerMs,
  );
  row('  floor page (one textarea), ms', round(loads.floor.composerPainted), '', null);
  const composerRatio =
    appLoad.composerPainted !== null && loads.floor.composerPainted
      ? appLoad.composerPainted / loads.floor.composerPainted
      : null;
  row(
    '  app/floor composer',
    composerRatio === null ? null : `${round(composerRatio, 2)}×`,
    `≤ ${targets.composerRatio}×`,
    composerRatio === null ? null : composerRatio <= targets.composerRatio,
  );
  /** @param {(number | null)[]} values */
  const spread = (values) => {
    const known = values.filter((value) => value !== null);
    return known.length === 0 ? '–' : `${Math.min(...known)}–${Math.max(...known)}`;
  };
  row(
    `  each of ${loads.composerPaintedMs.length} loads, app / floor, ms`,
    `${spread(loads.composerPaintedMs)} / ${spread(loads.floorPaintedMs)}`,
    '',
    null,
  );
  row(
    'Monaco in initial requests',
    appLoad.jsAfterSettling.monaco ? 'yes' : 'no',
    'no',
    !appLoad.jsAfterSettling.monaco,
  );
  row(
    'Monaco chunk gzip KB / workers',
    bundle.monacoChunks.length ? `${kb(bundle.monacoGzip)} / ${bundle.workers.length}` : 'not built',
    `≤ ${targets.monacoGzipKB}, 1`,
    bundle.monacoChunks.length ? kb(bundle.monacoGzip) <= targets.monacoGzipKB && bundle.workers.length <= 1 : null,
  );
  lines.push('');
  lines.push(
    `Streaming            ${`${fast.rate}/s, ${fast.contentChars / 1000}K+${fast.reasoningChars / 1000}K`.padEnd(30)} ${`${slow.rate}/s, ${slow.contentChars / 1000}K+${slow.reasoningChars / 1000}K (capped)`.padEnd(30)} target @1000/s`,
  );
  lines.push(
    `${''.padEnd(20)}${'app'.padStart(8)}${'naive'.padStart(8)}${'ratio'.padStart(7)}       ${'app'.padStart(8)}${'naive'.padStart(8)}${'ratio'.padStart(7)}`,
  );
  /**
   * @param {string} label @param {keyof StreamResult} key @param {string} target @param {((value: number) => boolean) | null} test
   */
  const streamRow = (label, key, target, test) => {
    const a = figure(fastRuns.app, key);
    const n = figure(fastRuns.naive, key);
    const sa = figure(slowRuns.app, key);
    const sn = figure(slowRuns.naive, key);
    const ok = test === null || a === null ? null : test(a);
    lines.push(
      `${label.padEnd(20)}${cell(a, 8)}${cell(n, 8)}${ratio(a, n).padStart(7)}       ${cell(sa, 8)}${cell(sn, 8)}${ratio(sa, sn).padStart(7)}   ${target.padEnd(10)}${verdict(ok)}`,
    );
  };
  streamRow('busy ms (total)', 'busyMs', '', null);
  streamRow(
    'busy ms / 1k tokens',
    'busyPer1kTokens',
    `≤ ${targets.busyPer1kMs}`,
    (value) => value <= targets.busyPer1kMs,
  );
  const fastRatio = (fastRuns.naive.busyPer1kTokens ?? 0) / (fastRuns.app.busyPer1kTokens ?? 1);
  lines.push(
    `${'  naive/app busy'.padEnd(20)}${cell(`${round(fastRatio, 1)}×`, 8)}${''.padEnd(50)}${`≥ ${targets.naiveRatio}×`.padEnd(10)}${verdict(fastRatio >= targets.naiveRatio)}`,
  );
  const floorRatio = (fastRuns.app.busyPer1kTokens ?? 0) / (fastRuns.floor.busyPer1kTokens ?? Infinity);
  lines.push(
    `${'  floor busy / 1k'.padEnd(20)}${cell(figure(fastRuns.floor, 'busyPer1kTokens'), 8)}${''.padEnd(22)}${cell(figure(slowRuns.floor, 'busyPer1kTokens'), 8)}`,
  );
  lines.push(
    `${'  app/floor busy'.padEnd(20)}${cell(`${round(floorRatio, 2)}×`, 8)}${''.padEnd(50)}${`≤ ${targets.floorRatio}×`.padEnd(10)}${verdict(floorRatio <= targets.floorRatio)}`,
  );
  streamRow('script ms', 'scriptMs', '', null);
  streamRow('bench pane reads ms', 'paneReadingMs', '', null);
  streamRow('layout+style ms', 'layoutStyleMs', '', null);
  streamRow('longest task ms', 'longestTaskMs', '', null);
  streamRow('long tasks >50 ms', 'longTasks', `= ${targets.longTasks}`, (value) => value <= targets.longTasks);
  streamRow('frames dropped', 'droppedFrames', '', null);
  streamRow('final paint lag ms', 'finalLagMs', `≤ ${targets.finalLagMs}`, (value) => value <= targets.finalLagMs);
  streamRow(
    'first delta, frames',
    'firstPaintFrames',
    `≤ ${targets.firstPaintFrames}`,
    (value) => value <= targets.firstPaintFrames,
  );
  streamRow('reply stale max ms', 'replyStaleMs', `≤ ${targets.staleMs}`, (value) => value <= targets.staleMs);
  streamRow('reasoning stale ms', 'reasoningStaleMs', `≤ ${targets.staleMs}`, (value) => value <= targets.staleMs);
  streamRow('last/first 10% busy', 'flatness', `≤ ${targets.flatness}`, (value) => value <= targets.flatness);
  const appRuns = fastRuns.app.runs ?? [];
  if (appRuns.length > 1)
    lines.push(
      `${`  app's ${appRuns.length} runs`.padEnd(20)}${appRuns.map((run) => run.flatness).join(', ')}  (busy ms / 1k tokens ${appRuns.map((run) => run.busyPer1kTokens).join(', ')}: the app's 1000/s figures are the runs' medians, the worst run's where a target holds in every run)`,
    );
  streamRow('  reply only', 'replyFlatness', '', null);
  streamRow('  incl. the end', 'flatnessWithEnd', '', null);
  for (const [label, run] of /** @type {const} */ ([
    ['  reasoning alone', phases.reasoning],
    ['  answer alone', phases.answer],
  ])) {
    const { reasoningChars, contentChars } = run.workload;
    lines.push(
      `${label.padEnd(20)}${cell(figure(run, 'flatness'), 8)}${''.padEnd(22)}(app: ${reasoningChars / 1000}K reasoning + ${contentChars / 1000}K answer, ${figure(run, 'busyPer1kTokens')} busy ms / 1k tokens)`,
    );
  }
  streamRow('heap after, MB', 'heapMB', '', null);
  lines.push('');
  lines.push(
    `Input while streaming (${typing.keys} keys, ${fast.rate}/s)  app p50/p95 ${input.app.p50}/${input.app.p95} ms   naive p50/p95 ${input.naive.p50}/${input.naive.p95} ms   target p95 ≤ ${targets.keyP95Ms}  ${verdict(input.app.p95 !== null && input.app.p95 <= targets.keyP95Ms)}`,
  );
  lines.push(
    `Large inputs (${large.turns} turns, ${large.draftMB} MB draft, ${large.keys} keys)  typing p50/p95 ${large.p50}/${large.p95} ms   target p95 ≤ ${targets.keyP95Ms}  ${verdict(large.p95 !== null && large.p95 <= targets.keyP95Ms)}`,
  );
  for (const [name, longest, count] of /** @type {const} */ ([
    ['typing', large.typingLongestTaskMs, large.typingLongTasks],
    ['opening the code export', large.codeLongestTaskMs, large.codeLongTasks],
    ['opening the request preview', large.previewLongestTaskMs, large.previewLongTasks],
  ])) {
    lines.push(
      `  ${name}: longest task ${longest} ms, ${count} tasks > 50 ms   target ${targets.longTasks}  ${verdict(count <= targets.longTasks)}`,
    );
  }
  // Send has no long-task target (it must work); its longest task is shown so that it is watched.
  lines.push(
    `  sending it all and the reply: ${large.sent ? 'sent' : 'NOT SENT'}, longest task ${large.sendLongestTaskMs} ms, ${large.sendLongTasks} tasks > 50 ms   target sent  ${verdict(large.sent)}`,
  );
  if (memory.failure) lines.push(`Memory run stopped after ${memory.completed} replies: ${memory.failure}`);
  lines.push(
    `Memory: heap after ${memory.completed} replies of ${memory.contentChars / 1000}K+${memory.reasoningChars / 1000}K (smaller than 100K, for run time): ${memory.heapMB} MB   target ≤ ${targets.heapMB}  ${verdict(memory.heapMB === null || memory.completed < memory.replies ? null : memory.heapMB <= targets.heapMB)}`,
  );
  lines.push(
    `Bundle: initial ${bundle.initialChunks.map((chunk) => chunk.fileName).join(', ')} ${kb(bundle.initialBytes)} KB / ${kb(bundle.initialGzip)} KB gzip; ${bundle.lazyChunks} lazy chunks`,
  );
  const pageErrors = [...new Set([fastRuns.app, slowRuns.app, input.app, memory].flatMap((run) => run.errors))];
  if (pageErrors.length > 0)
    lines.push(`App page errors (figures above are suspect): ${pageErrors.slice(0, 3).join(' | ')}`);
  for (const [name, run] of /** @type {const} */ ([
    ['1000/s app', fastRuns.app],
    ['1000/s naive', fastRuns.naive],
    ['200/s app', slowRuns.app],
    ['200/s naive', slowRuns.naive],
    ['1000/s floor', fastRuns.floor],
  ])) {
    if (run.timedOut)
      lines.push(`${name}: the final text never appeared in full (timed out); its figures cover the whole wait.`);
  }
  lines.push(`Full figures: bench/results/latest.json   (total ${results.seconds} s)`);
  return lines.join('\n');
}
