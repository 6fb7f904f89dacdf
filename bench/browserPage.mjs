// @ts-check
// Opens a page of either variant in Chromium with the in-page instrumentation and CDP sessions, and reads the
// page's metrics.
import { instrumentationScript } from './instrument.mjs';
import { sleep } from './figures.mjs';
import { variants } from './workloads.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('./workloads.mjs').Variant} Variant */

/** @param {Browser} browser @param {string} url @param {Variant} variant */
export async function openPage(browser, url, variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  /** @type {Map<string, (data: unknown) => void>} */
  const waiters = new Map();
  await context.exposeBinding('__benchSignal', (_source, /** @type {string} */ name, /** @type {unknown} */ data) => {
    waiters.get(name)?.(data);
  });
  await context.addInitScript({ content: instrumentationScript });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Two sessions: wall-clock figures (script, layout, style) and main-thread CPU time (threadTicks), which is what
  // "busy" means here — it does not grow when other processes on the machine compete for the cores.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const cpu = await context.newCDPSession(page);
  await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
  /** @param {string} name @param {number} timeoutMs */
  const signal = (name, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
      waiters.set(name, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
    });
  // Asked for before the page loads, so that the signal cannot come first.
  const composerPainted = signal('composer', 30_000);
  await page.goto(url + variants[variant].path);
  await composerPainted;
  return { context, page, cdp, cpu, signal, errors };
}

/** @param {CDPSession} cdp */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const values = {};
  for (const metric of list) values[metric.name] = metric.value;
  return values;
}

/** @param {CDPSession} cdp */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let index = 0; index < 3; index++) await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

/** @param {Page} page @param {Variant} variant */
export async function prepare(page, variant) {
  // A user takes longer than this to type a message: what the app prefetches when idle has arrived by then.
  await page.waitForLoadState('networkidle');
  await sleep(500);
  if (variant === 'app') await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  await page.getByLabel('Message', { exact: true }).fill('Benchmark: a long reply, please.');
}
