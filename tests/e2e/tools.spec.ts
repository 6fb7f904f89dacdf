// A tool round end to end in Chromium against the mock: the reply's tool call shows as a card, the user writes its
// result, and "Send tool results" sends the assistant message with its calls and one tool message.
import { expect, test } from '@playwright/test';
import { mock, openWithMock, receivedBodies, send, testKey, waitUntilIdle } from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

test('a reply that asks for a tool is answered with Send tool results, and the mock receives the round', async ({
  page,
}) => {
  await openWithMock(page);
  await mock.queue({ name: 'finish-tool_calls', key: testKey });
  await send(page, 'Weather in Beijing?');
  await waitUntilIdle(page);

  const card = page.getByRole('article', { name: 'Tool call get_weather' });
  await expect(card.getByText('"city": "Beijing"')).toBeVisible();
  const sendResults = page.getByRole('button', { name: 'Send tool results' });
  await expect(sendResults).toBeDisabled();
  await card.getByLabel('Tool result').fill('{"temperature": 21}');
  await sendResults.click();
  await waitUntilIdle(page);

  const [, second] = await receivedBodies(testKey);
  const messages = second?.messages ?? [];
  expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
  expect(messages[1]?.tool_calls).toEqual([
    { id: 'call_mock_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Beijing"}' } },
  ]);
  expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_mock_1', content: '{"temperature": 21}' });
  await expect(page.getByRole('article', { name: 'tool turn 3' })).toContainText('Result of call call_mock_1');
});
