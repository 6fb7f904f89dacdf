// What `vite` and `vite preview` serve besides the app: the same-origin proxy (/proxy) and the offline demo
// (/mock-zai, the mock Z.ai server in-process, no key needed).
import type { Connect, Plugin } from 'vite';
import { createMockZai } from '../mock-zai/server.ts';
import { createProxyMiddleware, proxyUpstreams, type Log } from './proxy.ts';

export function playgroundServerPlugin(): Plugin {
  const upstreams = proxyUpstreams();
  const demo = createMockZai({ chunkDelayMs: Number(process.env.GLM_DEMO_DELAY_MS ?? 15), requireKey: false });
  const install = (middlewares: Connect.Server, log: Log) => {
    middlewares.use('/proxy', createProxyMiddleware(upstreams, log));
    middlewares.use('/mock-zai', (request, response, next) => void demo.handle(request, response, next));
  };
  return {
    name: 'glm-playground-server',
    configureServer(server) {
      install(server.middlewares, (message) => server.config.logger.warn(message));
    },
    configurePreviewServer(server) {
      install(server.middlewares, (message) => server.config.logger.warn(message));
    },
  };
}
