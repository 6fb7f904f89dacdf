// @ts-check
// `npx tsx bench/trace.mjs [app|naive] [rate] [contentChars] [reasoningChars]`: a Chromium performance trace of one
// streaming run against the bench build (run `npm run bench` first, it builds dist-bench/), summarised as main-thread
// self time per trace event (script, style, layout, paint, GC…). Diagnostic companion to `npm run bench`.
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { longMarkdown, tokenize } from '../mock-zai/content.ts';
import { createMockZai } from '../mock-zai/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const [variantArgument = 'app', ...numbers] = process.argv.slice(2);
const variant = variantArgument === 'naive' ? 'naive' : 'app';
const [rate = 1000, contentChars = 50_000, reasoningChars = 10_000] = numbers.map(Number);
const outDir = path.join(root, 'dist-bench', variant);
if (!existsSync(outDir)) throw new Error(`${outDir} is missing: run npm run bench first.`);

const mock = createMockZai({ requireKey: false });
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://trace');
  if (url.pathname.startsWith('/mock-zai/')) {
    request.url = (request.url ?? '/').slice('/mock-zai'.length);
    void mock.handle(request, response);
    return;
  }
  const relative = url.pathname.replace(/^\/naive\//, '/');
  let file = path.join(outDir, path.normalize(decodeURIComponent(relative)));
  if (!file.startsWith(outDir) || !existsSync(file) || statSync(file).isDirectory())
    file = path.join(outDir, 'index.html');
  response.setHeader(
    'Content-Type',
    file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html',
  );
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(origin + (variant === 'naive' ? '/naive/' : '/'));
  // TRACE_CSS: extra CSS for what-if experiments (e.g. TRACE_CSS='.code-block-pre { overflow: visible }').
  if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS });
  if (variant === 'app') await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  await page.getByLabel('Message', { exact: true }).fill('Trace: a long reply.');
  // TRACE_SCENARIO=huge-table: one of the mock's scenarios (the hostile ones) instead of the long reply.
  const scenario = process.env.TRACE_SCENARIO;
  mock.queue(scenario ? { name: scenario } : { name: 'long', contentChars, reasoningChars, chunksPerSecond: rate });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
  });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const tokens = tokenize(longMarkdown(contentChars)).length;
  const doneSelector = variant === 'app' ? '.reply-pane .reply-status' : '.naive-status';
  await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'complete', doneSelector, {
    polling: 250,
    timeout: (tokens / rate) * 1000 + 120_000,
  });
  const buffer = await browser.stopTracing();
  writeFileSync(path.join(root, 'dist-bench', `trace-${variant}.json`), buffer);

  const trace =
    /** @type {{ traceEvents: { name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: { name?: string } }[] }} */ (
      JSON.parse(buffer.toString('utf8'))
    );
  const events = trace.traceEvents;
  const threadNames = new Map(
    events
      .filter((event) => event.name === 'thread_name')
      .map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '']),
  );
  /** @type {Map<string, typeof events>} */
  const byThread = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = `${event.pid}:${event.tid}`;
    if (threadNames.get(key) !== 'CrRendererMain') continue;
    const list = byThread.get(key) ?? [];
    list.push(event);
    byThread.set(key, list);
  }
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {{ ts: number, dur: number, parts: Map<string, number> }[]} */
  const longTasks = [];
  let busy = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    /** @type {{ end: number, name: string, children: number, dur: number }[]} */
    const stack = [];
    /** @type {Map<string, number> | null} */
    let taskSelf = null;
    const close = (/** @type {{ end: number, name: string, children: number, dur: number }} */ frame) => {
      self.set(frame.name, (self.get(frame.name) ?? 0) + frame.dur - frame.children);
      taskSelf?.set(frame.name, (taskSelf.get(frame.name) ?? 0) + frame.dur - frame.children);
      if (stack.length === 0 && taskSelf) {
        longTasks.push({ ts: frame.end - frame.dur, dur: frame.dur, parts: taskSelf });
        taskSelf = null;
      }
    };
    for (const event of list) {
      const end = event.ts + (event.dur ?? 0);
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= event.ts)
        close(/** @type {NonNullable<typeof stack[number]>} */ (stack.pop()));
      const parent = stack[stack.length - 1];
      if (!parent && (event.dur ?? 0) > 50_000) taskSelf = new Map();
      if (parent) parent.children += event.dur ?? 0;
      else if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') busy += event.dur ?? 0;
      stack.push({ end, name: event.name, children: 0, dur: event.dur ?? 0 });
    }
    while (stack.length > 0) close(/** @type {NonNullable<typeof stack[number]>} */ (stack.pop()));
  }
  console.log(
    `${variant} at ${rate}/s, ${contentChars}+${reasoningChars} chars: main-thread tasks ${Math.round(busy / 1000)} ms`,
  );
  console.log(
    [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([name, micros]) => `${String(Math.round(micros / 1000)).padStart(7)} ms  ${name}`)
      .join('\n'),
  );
  const firstTs = Math.min(...longTasks.map((task) => task.ts));
  console.log(`\nTasks > 50 ms (${longTasks.length}), first and last ones with their parts:`);
  for (const task of longTasks.length > 8 ? [...longTasks.slice(0, 4), ...longTasks.slice(-4)] : longTasks) {
    const parts = [...task.parts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, micros]) => `${name} ${Math.round(micros / 1000)}`);
    console.log(
      `  +${Math.round((task.ts - firstTs) / 1000)} ms: ${Math.round(task.dur / 1000)} ms — ${parts.join(', ')}`,
    );
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
