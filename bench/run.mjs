// @ts-check
// `npm run bench`: builds the app and a naive baseline, serves both with the project's mock Z.ai server in-process,
// drives /usr/bin/chromium with Playwright and prints one screen of figures (initial load, streaming, input while
// streaming, memory), with the issue's targets. Full results go to bench/results/latest.json.
// Not part of `npm test`: it takes a few minutes and its figures depend on the machine.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import os from 'node:os';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { longMarkdown, longReasoning, tokenize } from '../mock-zai/content.ts';
import { createMockZai } from '../mock-zai/server.ts';
import { installInstrumentation } from './instrument.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {'app' | 'naive'} Variant */

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = path.join(root, 'dist-bench');
const resultsFile = path.join(root, 'bench', 'results', 'latest.json');

// ---- workload -------------------------------------------------------------------------------------------------
// The long stream of the issue: 100,000 characters of Markdown plus 20,000 of reasoning at 1,000 chunks/s.
// At 200 chunks/s the same stream would take ~93 s per variant, so that run is capped at 30,000 + 6,000 characters.
// BENCH_QUICK=1 shrinks every workload ~10× (a smoke test of the bench itself; its figures mean little).
const quick = process.env.BENCH_QUICK === '1';
const fast = quick
  ? { rate: 1000, contentChars: 10_000, reasoningChars: 2_000 }
  : { rate: 1000, contentChars: 100_000, reasoningChars: 20_000 };
const slow = quick
  ? { rate: 200, contentChars: 3_000, reasoningChars: 600 }
  : { rate: 200, contentChars: 30_000, reasoningChars: 6_000 };
// Input while streaming: keys typed into "Message" once 20% of the 1,000 chunks/s stream has arrived.
const typing = { keys: 30, gapMs: 120, startFraction: 0.2 };
// Memory: 20 replies in one conversation. 20 × 100K would take minutes; 20 × (30K + 6K) at 5,000 chunks/s instead.
const conversation = { replies: quick ? 3 : 20, rate: 5000, contentChars: 30_000, reasoningChars: 6_000 };
const sampleEveryMs = Number(process.env.BENCH_SAMPLE_MS ?? 50);
const frameMs = 1000 / 60;

const variants = /** @type {const} */ ({
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
});

