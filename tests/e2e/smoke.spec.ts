import { expect, test } from '@playwright/test';
import { mockControl } from '../../mock-zai/control';
import { mockBaseUrl, mockUrl } from './ports';

test('the built app loads with the title "GLM Playground"', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page).toHaveTitle('GLM Playground');
  expect(errors).toEqual([]);
});

// The preview server's plugin: the same-origin proxy reaches the upstream (the mock, via GLM_PROXY_ZAI), and the
// offline demo answers in-process. Both are what the app relies on when CORS blocks a direct call.
test('the preview server proxies /proxy/zai to the upstream and serves the offline demo', async ({ request }) => {
  const mock = mockControl(mockUrl);
  await mock.reset();
  const body = { model: 'glm-4.5', stream: true, messages: [{ role: 'user', content: 'smoke' }] };
  for (const path of ['/proxy/zai/api/paas/v4/chat/completions', '/mock-zai/api/paas/v4/chat/completions']) {
    const response = await request.post(path, { headers: { Authorization: 'Bearer smoke-key' }, data: body });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/event-stream;charset=UTF-8');
    const text = await response.text();
    expect(text).toContain('“smoke”');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  }
  // Only the proxied call reached the mock server; the demo is served by the preview server itself.
  const received = await mock.requests();
  expect(received.map((entry) => [entry.path, entry.headers.authorization])).toEqual([
    ['/api/paas/v4/chat/completions', 'Bearer smoke-key'],
  ]);
});

// The mock as a Custom base URL from the page: with CORS a cross-origin stream is readable (and Retry-After is
// exposed); with CORS off it fails like api.z.ai does, with a TypeError and no status.
test('a direct cross-origin call to the mock works with CORS and fails like api.z.ai without it', async ({ page }) => {
  const mock = mockControl(mockUrl);
  await mock.reset();
  await page.goto('/');
  const call = (url: string) =>
    page.evaluate(async (target) => {
      try {
        const response = await fetch(target, {
          method: 'POST',
          headers: { Authorization: 'Bearer smoke-key', 'Content-Type': 'application/json' },
          body: JSON.stringify({
            model: 'glm-4.5',
            stream: true,
            messages: [{ role: 'user', content: 'hello [mock:error-429]' }],
          }),
        });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), error: null };
      } catch (error) {
        return { status: null, retryAfter: null, error: error instanceof Error ? error.name : String(error) };
      }
    }, url);
  expect(await call(`${mockBaseUrl}/chat/completions`)).toEqual({ status: 429, retryAfter: '2', error: null });
  await mock.configure({ cors: false });
  try {
    expect(await call(`${mockBaseUrl}/chat/completions`)).toEqual({
      status: null,
      retryAfter: null,
      error: 'TypeError',
    });
  } finally {
    await mock.reset();
  }
});
