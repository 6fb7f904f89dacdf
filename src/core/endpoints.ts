// Endpoint presets from docs/wire-format.md#endpoints. "proxy" and "demo" are served by the app's own
// Vite dev/preview plugin on the same origin, so they work without CORS.

export type EndpointPresetId = 'zai' | 'bigmodel' | 'zai-coding' | 'bigmodel-coding' | 'proxy' | 'demo' | 'custom';

export interface EndpointPreset {
  id: EndpointPresetId;
  label: string;
  /** Absolute upstream URL, or a same-origin path for proxy/demo. Empty for custom. */
  baseUrl: string;
}

export const endpointPresets: readonly EndpointPreset[] = [
  { id: 'zai', label: 'Z.ai (international)', baseUrl: 'https://api.z.ai/api/paas/v4' },
  { id: 'bigmodel', label: 'BigModel (mainland)', baseUrl: 'https://open.bigmodel.cn/api/paas/v4' },
  { id: 'zai-coding', label: 'Z.ai Coding Plan', baseUrl: 'https://api.z.ai/api/coding/paas/v4' },
  { id: 'bigmodel-coding', label: 'BigModel Coding Plan', baseUrl: 'https://open.bigmodel.cn/api/coding/paas/v4' },
  { id: 'proxy', label: 'Local proxy (same origin)', baseUrl: '/proxy/zai/api/paas/v4' },
  { id: 'demo', label: 'Offline demo (mock server)', baseUrl: '/mock-zai/api/paas/v4' },
  { id: 'custom', label: 'Custom', baseUrl: '' },
];

/** The path shared by the Coding Plan endpoints (direct or through the local proxy). */
const codingPlanPath = '/api/coding/paas/v4';

/**
 * Does this endpoint keep earlier turns' reasoning by default? The Coding Plan endpoints do (preserved thinking on
 * server-side), the general ones do not (docs/wire-format.md#preserved-thinking).
 */
export function endpointKeepsReasoning(baseUrl: string): boolean {
  return baseUrl.replace(/\/+$/, '').includes(codingPlanPath);
}

export const chatCompletionsPath = '/chat/completions';

export function chatCompletionsUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '') + chatCompletionsPath;
}

/** Same-origin proxy routes served by the Vite plugin: `/proxy/<key>/<path>` → `<upstream origin>/<path>`. */
export const proxyRoutes: Readonly<Record<string, string>> = {
  zai: 'https://api.z.ai',
  bigmodel: 'https://open.bigmodel.cn',
};

/** The proxy path for a direct upstream URL, or null when the host has no proxy route. */
export function proxiedBaseUrl(baseUrl: string): string | null {
  for (const [key, origin] of Object.entries(proxyRoutes)) {
    if (baseUrl === origin || baseUrl.startsWith(origin + '/')) return `/proxy/${key}${baseUrl.slice(origin.length)}`;
  }
  return null;
}

/** The offline demo's mock server mirrors the Z.ai paths under this prefix (same origin, or a full URL). */
export const demoPathPrefix = /^(?:https?:\/\/[^/]+)?\/mock-zai(?=\/|$)/;

/** The real upstream for a proxied path (exported code never points at the local proxy). */
export function upstreamBaseUrl(baseUrl: string): string {
  const match = /^\/proxy\/([a-z]+)(\/.*)?$/.exec(baseUrl);
  if (!match) return baseUrl;
  const origin = proxyRoutes[match[1] ?? ''];
  return origin ? origin + (match[2] ?? '') : baseUrl;
}
