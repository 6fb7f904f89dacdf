#!/usr/bin/env node
// @ts-check
// `npm run test:faults`: the stream and network fault scenarios, one line per scenario, then the summary
// line "N passed, N failed".
//
// Standalone it builds the app and runs the fault tests (Playwright faults spec + the fault unit/component tests).
// Inside `npm test` (scripts/test.mjs) it runs nothing: `--from-reports <vitest.json> <playwright.json>` prints the
// fault scenarios from the reports of the main test steps, so no test runs twice and none is counted twice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/**
 * @typedef {object} Source
 * @property {string} file Path from the repository root.
 * @property {string} layer Shown after each line: e2e, component or unit.
 * @property {(titles: string[]) => boolean} [include] Filter on [...describe titles, test title]; default all.
 */

/** Where the fault scenarios live. Unit tests of the stream reader count where they are about a fault. */
/** @type {Source[]} */
const sources = [
  { file: 'tests/e2e/faults.spec.ts', layer: 'e2e' },
  { file: 'tests/e2e/hostile.spec.ts', layer: 'e2e' },
  { file: 'tests/components/stream-faults.test.tsx', layer: 'component' },
  {
    file: 'tests/components/reply-errors.test.tsx',
    layer: 'component',
    include: (titles) => titles[0] === 'stream faults',
  },
  { file: 'tests/unit/retry.test.ts', layer: 'unit' },
  // Saved state that cannot be fully read, a damaged connection record, two tabs, the worker protocol's faults.
  {
    file: 'tests/e2e/persistence.spec.ts',
    layer: 'e2e',
    include: (titles) =>
      /corrupt|damaged|blow the renderer|two tabs|4 MB|localStorage format/.test(titles[titles.length - 1] ?? ''),
  },
  {
    file: 'tests/e2e/large-inputs.spec.ts',
    layer: 'e2e',
    include: (titles) => /survives a reload that comes while/.test(titles[titles.length - 1] ?? ''),
  },
  {
    file: 'tests/components/persistence.test.tsx',
    layer: 'component',
    include: (titles) => /kept aside|full storage/.test(titles[0] ?? ''),
  },
  { file: 'tests/components/cross-tab.test.tsx', layer: 'component' },
  // IndexedDB: the move from localStorage, a full or failing database, two tabs on it.
  { file: 'tests/components/state-database.test.tsx', layer: 'component' },
  { file: 'tests/unit/saved-connection.test.ts', layer: 'unit' },
  {
    file: 'tests/unit/stream-host.test.ts',
    layer: 'unit',
    include: (titles) => /dropped|error payload|stops|cannot start/.test(titles[titles.length - 1] ?? ''),
  },
  { file: 'tests/unit/hostile-stream.test.ts', layer: 'unit' },
  {
    file: 'tests/unit/streaming.test.ts',
    layer: 'unit',
    include: (titles) =>
      /stall|stop|network failures/.test(titles[0] ?? '') ||
      /interrupted|malformed|unknown event|error payload|\{"error"|\[DONE\]|"length"|dropped/i.test(
        titles[titles.length - 1] ?? '',
      ),
  },
];

const root = process.cwd();
const vitestFiles = sources.filter((source) => !source.file.startsWith('tests/e2e/')).map((source) => source.file);
const playwrightFiles = sources.filter((source) => source.file.startsWith('tests/e2e/')).map((source) => source.file);

/** @typedef {{ status: 'pass' | 'fail' | 'skip', title: string, layer: string }} Line */

/** @param {string} file @returns {unknown} */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** @param {unknown} value @returns {Record<string, unknown>} */
function record(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? /** @type {Record<string, unknown>} */ (value)
    : {};
}

/** A report's text field; anything else (missing, or not a string) is the fallback. @param {unknown} value */
function text(value, fallback = '') {
  return typeof value === 'string' ? value : fallback;
}

/** @param {unknown} value @returns {unknown[]} */
function list(value) {
  return Array.isArray(value) ? value : [];
}

/** @param {string} path */
function toRepositoryPath(path) {
  const relativePath = path.startsWith(root) ? relative(root, path) : path;
  return relativePath.split(sep).join('/');
}

/** @param {string} file */
function sourceFor(file) {
  return sources.find(
    (source) => file === source.file || file.endsWith('/' + source.file) || source.file.endsWith('/' + file),
  );
}

/** @param {unknown} report @returns {Line[]} */
function vitestLines(report) {
  if (report === null)
    return [{ status: 'fail', title: 'no vitest report: the unit/component tests did not run', layer: 'unit' }];
  /** @type {Line[]} */
  const lines = [];
  for (const fileResult of list(record(report).testResults)) {
    const file = toRepositoryPath(text(record(fileResult).name));
    const source = sourceFor(file);
    if (!source) continue;
    const assertions = list(record(fileResult).assertionResults);
    if (assertions.length === 0 && record(fileResult).status === 'failed') {
      lines.push({ status: 'fail', title: `${file}: the test file failed to load`, layer: source.layer });
      continue;
    }
    for (const assertion of assertions) {
      const entry = record(assertion);
      const titles = [...list(entry.ancestorTitles).map(String), text(entry.title)];
      if (source.include && !source.include(titles)) continue;
      const status = entry.status === 'passed' ? 'pass' : entry.status === 'failed' ? 'fail' : 'skip';
      const title = source.file.includes('stream-faults') ? (titles[titles.length - 1] ?? '') : titles.join(' › ');
      lines.push({ status, title, layer: source.layer });
    }
  }
  const reported = new Set(
    list(record(report).testResults).map((result) => toRepositoryPath(text(record(result).name))),
  );
  for (const file of vitestFiles) {
    if (!reported.has(file))
      lines.push({
        status: 'fail',
        title: `${file}: missing from the vitest report`,
        layer: sourceFor(file)?.layer ?? 'unit',
      });
  }
  return lines;
}

/**
 * @param {unknown} suite
 * @param {string[]} titles
 * @param {Source | undefined} source
 * @param {Line[]} lines
 */
function collectPlaywrightSuite(suite, titles, source, lines) {
  const entry = record(suite);
  const file = typeof entry.file === 'string' ? entry.file : null;
  const current = source ?? (file ? sourceFor('tests/e2e/' + file.replace(/^tests\/e2e\//, '')) : undefined);
  for (const spec of list(entry.specs)) {
    const specEntry = record(spec);
    if (!current) continue;
    for (const test of list(specEntry.tests)) {
      const status = record(test).status;
      lines.push({
        status: status === 'expected' || status === 'flaky' ? 'pass' : status === 'skipped' ? 'skip' : 'fail',
        title: text(specEntry.title),
        layer: current.layer,
      });
    }
  }
  for (const child of list(entry.suites))
    collectPlaywrightSuite(child, [...titles, text(record(child).title)], current, lines);
}

/** @param {unknown} report @returns {Line[]} */
function playwrightLines(report) {
  if (report === null)
    return [{ status: 'fail', title: 'no Playwright report: the end-to-end fault tests did not run', layer: 'e2e' }];
  /** @type {Line[]} */
  const lines = [];
  for (const suite of list(record(report).suites)) collectPlaywrightSuite(suite, [], undefined, lines);
  for (const error of list(record(report).errors)) {
    lines.push({
      status: 'fail',
      title: `Playwright: ${text(record(error).message, 'error').split('\n')[0]}`,
      layer: 'e2e',
    });
  }
  if (!lines.some((line) => line.layer === 'e2e'))
    lines.push({
      status: 'fail',
      title: `${playwrightFiles.join(', ')}: no results in the Playwright report`,
      layer: 'e2e',
    });
  return lines;
}

/** @param {Line[]} lines @returns {boolean} true when nothing failed */
function printSummary(lines) {
  console.log('\n== Fault scenarios ==');
  for (const line of lines) {
    const label = line.status === 'pass' ? 'PASS' : line.status === 'fail' ? 'FAIL' : 'SKIP';
    console.log(`${label}  ${line.title} (${line.layer})`);
  }
  const passed = lines.filter((line) => line.status === 'pass').length;
  const failed = lines.filter((line) => line.status === 'fail').length;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

/** @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`Could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

function runStandalone() {
  const directory = mkdtempSync(join(tmpdir(), 'glm-playground-faults-'));
  const vitestReport = join(directory, 'vitest.json');
  const playwrightReport = join(directory, 'playwright.json');
  try {
    const built = process.argv.includes('--no-build') || run('npx', ['vite', 'build', '--logLevel', 'warn']);
    run('npx', [
      'vitest',
      'run',
      ...vitestFiles,
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ]);
    if (built)
      run('npx', ['playwright', 'test', ...playwrightFiles, '--reporter=dot,json'], {
        PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
      });
    const lines = [
      ...playwrightLines(built ? readJson(playwrightReport) : null),
      ...vitestLines(readJson(vitestReport)),
    ];
    return printSummary(lines);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function printFromReports() {
  const index = process.argv.indexOf('--from-reports');
  const vitestReport = process.argv[index + 1];
  const playwrightReport = process.argv[index + 2];
  if (!vitestReport || !playwrightReport) {
    console.error('Usage: node scripts/test-faults.mjs [--no-build] | --from-reports <vitest.json> <playwright.json>');
    return false;
  }
  return printSummary([...playwrightLines(readJson(playwrightReport)), ...vitestLines(readJson(vitestReport))]);
}

const ok = process.argv.includes('--from-reports') ? printFromReports() : runStandalone();
process.exit(ok ? 0 : 1);
