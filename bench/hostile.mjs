// @ts-check
// Hostile replies (BENCH_ONLY=hostile): each one the mock can play — megabytes of Markdown, a huge table, tens of
// thousands of emphasis markers, nesting thousands deep — streamed into the app on its own, then all four at once in
// Compare columns. For each: the longest main-thread task and the count of tasks over 50 ms, from Send until the
// reply has settled on screen — by wall time (long-task observer, in a run without the tracer) and by the thread's
// CPU time (trace, in a second run) — and whether the whole reply arrived (its last line shown).
import { round, sleep } from './figures.mjs';
import { openPage, prepare } from './browserPage.mjs';
import { hostileEndLine } from '../mock-zai/hostileContent.ts';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./pageServer.mjs').BenchServer} BenchServer */

export const hostileScenarios = ['huge-reply', 'huge-table', 'emphasis-bomb', 'nesting-bomb'];

/** Waits until `count` reply panes say complete and show the end line; false on timeout. @param {Page} page @param {number} count */
async function settled(page, count) {
  try {
    await page.waitForFunction(
      ({ count, endLine }) => {
        // The last characters of the reply only: its whole textContent (megabytes) read on every poll was itself a
        // long task on the page, and counted as the app's.
        /** @param {Element} root */
        const ending = (root) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let text = '';
          for (let node = walker.lastChild(); node && text.length < endLine.length + 200; node = walker.previousNode())
            text = (node.textContent ?? '') + text;
          return text;
        };
        const panes = Array.from(document.querySelectorAll('.reply-pane'));
        const done = panes.filter((pane) => {
          const reply = pane.querySelector('[aria-label="Reply text"]');
          return (
            pane.querySelector('.reply-status')?.textContent === 'complete' &&
            reply !== null &&
            ending(reply).includes(endLine)
          );
        });
        return done.length >= count;
      },
      { count, endLine: hostileEndLine },
      { polling: 200, timeout: 90_000 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Tasks since `from`, with the seconds from Send to settled. @param {Page} page @param {number} from */
async function tasksSince(page, from) {
  const durations = await page.evaluate(
    (start) => (window.__bench?.longTasks ?? []).filter((task) => task.start >= start).map((task) => task.duration),
    from,
  );
  return {
    longestTaskMs: round(Math.max(0, ...durations)),
    longTasks: durations.length,
    longTaskList: durations.slice(0, 12).map((duration) => round(duration)),
  };
}

/**
 * Main-thread tasks from a Chromium trace, by the CPU time the thread spent in them (`tdur`): on a loaded machine a
 * task's wall time also counts the time the thread waited for a core, which the page cannot help.
 * @param {Buffer} buffer
 */
function cpuTasks(buffer) {
  const { traceEvents: events } =
    /** @type {{ traceEvents: { name: string, ph: string, pid: number, tid: number, dur?: number, tdur?: number, args?: { name?: string } }[] }} */ (
      JSON.parse(buffer.toString('utf8'))
    );
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const durations = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') &&
        mainThreads.has(`${event.pid}:${event.tid}`),
    )
    .map((event) => (event.tdur ?? event.dur ?? 0) / 1000)
    .filter((ms) => ms > 50);
  return {
    longestTaskCpuMs: round(Math.max(0, ...durations)),
    longTasksCpu: durations.length,
    longTaskCpuList: durations.slice(0, 12).map((duration) => round(duration)),
  };
}

/** Starts a trace of `page`; the returned function stops it and reads its tasks. @param {Browser} browser @param {Page} page */
async function traceTasks(browser, page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  return async () => cpuTasks(await browser.stopTracing());
}

/**
 * Opens the app, lets `setUp` queue the replies, clicks `button` and measures until `count` replies have settled.
 * @param {Browser} browser @param {BenchServer} server @param {string} button @param {number} count
 * @param {(page: Page) => Promise<void>} setUp
 */
async function measuredRun(browser, server, button, count, setUp) {
  // Twice: wall time without the tracer (tracing costs the page's process CPU time of its own, which on two cores
  // shows up as longer tasks), then CPU time with it.
  const wall = await oneRun(browser, server, button, count, setUp, false);
  const traced = await oneRun(browser, server, button, count, setUp, true);
  const { longestTaskCpuMs, longTasksCpu, longTaskCpuList } = traced;
  return {
    ...wall,
    complete: wall.complete && traced.complete,
    longestTaskCpuMs,
    longTasksCpu,
    longTaskCpuList,
    errors: [...wall.errors, ...traced.errors],
  };
}

/**
 * @param {Browser} browser @param {BenchServer} server @param {string} button @param {number} count
 * @param {(page: Page) => Promise<void>} setUp @param {boolean} traced
 */
async function oneRun(browser, server, button, count, setUp, traced) {
  const { context, page, errors } = await openPage(browser, server.origin, 'app');
  await prepare(page, 'app');
  await setUp(page);
  const from = await page.evaluate(() => performance.now());
  const stopTrace = traced ? await traceTasks(browser, page) : null;
  const started = Date.now();
  await page.getByRole('button', { name: button, exact: true }).click();
  const complete = await settled(page, count);
  const seconds = round((Date.now() - started) / 1000, 1);
  await sleep(1000);
  const cpu = stopTrace ? await stopTrace() : { longestTaskCpuMs: 0, longTasksCpu: 0, longTaskCpuList: [] };
  const tasks = { ...(await tasksSince(page, from)), ...cpu };
  await context.close();
  server.mock.reset();
  return { complete, seconds, ...tasks, errors };
}

/** One hostile reply in the main reply pane. @param {Browser} browser @param {BenchServer} server @param {string} name */
function singleRun(browser, server, name) {
  return measuredRun(browser, server, 'Send', 1, () => {
    server.mock.queue({ name });
    return Promise.resolve();
  });
}

/** The four hostile replies at once, one per Compare column. @param {Browser} browser @param {BenchServer} server */
function compareRun(browser, server) {
  return measuredRun(browser, server, 'Run comparison', hostileScenarios.length, async (page) => {
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const add = page.getByRole('button', { name: 'Add column', exact: true });
    while ((await page.locator('section[aria-label^="Compare column"]').count()) < hostileScenarios.length)
      await add.click();
    for (const name of hostileScenarios) server.mock.queue({ name });
  });
}

/** @param {Browser} browser @param {BenchServer} server */
export async function hostileRun(browser, server) {
  /** @type {Record<string, unknown>} */
  const results = {};
  // BENCH_HOSTILE=huge-table,compare: only these.
  const picked = process.env.BENCH_HOSTILE?.split(',');
  for (const name of hostileScenarios) {
    if (picked && !picked.includes(name)) continue;
    results[name] = await singleRun(browser, server, name);
    console.log(`hostile: ${name}`, JSON.stringify(results[name]));
  }
  if (picked && !picked.includes('compare')) return results;
  results.compare = await compareRun(browser, server);
  console.log('hostile: four compare columns', JSON.stringify(results.compare));
  return results;
}
