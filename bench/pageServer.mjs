// @ts-check
// Serves both builds and the project's mock Z.ai server (under /mock-zai/) from one origin, and logs when each write
// of the current stream went out.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createMockZai } from '../mock-zai/server.ts';
import { outRoot } from './bundle.mjs';
import { nowMs } from './figures.mjs';

/** @typedef {{ mock: ReturnType<typeof createMockZai>, origin: string }} BenchServer */

/** @type {Record<string, string>} */
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
export const delivery = { writes: /** @type {{ at: number, deltas: number }[]} */ ([]), total: 0, ended: false };

export function deliveredAt(/** @type {number} */ deltas) {
  return delivery.writes.find((write) => write.deltas >= deltas)?.at ?? null;
}

export async function startServer() {
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
    // The baselines live under their own path (/naive/, /floor/); everything else is the app.
    const baseline = ['naive', 'floor'].find((name) => url.pathname.startsWith(`/${name}/`));
    const base = path.join(outRoot, baseline ?? 'app');
    const relative = baseline ? url.pathname.slice(baseline.length + 1) : url.pathname;
    let file = path.join(base, path.normalize(decodeURIComponent(relative)));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(base, 'index.html');
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
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