const targets = {
  initialGzipKB: 130,
  monacoGzipKB: 700,
  composerMs: 300,
  busyPer1kMs: 300,
  naiveRatio: 3.5,
  longTasks: 0,
  flatness: 1.5,
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
function expectedStream(workload) {
  const content = longMarkdown(workload.contentChars);
  const reasoning = longReasoning(workload.reasoningChars);
  const contentTokens = tokenize(content).length;
  const reasoningTokens = tokenize(reasoning).length;
  // +1: a thinking stream opens with a whitespace-only content delta (docs/wire-format.md#streamed-response).
  return { replyAlnum: alnumOf(content), reasoningTokens, contentTokens, tokens: contentTokens + reasoningTokens + 1 };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const gzipSize = (/** @type {Buffer | string} */ data) => zlib.gzipSync(data, { level: 9 }).length;
const kb = (/** @type {number} */ bytes) => Math.round(bytes / 102.4) / 10;
/** @param {number[]} values @param {number} fraction */
function percentile(values, fraction) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? null;
}
const round = (/** @type {number | null | undefined} */ value, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Math.round(value * 10 ** digits) / 10 ** digits;

// ---- build ----------------------------------------------------------------------------------------------------

/**
 * @typedef {object} ChunkInfo
 * @property {string} fileName
 * @property {number} bytes
 * @property {number} gzip
 * @property {string[]} packages Biggest contributors (rendered size), for the report.
 */

/** @param {unknown} output */
function chunksOf(output) {
  const results =
    /** @type {{ output: Array<{ type: 'chunk' | 'asset', fileName: string, code?: string, source?: string | Uint8Array, isEntry?: boolean, imports?: string[], dynamicImports?: string[], modules?: Record<string, { renderedLength: number }> }> }[]} */ (
      Array.isArray(output) ? output : [output]
    );
  return results.flatMap((result) => result.output);
}

/** @param {Record<string, { renderedLength: number }>} modules */
function packagesOf(modules) {
  /** @type {Map<string, number>} */
  const sizes = new Map();
  for (const [id, module] of Object.entries(modules)) {
    const name =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ??
      (id.includes('/src/') ? 'src (app code)' : path.basename(id));
    sizes.set(name, (sizes.get(name) ?? 0) + module.renderedLength);
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([name, size]) => `${name} ${kb(size)} KB`);
}

async function buildAll() {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  const started = Date.now();
  const appOutput = await build({
    root,
    logLevel: 'warn',
    build: { outDir: path.join(outRoot, 'app'), emptyOutDir: true, reportCompressedSize: false },
  });
  await build({
    root: path.join(root, 'bench', 'naive'),
    configFile: false,
    base: '/naive/',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(outRoot, 'naive'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  const files = chunksOf(appOutput);
  /** @type {Map<string, typeof files[number]>} */
  const byName = new Map(files.map((file) => [file.fileName, file]));
  const entry = files.find((file) => file.type === 'chunk' && file.isEntry);
  // Initial JS: the entry and everything it imports statically.
  const initial = new Set();
  const visit = (/** @type {string} */ name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  if (entry) visit(entry.fileName);
  /** @param {typeof files[number]} file @returns {ChunkInfo} */
  const info = (file) => {
    const code = file.code ?? file.source ?? '';
    return {
      fileName: file.fileName,
      bytes: Buffer.byteLength(typeof code === 'string' ? code : Buffer.from(code)),
      gzip: gzipSize(typeof code === 'string' ? code : Buffer.from(code)),
      packages: file.modules ? packagesOf(file.modules).slice(0, 12) : [],
    };
  };
  const js = files.filter((file) => file.fileName.endsWith('.js'));
  const initialChunks = js.filter((file) => initial.has(file.fileName)).map(info);
  const monacoChunks = js
    .filter((file) => Object.keys(file.modules ?? {}).some((id) => id.includes('node_modules/monaco-editor')))
    .map(info);
  // Workers are separate bundles: look at the emitted files (dist-bench/app/assets) as well.
  const assetsDir = path.join(outRoot, 'app', 'assets');
  const workers = existsSync(assetsDir)
    ? (await import('node:fs'))
        .readdirSync(assetsDir)
        .filter((name) => /worker/i.test(name))
        .map((name) => ({
          fileName: name,
          bytes: statSync(path.join(assetsDir, name)).size,
          gzip: gzipSize(readFileSync(path.join(assetsDir, name))),
        }))
    : [];
  return {
    buildSeconds: (Date.now() - started) / 1000,
    initialChunks,
    initialBytes: initialChunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
    initialGzip: initialChunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    monacoChunks,
    monacoGzip: monacoChunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    workers,
    lazyChunks: js.filter((file) => !initial.has(file.fileName)).length,
  };
}

// ---- server ---------------------------------------------------------------------------------------------------

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Server-side delivery log of the current stream: when each write went out and how many deltas it carried. */
const delivery = { writes: /** @type {{ at: number, deltas: number }[]} */ ([]), total: 0, ended: false };

function deliveredAt(/** @type {number} */ deltas) {
  return delivery.writes.find((write) => write.deltas >= deltas)?.at ?? null;
}

async function startServer() {
  const mock = createMockZai({ chunkDelayMs: 5, requireKey: false });
  /** @type {Record<string, string>} */
  let headers = {};
  try {
    headers = (await import('../scripts/security-headers.mjs')).securityHeaders;
  } catch {
    // Served without the security headers; index.html carries its CSP anyway.
  }
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    if (url.pathname.startsWith('/mock-zai/')) {
      request.url = (request.url ?? '/').slice('/mock-zai'.length);
      if (url.pathname.endsWith('/chat/completions') && request.method === 'POST') {
        delivery.writes = [];
        delivery.total = 0;
        delivery.ended = false;
        response.on('close', () => {
          delivery.ended = true;
        });
        const write = response.write.bind(response);
        /** @param {unknown[]} parts */
        const logged = (...parts) => {
          if (typeof parts[0] === 'string') {
            delivery.total += parts[0].split('"delta":').length - 1;
            delivery.writes.push({ at: nowMs(), deltas: delivery.total });
          }
          return Reflect.apply(write, response, parts);
        };
        Object.assign(response, { write: logged });
      }
      void mock.handle(request, response);
      return;
    }
    const base = url.pathname.startsWith('/naive/') ? path.join(outRoot, 'naive') : path.join(outRoot, 'app');
    const relative = url.pathname.startsWith('/naive/') ? url.pathname.slice('/naive'.length) : url.pathname;
    let file = path.join(base, path.normalize(decodeURIComponent(relative)));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(base, 'index.html');
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader(
      'Content-Type',
      contentTypes[/** @type {keyof typeof contentTypes} */ (path.extname(file))] ?? 'application/octet-stream',
    );
    response.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    mock,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        mock.reset();
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

// ---- browser helpers ------------------------------------------------------------------------------------------

/** @param {Browser} browser @param {string} url @param {Variant} variant */
async function openPage(browser, url, variant) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  /** @type {Map<string, (data: unknown) => void>} */
  const waiters = new Map();
  await context.exposeBinding('__benchSignal', (_source, /** @type {string} */ name, /** @type {unknown} */ data) => {
    waiters.get(name)?.(data);
  });
  await context.addInitScript(installInstrumentation);
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
  await page.goto(url + variants[variant].path);
  await page.waitForFunction(() => window.__bench?.composer?.painted != null, null, { polling: 50 });
  /** @param {string} name @param {number} timeoutMs */
  const signal = (name, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
      waiters.set(name, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
    });
  return { context, page, cdp, cpu, signal, errors };
}

/** @param {CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const values = {};
  for (const metric of list) values[metric.name] = metric.value;
  return values;
}

/** @param {CDPSession} cdp */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let index = 0; index < 3; index++) await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

/** @param {Page} page @param {Variant} variant */
async function prepare(page, variant) {
  // A user takes longer than this to type a message: what the app prefetches when idle has arrived by then.
  await page.waitForLoadState('networkidle');
  await sleep(500);
  if (variant === 'app') await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  await page.getByLabel('Message', { exact: true }).fill('Benchmark: a long reply, please.');
}

// ---- 1. initial load ------------------------------------------------------------------------------------------

/** @param {Browser} browser @param {string} origin @param {Variant} variant */
async function loadRun(browser, origin, variant) {
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
  const dir = variant === 'app' ? path.join(outRoot, 'app') : path.join(outRoot, 'naive');
  /** @param {string[]} urls */
  const jsOf = (urls) => {
    const files = urls
      .filter((name) => name.endsWith('.js'))
      .map((name) => new URL(name).pathname.replace(/^\/naive\//, '/'));
    const sized = files.map((file) => {
      const data = readFileSync(path.join(dir, file));
      const text = data.toString('utf8');
      // Monaco by name or by content (its core registers editor contributions; its worker is editor.worker).
      const monaco =
        /monaco|editor\.(main|api|worker)/i.test(file) ||
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

// ---- 2./3. streaming ------------------------------------------------------------------------------------------

/** @typedef {{ mock: ReturnType<typeof createMockZai>, origin: string }} BenchServer */
/** @typedef {{ rate: number, contentChars: number, reasoningChars: number }} Workload */

/**
 * Keypress → next paint while the long reply streams: keys typed into "Message" once part of it has arrived.
 * @param {Browser} browser @param {BenchServer} server @param {Variant} variant @param {Workload} workload
 */
async function typingRun(browser, server, variant, workload) {
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

/**
 * One long stream, measured.
 * @param {Browser} browser @param {BenchServer} server @param {Variant} variant @param {Workload} workload
 */
async function streamRun(browser, server, variant, workload) {
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
  const poll = (async () => {
    while (polling) {
      const values = await metrics(cpu).catch(() => null);
      if (values) busySamples.push({ at: (values.Timestamp ?? 0) * 1000, task: (values.TaskDuration ?? 0) * 1000 });
      await sleep(100);
    }
  })();

  const durationMs = (expected.tokens / workload.rate) * 1000;
  const before = await metrics(cdp);
  const beforeCpu = await metrics(cpu);
  const clockSkew = nowMs() - (beforeCpu.Timestamp ?? 0) * 1000;
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
  const between = (/** @type {number | null} */ from, /** @type {number | null} */ to) =>
    from === null || to === null ? null : busyAt(to) - busyAt(from);
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

  const busyMs = ((afterCpu.TaskDuration ?? 0) - (beforeCpu.TaskDuration ?? 0)) * 1000;
  const wallBusyMs = ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000;
  const scriptMs = ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000;
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
    heapMB: round(heap / 1048576, 1),
  };
}

// ---- 4. memory: many long replies in one conversation --------------------------------------------------------

/** @param {Browser} browser @param {{ mock: ReturnType<typeof createMockZai>, origin: string }} server */
async function conversationRun(browser, server) {
  const { context, page, cdp, errors } = await openPage(browser, server.origin, 'app');
  await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  const started = Date.now();
  /** @type {number[]} */
  const heapTrail = [];
  /** @type {string | null} */
  let failure = null;
  for (let index = 1; index <= conversation.replies && failure === null; index++) {
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

// ---- report ---------------------------------------------------------------------------------------------------

/** @param {boolean | null} ok */
const verdict = (ok) => (ok === null ? '  -  ' : ok ? 'PASS' : 'MISS');
/** @param {unknown} value @param {number} width */
const cell = (value, width) => String(value ?? '–').padStart(width);
/** @param {number | null} app @param {number | null} naive */
const ratio = (app, naive) => (app && naive ? `${round(naive / app, 1)}×` : '–');

/** @typedef {Awaited<ReturnType<typeof streamRun>>} StreamResult */
/** @typedef {Awaited<ReturnType<typeof typingRun>>} TypingResult */
/** @typedef {Awaited<ReturnType<typeof loadRun>>} LoadResult */
/**
 * @typedef {object} Results
 * @property {{ loadAverage: string, chromium: string }} environment
 * @property {number} seconds
 * @property {{ app: LoadResult, naive: LoadResult }} loads
 * @property {Record<Variant, StreamResult>} fast
 * @property {Record<Variant, StreamResult>} slow
 * @property {Record<Variant, TypingResult>} input
 * @property {Awaited<ReturnType<typeof conversationRun>>} memory
 */

/** @param {StreamResult} run @param {keyof StreamResult} key */
function figure(run, key) {
  const value = run[key];
  return typeof value === 'number' ? value : null;
}

/** @param {Awaited<ReturnType<typeof buildAll>>} bundle @param {Results} results */
function printTable(bundle, results) {
  const { loads, fast: fastRuns, slow: slowRuns, input, memory } = results;
  const lines = [];
  const appLoad = loads.app;
  lines.push(
    `GLM Playground bench — ${new Date().toISOString()} — ${os.cpus().length} CPUs, Chromium ${results.environment.chromium}, load average ${results.environment.loadAverage}`,
  );
  lines.push('busy = main-thread CPU time (CDP TaskDuration, threadTicks); other times are wall clock.');
  lines.push('');
  lines.push('Initial load (app)                         value        target    ');
  const row = (
    /** @type {string} */ label,
    /** @type {unknown} */ value,
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
    'Composer painted after navigation, ms',
    round(appLoad.composerPainted),
    `≤ ${targets.composerMs}`,
    appLoad.composerPainted === null ? null : appLoad.composerPainted <= targets.composerMs,
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
  streamRow('script ms', 'scriptMs', '', null);
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
  streamRow('  reply only', 'replyFlatness', '', null);
  streamRow('  incl. the end', 'flatnessWithEnd', '', null);
  streamRow('heap after, MB', 'heapMB', '', null);
  lines.push('');
  lines.push(
    `Input while streaming (${typing.keys} keys, ${fast.rate}/s)  app p50/p95 ${input.app.p50}/${input.app.p95} ms   naive p50/p95 ${input.naive.p50}/${input.naive.p95} ms   target p95 ≤ ${targets.keyP95Ms}  ${verdict(input.app.p95 !== null && input.app.p95 <= targets.keyP95Ms)}`,
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
  ])) {
    if (run.timedOut)
      lines.push(`${name}: the final text never appeared in full (timed out); its figures cover the whole wait.`);
  }
  lines.push(`Full figures: bench/results/latest.json   (total ${results.seconds} s)`);
  return lines.join('\n');
}

// ---- main -----------------------------------------------------------------------------------------------------

// BENCH_ONLY="fast:app,input:app,memory": run only these parts (for experiments); prints them as JSON and writes
// bench/results/partial.tmp instead of latest.json.
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : null;
/** @param {string} part */
const wanted = (part) => only === null || only.has(part);

/** The headline figures of a partial run. @param {Record<string, unknown>} run */
function summary(run) {
  const keys = [
    'busyMs',
    'busyPer1kTokens',
    'scriptMs',
    'layoutStyleMs',
    'longestTaskMs',
    'longTasks',
    'droppedFrames',
    'finalLagMs',
    'firstPaintFrames',
    'replyStaleMs',
    'reasoningStaleMs',
    'flatness',
    'replyFlatness',
    'heapMB',
    'p50',
    'p95',
    'timedOut',
  ];
  return Object.fromEntries(keys.filter((key) => key in run).map((key) => [key, run[key]]));
}

async function partial() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  /** @type {Record<string, unknown>} */
  const results = {};
  try {
    if (wanted('load')) results.load = await loadRun(browser, server.origin, 'app');
    for (const [name, workload] of /** @type {const} */ ([
      ['fast', fast],
      ['slow', slow],
    ])) {
      for (const variant of /** @type {const} */ (['app', 'naive'])) {
        if (!wanted(`${name}:${variant}`)) continue;
        const run = await streamRun(browser, server, variant, workload);
        results[`${name}:${variant}`] = run;
        console.log(`${name}:${variant}`, JSON.stringify(summary(run)));
      }
    }
    for (const variant of /** @type {const} */ (['app', 'naive'])) {
      if (!wanted(`input:${variant}`)) continue;
      const run = await typingRun(browser, server, variant, fast);
      results[`input:${variant}`] = run;
      console.log(`input:${variant}`, JSON.stringify(summary(run)));
    }
    if (wanted('memory')) {
      results.memory = await conversationRun(browser, server);
      console.log('memory', JSON.stringify(results.memory));
    }
    writeFileSync(path.join(root, 'bench', 'results', 'partial.tmp'), JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const started = Date.now();
  console.log('Building the app and the naive baseline…');
  const bundle = await buildAll();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    console.log('Initial load…');
    /** @type {Record<Variant, Awaited<ReturnType<typeof loadRun>>[]>} */
    const loadRuns = { app: [], naive: [] };
    for (let index = 0; index < 3; index++) loadRuns.app.push(await loadRun(browser, server.origin, 'app'));
    loadRuns.naive.push(await loadRun(browser, server.origin, 'naive'));
    /** @param {LoadResult[]} runs @returns {LoadResult} */
    const medianLoad = (runs) => {
      const median = [...runs].sort((a, b) => (a.composerPainted ?? 0) - (b.composerPainted ?? 0))[
        Math.floor(runs.length / 2)
      ];
      if (!median) throw new Error('No load run.');
      return median;
    };
    const loads = {
      app: medianLoad(loadRuns.app),
      naive: medianLoad(loadRuns.naive),
      composerPaintedMs: loadRuns.app.map((run) => round(run.composerPainted)),
    };

    /** @param {Workload} workload */
    const streamBoth = async (workload) => {
      /** @param {Variant} variant */
      const one = (variant) => {
        console.log(
          `Streaming ${variant} at ${workload.rate}/s (${workload.contentChars} + ${workload.reasoningChars} chars)…`,
        );
        return streamRun(browser, server, variant, workload);
      };
      const app = await one('app');
      return { app, naive: await one('naive') };
    };
    const runs = { fast: await streamBoth(fast), slow: await streamBoth(slow) };
    /** @param {Variant} variant */
    const typeWhile = (variant) => {
      console.log(`Typing while ${variant} streams…`);
      return typingRun(browser, server, variant, fast);
    };
    const inputApp = await typeWhile('app');
    const input = { app: inputApp, naive: await typeWhile('naive') };
    console.log(`Memory: ${conversation.replies} replies in one conversation…`);
    const memory = await conversationRun(browser, server);
    const results = {
      date: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      environment: {
        loadAverage: os
          .loadavg()
          .map((value) => round(value, 1))
          .join(' '),
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        chromium: browser.version(),
        node: process.version,
      },
      workloads: { fast, slow, typing, conversation, sampleEveryMs },
      targets,
      bundle,
      loads,
      loadRuns,
      fast: runs.fast,
      slow: runs.slow,
      input,
      memory,
    };
    const table = printTable(bundle, results);
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify({ ...results, table }, null, 2) + '\n');
    console.log('\n' + table);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (only === null) {
  await main();
} else {
  if (process.env.BENCH_NO_BUILD !== '1') await buildAll();
  await partial();
}
