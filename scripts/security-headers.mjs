// @ts-check
// The Content-Security-Policy and the other security headers, in one place: index.html carries the same policy in a
// <meta> tag (tests/unit/key-leak.test.ts keeps the two equal), and vite.config.ts sends the headers from the
// dev and preview servers through securityHeadersPlugin().
//
// Why each directive (see also README "Content-Security-Policy"):
// - script-src 'self': no inline script, no eval. Monaco is bundled (no CDN loader) and its worker is a same-origin
//   file, so worker-src 'self' suffices; blob: is allowed for workers only, for bundlers that inline a worker.
// - style-src 'unsafe-inline': Monaco and React inject <style> elements and style attributes at run time. Styles
//   cannot run script, so this is the usual, accepted relaxation.
// - img-src https:: remote images in replies are never loaded automatically (the Markdown renderer shows a
//   placeholder); the "Load image" click then needs https: here. Trade-off: the renderer, not the CSP, is the guard
//   against an image URL carrying the conversation away; the CSP still blocks http: and other schemes.
// - connect-src https:: a meta CSP cannot follow the Base URL setting at run time, so a custom https endpoint must be
//   allowed up front. The named Z.ai/BigModel origins are listed for documentation (https: already covers them);
//   http://localhost and http://127.0.0.1 serve local gateways and the mock.
// - frame-ancestors is ignored in a <meta> CSP: it only works as a header (so does X-Frame-Options).

/** @type {Readonly<Record<string, readonly string[]>>} */
export const cspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': [
    "'self'",
    'https://api.z.ai',
    'https://open.bigmodel.cn',
    'http://localhost:*',
    'http://127.0.0.1:*',
    'https:',
  ],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** @param {Readonly<Record<string, readonly string[]>>} directives */
function policyText(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as index.html's <meta http-equiv="Content-Security-Policy"> states it. */
export const metaContentSecurityPolicy = policyText(cspDirectives);

/** The header adds what a meta tag cannot express. */
export const headerContentSecurityPolicy = policyText({ ...cspDirectives, 'frame-ancestors': ["'none'"] });

/** Sent with every response of `vite preview` (what the end-to-end tests and a static deployment use). */
export const securityHeaders = {
  'Content-Security-Policy': headerContentSecurityPolicy,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `vite` (dev) needs two relaxations: the React Fast Refresh preamble is an inline module script, and hot reload
 * talks over a WebSocket. The dev server therefore rewrites the meta tag to this policy; builds keep the strict one.
 */
export const devContentSecurityPolicy = policyText({
  ...cspDirectives,
  'script-src': ["'self'", "'unsafe-inline'"],
  'connect-src': [...(cspDirectives['connect-src'] ?? []), 'ws:', 'wss:'],
});

/**
 * Vite plugin: security headers on every response of the dev and preview servers, and the dev-only meta policy.
 * @returns {import('vite').Plugin}
 */
export function securityHeadersPlugin() {
  /** @param {'dev' | 'preview'} mode @returns {import('vite').Connect.NextHandleFunction} */
  const middleware = (mode) => (_request, response, next) => {
    for (const [name, value] of Object.entries(securityHeaders)) {
      response.setHeader(
        name,
        name === 'Content-Security-Policy' && mode === 'dev'
          ? devContentSecurityPolicy + "; frame-ancestors 'none'"
          : value,
      );
    }
    next();
  };
  return {
    name: 'glm-playground-security-headers',
    configureServer(server) {
      server.middlewares.use(middleware('dev'));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware('preview'));
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.server) return html;
        return html.replace(metaContentSecurityPolicy, devContentSecurityPolicy);
      },
    },
  };
}
