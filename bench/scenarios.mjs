// @ts-check
// The bench's user scenarios besides the measured stream: the initial load, typing while a reply streams, and many
// long replies in one conversation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { outRoot } from './bundle.mjs';
import { gzipSize, percentile, round, sleep } from './figures.mjs';
import { delivery } from './pageServer.mjs';
import { heapAfterGc, metrics, openPage, prepare } from './browserPage.mjs';
import { conversation, expectedStream, typing } from './workloads.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('./workloads.mjs').Variant} Variant */
/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./pageServer.mjs').BenchServer} BenchServer */

// ---- 1. initial load ------------------------------------------------------------------------------------------

/** @param {Browser} browser @param {string} origin @param {Variant} variant */
export async function loadRun(browser, origin, variant) {
  const { context, page } = await openPage(browser, origin, variant);
  await sleep(1500); // anything loaded eagerly after the first render shows up now
  const figures = await page.evaluate(() => {
    const bench = window.__bench;
    const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (
      performance.getEntriesByType('navigation')[0]
    );
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      composerFound: bench?.composer?.found ?? null,
      composerPainted: bench?.composer?.painted ?? null,
      fcp: paint?.startTime ?? null,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
      beforeComposer: (bench?.composer?.resources ?? []).map((entry) => entry.name),
      afterSettling: performance.getEntriesByType('resource').map((entry) => entry.name),
    };
  });
  await context.close();
  const dir = path.join(outRoot, variant);
  /** @param {string[]} urls */
  const jsOf = (urls) => {
    const files = urls
      .filter((name) => name.endsWith('.js'))
      .map((name) => new URL(name).pathname.replace(/^\/(naive|floor)\//, '/'));
    const sized = files.map((file) => {
      const data = readFileSync(path.join(dir, file));
      const text = data.toString('utf8');
      // Monaco by name or by content (its core registers editor contributions; its worker is editor.worker). Not any
      // file with "monaco" in its name: the app's few-byte check for whether the editor can run is not the editor.
      const monaco =
        /monaco-editor|monacoSetup|editor\.(main|api|worker)/i.test(file) ||
        /registerEditorContribution|StandaloneCodeEditor|MonacoEnvironment/.test(text);
      return { file, bytes: data.length, gzip: gzipSize(data), monaco };
    });
    return {
      files: sized,
      bytes: sized.reduce((sum, file) => sum + file.bytes, 0),
      gzip: sized.reduce((sum, file) => sum + file.gzip, 0),
      monaco: sized.some((file) => file.monaco),
    };
  };
  return { ...figures, jsBeforeComposer: jsOf(figures.beforeComposer), jsAfterSettling: jsOf(figures.afterSettling) };
}

/**
 * Keypress → next paint while the long reply streams: keys typed into "Message" once part of it has arrived.
 * @param {Browser} browser @param {BenchServer} server @param {Variant} variant @param {Workload} workload
 */
export async function typingRun(browser, server, variant, workload) {
  const expected = expectedStream(workload);
  const { context, page, errors } = await openPage(browser, server.origin, variant);
  await prepare(page, variant);
  server.mock.queue({
    name: 'long',
    contentChars: workload.contentChars,
    reasoningChars: workload.reasoningChars,
    chunksPerSecond: workload.rate,
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const startAt = Math.ceil(expected.tokens * typing.startFraction);
  while (delivery.total < startAt) await sleep(20);
  await page.getByLabel('Message', { exact: true }).focus();
  await page.evaluate(() => {
    if (window.__bench) window.__bench.keyLatencies = [];
  });
  for (let index = 0; index < typing.keys; index++) {
    await page.keyboard.press(String.fromCharCode(97 + (index % 26)));
    await sleep(typing.gapMs);
  }
  await sleep(300);
  const typed = await page.evaluate(() => ({
    keys: window.__bench?.keyLatencies ?? [],
    events: window.__bench?.eventEntries ?? [],
  }));
  await context.close();
  server.mock.reset();
  const latencies = typed.keys.map((entry) => entry.latency);
  const firstKey = Math.min(...typed.keys.map((entry) => entry.at));
  const eventDurations = typed.events
    .filter((entry) => entry.start >= firstKey - 1 && /key|input/.test(entry.name))
    .map((entry) => entry.duration);
  return {
    variant,
    workload,
    keys: latencies.length,
    p50: round(percentile(latencies, 0.5), 1),
    p95: round(percentile(latencies, 0.95), 1),
    max: round(Math.max(...latencies), 1),
    eventTimingP95: round(percentile(eventDurations, 0.95), 1),
    eventTimingCount: eventDurations.length,
    errors,
  };
}

// ---- 4. memory: many long replies in one conversation --------------------------------------------------------

/** @param {Browser} browser @param {BenchServer} server */
export async function conversationRun(browser, server) {
  const { context, page, cdp, errors } = await openPage(browser, server.origin, 'app');
  await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  const started = Date.now();
  /** @type {number[]} */
  const heapTrail = [];
  /** @type {string | null} */
  let failure = null;
  for (let index = 1; index <= conversation.replies; index++) {
    server.mock.queue({
      name: 'long',
      contentChars: conversation.contentChars,
      reasoningChars: conversation.reasoningChars,
      chunksPerSecond: conversation.rate,
    });
    const requestsBefore = server.mock.requests().length;
    try {
      await page.getByLabel('Message', { exact: true }).fill(`Long reply number ${index}, please.`);
      await page.getByRole('button', { name: 'Send', exact: true }).click({ timeout: 10_000 });
      // The request went out and the whole stream was delivered; then the reply settles as complete.
      const deadline = Date.now() + 60_000;
      while ((server.mock.requests().length === requestsBefore || !delivery.ended) && Date.now() < deadline)
        await sleep(50);
      await page.waitForFunction(
        () => document.querySelector('.reply-pane .reply-status')?.textContent === 'complete',
        null,
        { polling: 100, timeout: 30_000 },
      );
    } catch (error) {
      const status = await page
        .evaluate(() => document.querySelector('.reply-pane .reply-status')?.textContent ?? null)
        .catch(() => null);
      failure = `reply ${index}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (status: ${status})`;
      break;
    }
    heapTrail.push(round(((await metrics(cdp)).JSHeapUsedSize ?? 0) / 1048576, 1) ?? 0);
  }
  const seconds = (Date.now() - started) / 1000;
  await sleep(1000);
  const heap = await heapAfterGc(cdp);
  const longTasks = await page.evaluate(() => (window.__bench?.longTasks ?? []).map((task) => task.duration));
  await context.close();
  return {
    ...conversation,
    completed: heapTrail.length,
    failure,
    seconds: round(seconds, 1),
    heapMB: round(heap / 1048576, 1),
    heapTrailMB: heapTrail,
    longestTaskMs: round(Math.max(0, ...longTasks)),
    longTasks: longTasks.length,
    errors,
  };
}
