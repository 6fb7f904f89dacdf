// @ts-check
// `npm run bench`: builds the app and two baselines (naive: react-markdown on every delta; floor: a bare page that
// only reads the stream), serves both with the project's mock Z.ai server in-process,
// drives /usr/bin/chromium with Playwright and prints one screen of figures (initial load, streaming, input while
// streaming, memory), with the targets. Full results go to bench/results/latest.json.
// Not part of `npm test`: it takes a few minutes and its figures depend on the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { buildAll, root } from './bundle.mjs';
import { round } from './figures.mjs';
import { startServer } from './pageServer.mjs';
import { printTable } from './report.mjs';
import { hostileRun } from './hostile.mjs';
import { largeInputsRun } from './largeInputs.mjs';
import { conversationRun, loadRun, typingRun } from './scenarios.mjs';
import { combineRuns, streamRun } from './streamMeasurement.mjs';
import {
  answerAlone,
  conversation,
  fast,
  fastAppRuns,
  reasoningAlone,
  sampleEveryMs,
  slow,
  targets,
  typing,
} from './workloads.mjs';

/** @typedef {import('./workloads.mjs').Variant} Variant */
/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./report.mjs').LoadResult} LoadResult */

const resultsFile = path.join(root, 'bench', 'results', 'latest.json');

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
    if (wanted('load:floor')) results['load:floor'] = await loadRun(browser, server.origin, 'floor');
    for (const [name, workload] of /** @type {const} */ ([
      ['fast', fast],
      ['slow', slow],
    ])) {
      for (const variant of /** @type {const} */ (['app', 'naive', 'floor'])) {
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
    if (wanted('large')) {
      results.large = await largeInputsRun(browser, server);
      console.log('large', JSON.stringify(results.large));
    }
    if (wanted('hostile')) {
      const load = os.loadavg().map((value) => round(value, 1));
      results.hostile = {
        ...(await hostileRun(browser, server)),
        loadAverage: [load, os.loadavg().map((value) => round(value, 1))],
      };
    }
    writeFileSync(path.join(root, 'bench', 'results', 'partial.tmp'), JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const started = Date.now();
  console.log('Building the app and the baselines (naive, floor)…');
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
    const loadRuns = { app: [], naive: [], floor: [] };
    // Alternating app and floor runs, so that both see the same machine load; fifteen of each, as a single cold load
    // varies by ±40 % here (the floor page from 40 to 110 ms) and the ratio is of medians.
    for (let index = 0; index < 15; index++) {
      loadRuns.app.push(await loadRun(browser, server.origin, 'app'));
      loadRuns.floor.push(await loadRun(browser, server.origin, 'floor'));
    }
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
      floor: medianLoad(loadRuns.floor),
      composerPaintedMs: loadRuns.app.map((run) => round(run.composerPainted)),
      floorPaintedMs: loadRuns.floor.map((run) => round(run.composerPainted)),
    };

    /** @param {Variant} variant @param {Workload} workload */
    const streamOne = (variant, workload) => {
      console.log(
        `Streaming ${variant} at ${workload.rate}/s (${workload.contentChars} + ${workload.reasoningChars} chars)…`,
      );
      return streamRun(browser, server, variant, workload);
    };
    // The app's fast runs alternate with the baselines' (app, naive, app, floor, app…), so that a change in the
    // machine's load falls on all of them.
    const streamFast = async () => {
      const appRuns = [await streamOne('app', fast)];
      const naive = await streamOne('naive', fast);
      if (appRuns.length < fastAppRuns) appRuns.push(await streamOne('app', fast));
      const floor = await streamOne('floor', fast);
      while (appRuns.length < fastAppRuns) appRuns.push(await streamOne('app', fast));
      return { app: combineRuns(appRuns), naive, floor };
    };
    const streamSlow = async () => {
      const app = await streamOne('app', slow);
      const naive = await streamOne('naive', slow);
      return { app, naive, floor: await streamOne('floor', slow) };
    };
    const runs = { fast: await streamFast(), slow: await streamSlow() };
    console.log('Streaming the app: reasoning alone, then the answer alone…');
    const phases = {
      reasoning: await streamRun(browser, server, 'app', reasoningAlone),
      answer: await streamRun(browser, server, 'app', answerAlone),
    };
    /** @param {Variant} variant */
    const typeWhile = (variant) => {
      console.log(`Typing while ${variant} streams…`);
      return typingRun(browser, server, variant, fast);
    };
    const inputApp = await typeWhile('app');
    const input = { app: inputApp, naive: await typeWhile('naive') };
    console.log(`Memory: ${conversation.replies} replies in one conversation…`);
    const memory = await conversationRun(browser, server);
    console.log('Large inputs: a 500-turn conversation and a 4 MB draft…');
    const large = await largeInputsRun(browser, server);
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
      workloads: { fast, slow, reasoningAlone, answerAlone, typing, conversation, sampleEveryMs },
      targets,
      bundle,
      loads,
      loadRuns,
      fast: runs.fast,
      slow: runs.slow,
      phases,
      input,
      memory,
      large,
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
