#!/usr/bin/env node
// @ts-check
// `npm test`: every check, in order, stopping at the first failure. Ends with a summary whose last line is
// "N passed, N failed" (tests counted from the vitest and Playwright JSON reports; a failing non-test step
// counts as one failure), because CI judges by that line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromiumPath = '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium';
const reportDirectory = mkdtempSync(join(tmpdir(), 'glm-playground-test-'));
const vitestReport = join(reportDirectory, 'vitest.json');
const playwrightReport = join(reportDirectory, 'playwright.json');

/** @typedef {{ passed: number, failed: number }} Counts */
/**
 * @typedef {object} Step
 * @property {string} title
 * @property {() => boolean} run True when the step succeeded.
 * @property {() => Counts | null} [count] Test counts from the step's report (null when there is none).
 */

/** @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  if (result.error) console.error(`Could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

/** @param {string} file @returns {unknown} */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** @param {unknown} value @param {string} key */
function numberAt(value, key) {
  if (typeof value !== 'object' || value === null) return 0;
  const field = /** @type {Record<string, unknown>} */ (value)[key];
  return typeof field === 'number' ? field : 0;
}

function ensureChromium() {
  if (existsSync(chromiumPath)) {
    console.log(`Chromium found at ${chromiumPath}.`);
    return true;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is missing (${chromiumPath}). Install Debian's package, then run npm test again:\n\n  sudo ${installCommand.replace('&& apt-get', '&& sudo apt-get')}\n`,
    );
    return false;
  }
  console.log(`Chromium is missing; installing Debian's chromium package: ${installCommand}`);
  const installed = run('bash', ['-c', installCommand], { DEBIAN_FRONTEND: 'noninteractive' });
  return installed && existsSync(chromiumPath);
}

/** @type {Step[]} */
const steps = [
  { title: `Chromium (${chromiumPath})`, run: ensureChromium },
  { title: 'Format (prettier --check)', run: () => run('npm', ['run', 'format:check']) },
  { title: 'Typecheck (tsc)', run: () => run('npm', ['run', 'typecheck']) },
  { title: 'Lint (eslint, no warnings)', run: () => run('npm', ['run', 'lint']) },
  {
    title: 'Unit and component tests (vitest)',
    run: () =>
      run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]),
    count: () => {
      const report = readJson(vitestReport);
      return report ? { passed: numberAt(report, 'numPassedTests'), failed: numberAt(report, 'numFailedTests') } : null;
    },
  },
  { title: 'Production build (vite build)', run: () => run('npm', ['run', 'build']) },
  { title: 'Start-up JS budget (dist/)', run: () => run('node', ['scripts/bundle-budget.mjs', 'dist']) },
  {
    title: 'End-to-end tests (Playwright, Chromium, mock server)',
    run: () => run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport }),
    count: () => {
      const report = readJson(playwrightReport);
      if (!report) return null;
      const stats = /** @type {Record<string, unknown>} */ (report).stats;
      return { passed: numberAt(stats, 'expected') + numberAt(stats, 'flaky'), failed: numberAt(stats, 'unexpected') };
    },
  },
  {
    // One line per fault scenario, read from the two reports above: nothing runs or counts twice.
    title: 'Fault scenarios (npm run test:faults, from the reports above)',
    run: () => run('node', ['scripts/test-faults.mjs', '--from-reports', vitestReport, playwrightReport]),
  },
];

const started = Date.now();
/** @type {string[]} */
const lines = [];
let passed = 0;
let failed = 0;
let ok = true;

for (const [index, step] of steps.entries()) {
  const header = `[${index + 1}/${steps.length}] ${step.title}`;
  console.log(`\n${'='.repeat(header.length + 6)}\n== ${header} ==\n${'='.repeat(header.length + 6)}`);
  const stepStarted = Date.now();
  const succeeded = step.run();
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  const counts = step.count ? step.count() : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  // A failed step without test counts (or whose report is missing) still counts as one failure.
  if (!succeeded && (!counts || counts.failed === 0)) failed += 1;
  const detail = counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : '';
  lines.push(`${succeeded ? 'ok  ' : 'FAIL'} ${step.title}${detail} — ${seconds} s`);
  if (!succeeded) {
    ok = false;
    for (const skipped of steps.slice(index + 1)) lines.push(`skip ${skipped.title}`);
    break;
  }
}

rmSync(reportDirectory, { recursive: true, force: true });
console.log(`\n== Summary (${((Date.now() - started) / 1000).toFixed(0)} s) ==`);
for (const line of lines) console.log(line);
console.log(ok ? 'All checks passed.' : 'Stopped at the first failure.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
