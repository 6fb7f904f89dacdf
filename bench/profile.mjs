// @ts-check
// `npx tsx bench/profile.mjs [rate] [contentChars] [reasoningChars]`: a CPU profile of the app while it streams the
// long reply, from an unminified build (dist-bench/profile), summarised as self time per function and per module.
// A diagnostic companion to `npm run bench` (which measures; this explains).
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { longMarkdown, tokenize } from '../mock-zai/content.ts';
import { createMockZai } from '../mock-zai/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist-bench', 'profile');
const [rate = 1000, contentChars = 100_000, reasoningChars = 20_000] = process.argv.slice(2).map(Number);

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
await build({
  root,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
});

const mock = createMockZai({ requireKey: false });
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://profile');
  if (url.pathname.startsWith('/mock-zai/')) {
    request.url = (request.url ?? '/').slice('/mock-zai'.length);
    void mock.handle(request, response);
    return;
  }
  let file = path.join(outDir, path.normalize(decodeURIComponent(url.pathname)));
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
  const cdp = await page.context().newCDPSession(page);
  await page.goto(origin + '/');
  await page.getByLabel('Endpoint', { exact: true }).selectOption('demo');
  await page.getByLabel('Message', { exact: true }).fill('Profile: a long reply.');
  // PROFILE_SCENARIO=huge-table: one of the mock's scenarios (the hostile ones) instead of the long reply.
  const scenario = process.env.PROFILE_SCENARIO;
  mock.queue(scenario ? { name: scenario } : { name: 'long', contentChars, reasoningChars, chunksPerSecond: rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Performance.enable');
  const before = await cdp.send('Performance.getMetrics');
  await cdp.send('Profiler.start');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const tokens = tokenize(longMarkdown(contentChars)).length;
  await page.waitForFunction(
    () => document.querySelector('.reply-pane .reply-status')?.textContent === 'complete',
    null,
    { polling: 250, timeout: (tokens / rate) * 1000 + 120_000 },
  );
  const { profile } = await cdp.send('Profiler.stop');
  const after = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {typeof before} */ list, /** @type {string} */ name) =>
    list.metrics.find((entry) => entry.name === name)?.value ?? 0;
  for (const name of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']) {
    console.log(`${name.padEnd(22)} ${Math.round((metric(after, name) - metric(before, name)) * 1000)} ms`);
  }
  writeFileSync(path.join(root, 'dist-bench', 'profile.cpuprofile'), JSON.stringify(profile));

  // The unminified bundle names each source module in a comment line: map lines back to modules.
  /** @type {Map<string, string[]>} */
  const regions = new Map();
  /** @param {string} file @param {number} line */
  const regionOf = (file, line) => {
    let lines = regions.get(file);
    if (!lines) {
      const source = path.join(outDir, 'assets', file);
      let current = file;
      lines = existsSync(source)
        ? readFileSync(source, 'utf8')
            .split('\n')
            .map((text) => {
              // Rolldown's unminified output starts each module with a `// <path>` line.
              const match = /^\/\/(?:#region)? ((?:src|node_modules)\/\S+\.[cm]?[jt]sx?)$/.exec(text);
              if (match) current = (match[1] ?? file).replace(/^node_modules\/(?:\.pnpm\/)?/, '');
              return current;
            })
        : [];
      regions.set(file, lines);
    }
    return lines[line] ?? file;
  };
  // Self time per node: sample counts × average interval.
  const total = profile.endTime - profile.startTime;
  const interval = total / Math.max(1, profile.samples?.length ?? 1) / 1000;
  // PROFILE_TAIL_MS=600: only the last 600 ms before the reply settled (what happens at the end of the stream);
  // PROFILE_HEAD_MS=3000: only the first 3 s after Send (the reasoning phase of the long reply).
  const tailMs = Number(process.env.PROFILE_TAIL_MS ?? 0);
  const headMs = Number(process.env.PROFILE_HEAD_MS ?? 0);
  /** @type {number[]} */
  const times = [];
  let clock = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) times.push((clock += delta));
  /** @type {Map<number, number>} */
  const hits = new Map();
  (profile.samples ?? []).forEach((id, index) => {
    if (tailMs > 0 && (times[index] ?? 0) < profile.endTime - tailMs * 1000) return;
    if (headMs > 0 && (times[index] ?? 0) > profile.startTime + headMs * 1000) return;
    hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byModule = new Map();
  for (const node of profile.nodes) {
    const self = (hits.get(node.id) ?? 0) * interval;
    if (self === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? path.basename(new URL(url).pathname) : '';
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + self);
    const module = functionName.startsWith('(') ? functionName : file ? regionOf(file, lineNumber) : '(native)';
    byModule.set(module, (byModule.get(module) ?? 0) + self);
  }
  const top = (/** @type {Map<string, number>} */ map, /** @type {number} */ count) =>
    [...map.entries()]
      .filter(([name]) => name !== '(idle)' && !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `${String(Math.round(ms)).padStart(7)} ms  ${name}`)
      .join('\n');
  console.log('\nSelf time by function (top 40):\n' + top(byFunction, 40));
  console.log('\nSelf time by file:\n' + top(byModule, 15));
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
