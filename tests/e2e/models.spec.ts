// Model-specific controls end to end: reasoning effort on a model that takes it, and preserved thinking following
// the Coding Plan endpoint's default.
import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import {
  expandSection,
  mock,
  mockUrl,
  openWithMock,
  receivedBodies,
  send,
  testKey,
  turn,
  waitUntilIdle,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

function requestBody(page: Page): Locator {
  return page.getByRole('region', { name: 'Request' }).getByLabel('Request body', { exact: true });
}

test('glm-5.2 from the catalogue: a reasoning effort level shows in the preview and reaches the API', async ({
  page,
}) => {
  await openWithMock(page);
  await page.getByRole('combobox', { name: 'Catalogue' }).selectOption('glm-5.2');
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('glm-5.2');
  const effort = page.getByRole('combobox', { name: 'Reasoning effort' });
  await expect(effort).toHaveValue('max');
  await expect(requestBody(page)).not.toContainText('reasoning_effort');

  await effort.selectOption('high');
  await expect(requestBody(page)).toContainText('"reasoning_effort": "high"');
  await send(page, 'Think hard, but not too hard');
  await waitUntilIdle(page);
  const [body] = await receivedBodies(testKey);
  expect(body).toMatchObject({ model: 'glm-5.2', reasoning_effort: 'high', thinking: { type: 'enabled' } });
});

// The Coding Plan preset calls api.z.ai; here its requests are answered by the mock (nothing leaves the machine).
async function answerFromMock(route: Route): Promise<void> {
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type, accept-language',
    'access-control-allow-methods': 'POST, OPTIONS',
  };
  if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  const response = await route.fetch({ url: `${mockUrl}/api/coding/paas/v4/chat/completions` });
  return route.fulfill({ response, headers: { ...response.headers(), ...cors } });
}

test('Coding Plan preset: earlier reasoning goes back by default, with clear_thinking false', async ({ page }) => {
  await page.route('https://api.z.ai/api/coding/paas/v4/**', answerFromMock);
  await page.goto('/');
  await expandSection(page, 'Connection');
  await page.getByLabel('Endpoint').selectOption({ label: 'Z.ai Coding Plan' });
  await expect(page.getByLabel('Base URL')).toHaveValue('https://api.z.ai/api/coding/paas/v4');
  await page.getByLabel('API key', { exact: true }).fill(testKey);
  await expect(page.getByRole('checkbox', { name: 'Preserve reasoning' })).toBeChecked();

  const reasoning = 'Two apples and three apples make five.';
  await mock.queue({ name: 'reply', key: testKey, reasoning, content: '5' });
  await send(page, 'What is 2 + 3 apples?');
  await waitUntilIdle(page);
  await expect(turn(page, 'assistant turn 2').getByText('Reasoning (sent back)')).toBeVisible();
  await expect(page.getByText(/Earlier reasoning goes back with message 2/)).toBeVisible();
  await send(page, 'And one more?');
  await waitUntilIdle(page);

  const [first, second] = await receivedBodies(testKey);
  expect(first?.thinking).toEqual({ type: 'enabled', clear_thinking: false });
  expect(second?.thinking).toEqual({ type: 'enabled', clear_thinking: false });
  expect(second?.messages[1]).toMatchObject({ role: 'assistant', reasoning_content: reasoning });
});
