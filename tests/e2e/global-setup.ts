// Starts the mock Z.ai server on a fixed port for the whole Playwright run. The preview server's proxy points at
// it (see playwright.config.ts), and specs can use it directly as a Custom base URL (it sends CORS headers) and
// drive it through mock-zai/control.ts.
import { startMockServer } from '../../mock-zai/server';
import { mockBaseUrl, mockPort, mockUrl } from './ports';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const mock = await startMockServer({ port: mockPort, chunkDelayMs: Number(process.env.E2E_MOCK_DELAY_MS ?? 5) });
  // Workers inherit the runner's environment.
  process.env.MOCK_ZAI_URL = mockUrl;
  process.env.MOCK_ZAI_BASE_URL = mockBaseUrl;
  return () => mock.close();
}
