// The same-origin proxy of `vite` and `vite preview`: `/proxy/<key>/<path>` → `<upstream>/<path>`, so the app can
// reach api.z.ai, which sends no CORS headers, from the browser.
import http from 'node:http';
import https from 'node:https';
import { proxyRoutes } from '../src/core/endpoints.ts';

/** Only these request headers reach the upstream (no cookies, no Origin/Referer of the local page). */
const forwardedRequestHeaders = ['authorization', 'content-type', 'content-length', 'accept', 'accept-language'];
/** Hop-by-hop and cross-origin headers that must not be copied from the upstream response. */
const droppedResponseHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'content-encoding',
]);

/**
 * Upstream origin per proxy key: proxyRoutes from src/core/endpoints.ts, each overridable by an env variable
 * GLM_PROXY_<KEY> (e.g. GLM_PROXY_ZAI=http://127.0.0.1:4180) so tests can point the proxy at the mock server.
 */
export function proxyUpstreams(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const upstreams: Record<string, string> = {};
  for (const [key, origin] of Object.entries(proxyRoutes)) {
    upstreams[key] = (env[`GLM_PROXY_${key.toUpperCase()}`] ?? origin).replace(/\/+$/, '');
  }
  return upstreams;
}

function sendProxyError(response: http.ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: String(status), message } });
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=UTF-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

export type Log = (message: string) => void;

/**
 * Same-origin proxy, mounted at /proxy: `/proxy/<key>/<path>` → `<upstream>/<path>`. Streams both ways without
 * buffering, so SSE arrives token by token. Never logs headers (the Authorization header carries the key).
 */
export function createProxyMiddleware(
  upstreams: Record<string, string>,
  log: Log = () => undefined,
): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  return (request, response) => {
    const match = /^\/([a-z0-9-]+)(\/[^?]*)?(\?.*)?$/.exec(request.url ?? '');
    const key = match?.[1] ?? '';
    const upstream = Object.hasOwn(upstreams, key) ? upstreams[key] : undefined;
    if (!match || upstream === undefined) {
      sendProxyError(response, 404, `No proxy route "${key}". Known routes: ${Object.keys(upstreams).join(', ')}.`);
      return;
    }
    const target = new URL(upstream + (match[2] ?? '/') + (match[3] ?? ''));
    const headers: Record<string, string> = { 'user-agent': 'glm-playground-proxy' };
    for (const name of forwardedRequestHeaders) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const client = target.protocol === 'https:' ? https : http;
    const outgoing = client.request(target, { method: request.method, headers }, (incoming) => {
      response.statusCode = incoming.statusCode ?? 502;
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value === undefined || droppedResponseHeaders.has(name) || name.startsWith('access-control-')) continue;
        response.setHeader(name, value);
      }
      response.setHeader('Cache-Control', 'no-cache, no-transform');
      response.setHeader('X-Accel-Buffering', 'no');
      response.flushHeaders();
      incoming.pipe(response);
      // An upstream that drops the connection mid-stream must look dropped to the browser too, not complete.
      incoming.on('close', () => {
        if (!incoming.complete) response.destroy();
      });
    });
    outgoing.setNoDelay(true);
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      log(
        `[glm-proxy] ${request.method ?? 'GET'} ${target.origin}${target.pathname} failed: ${error.code ?? error.message}`,
      );
      if (response.headersSent) response.destroy();
      else
        sendProxyError(
          response,
          502,
          `The local proxy could not reach ${target.origin} (${error.code ?? error.message}).`,
        );
    });
    // The browser stopped (Stop button, closed tab): stop the upstream request too.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    request.pipe(outgoing);
  };
}
