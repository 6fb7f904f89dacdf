// Agent prompts end to end in Chromium against the mock, as a user would run them: tools defined in the Tools
// section, two tool rounds with thinking on and streamed arguments, the rounds exported; JSON mode with a schema
// violation; web search sources that load nothing from the sites they name.
import { expect, test, type Page } from '@playwright/test';
import {
  expandSection,
  mock,
  openWithMock,
  receivedBodies,
  send,
  testKey,
  waitUntilIdle,
  withSettings,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

async function answerEveryCall(page: Page, result: (index: number) => string): Promise<void> {
  const cards = page.getByRole('article', { name: 'Tool call get_weather' });
  const count = await cards.count();
  for (let index = 0; index < count; index += 1) await cards.nth(index).getByLabel('Tool result').fill(result(index));
  await page.getByRole('button', { name: 'Send tool results' }).click();
  await waitUntilIdle(page);
}

test('two tool rounds with thinking on and streamed arguments, answered across a reload and exported', async ({
  page,
}) => {
  await openWithMock(page);
  await withSettings(page, async () => {
    await expandSection(page, 'Tools');
    await page.getByLabel('Add an example').selectOption('get_weather');
    await page.getByRole('checkbox', { name: 'Stream tool calls' }).check();
  });

  // Round 1: two cities, two calls streamed piece by piece, reasoning before and between them.
  await send(page, 'Weather in Paris and New York?');
  await waitUntilIdle(page);
  const cards = page.getByRole('article', { name: 'Tool call get_weather' });
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Paris');
  await expect(cards.nth(1)).toContainText('New York');

  // A reload in the middle of the round loses nothing: the calls and a result typed but not sent are still there.
  await cards.nth(0).getByLabel('Tool result').fill('{"temperature": 20}');
  await page.reload();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByLabel('Tool result')).toHaveValue('{"temperature": 20}');
  await answerEveryCall(page, (index) => `{"temperature": ${20 + index}}`);

  // Round 2: another question, another call, answered.
  await send(page, 'And in Tokyo?');
  await waitUntilIdle(page);
  await expect(page.getByRole('article', { name: 'Tool call get_weather' }).last()).toContainText('Tokyo');
  await answerEveryCall(page, () => '{"temperature": 25}');

  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(4);
  const first = bodies[0];
  expect(first?.tool_stream).toBe(true);
  expect(first?.tools).toEqual([expect.objectContaining({ type: 'function' })]);
  const afterRoundOne = bodies[1]?.messages ?? [];
  expect(afterRoundOne.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
  const calls = afterRoundOne[1]?.tool_calls ?? [];
  expect(calls).toHaveLength(2);
  // Interleaved thinking: the reasoning of the tool round in progress goes back unmodified.
  expect(afterRoundOne[1]?.reasoning_content).toBeTruthy();
  expect(afterRoundOne.slice(2).map((message) => message.tool_call_id)).toEqual(
    calls.map((call) => (call as { id: string }).id),
  );
  const last = bodies[3]?.messages ?? [];
  expect(last.map((message) => message.role)).toEqual([
    'user',
    'assistant',
    'tool',
    'tool',
    'assistant',
    'user',
    'assistant',
    'tool',
  ]);

  // The exact last request, exported: the tool round is in the code.
  await withSettings(page, async () => {
    await expandSection(page, 'Request');
    await page.getByRole('button', { name: 'Code', exact: true }).click();
  });
  const panel = page.getByRole('dialog', { name: /code/i });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported).toContain('"tool_call_id"');
  expect(exported).toContain('"name": "get_weather"');
  expect(exported).toContain('Tokyo');
});

test('JSON mode: the answer is checked against the answer schema and every violation is listed', async ({ page }) => {
  await openWithMock(page);
  await withSettings(page, async () => {
    await page.getByRole('combobox', { name: 'Response format' }).selectOption('json_object');
    await page
      .getByLabel('Answer schema (optional)')
      .fill('{"type": "object", "required": ["definitely_missing"], "properties": {}}');
  });
  await send(page, 'Describe a cat as JSON.');
  await waitUntilIdle(page);
  const [body] = await receivedBodies(testKey);
  expect(body?.response_format).toEqual({ type: 'json_object' });
  await expect(page.getByRole('list', { name: 'Schema violations' })).toContainText('definitely_missing');
});

test('web search results show as sources, and nothing loads from the sites they name', async ({ page }) => {
  const thirdParty: string[] = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') thirdParty.push(request.url());
  });
  await openWithMock(page);
  await withSettings(page, async () => {
    await expandSection(page, 'Tools');
    await page.getByText('Web search', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Return the search results' }).check();
  });
  await send(page, 'What is new in GLM models?');
  await waitUntilIdle(page);
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.first()).toBeVisible();
  await expect(sources.first().getByRole('link').first()).toHaveAttribute('rel', /noopener/);
  expect(thirdParty).toEqual([]);
});
