// @ts-check
// Builds the app and the baselines (naive, floor) into dist-bench/ and sizes the app's bundle: the initial JS, Monaco, workers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { gzipSize, kb } from './figures.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outRoot = path.join(root, 'dist-bench');

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

export async function buildAll() {
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
  await build({
    root: path.join(root, 'bench', 'floor'),
    configFile: false,
    base: '/floor/',
    logLevel: 'warn',
    build: { outDir: path.join(outRoot, 'floor'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
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
  // Workers are separate bundles: look at the emitted files (dist-bench/app/assets) as well. Only Monaco's count
  // against its budget of one (editor.worker); the app's own (reply stream, code export) are not Monaco's.
  const assetsDir = path.join(outRoot, 'app', 'assets');
  const workers = existsSync(assetsDir)
    ? (await import('node:fs'))
        .readdirSync(assetsDir)
        .filter((name) => /^(editor|json|css|html|ts)\.worker/i.test(name))
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
