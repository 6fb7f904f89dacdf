// The main chat flow end to end: the built app in Chromium against the project's mock Z.ai server. A multi-turn
// conversation with thinking, Stop while thinking, 401 and 429 as the user sees them, reload, the offline demo, a
// model without thinking, and the CORS → local proxy path.
import { expect, test } from '@playwright/test';
import {
  cancelRetryButton,
  messageBox,
  mock,
  openWithMock,
  reasoningRegion,
  reasoningText,
  receivedBodies,
  replyAlert,
  replyStatus,
  replyText,
  send,
  sendButton,
  stopButton,
  testKey,
  turn,
  waitUntilIdle,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

test('a multi-turn conversation with thinking: reasoning streams before the answer, earlier reasoning is not sent back', async ({
  page,
}) => {
  await openWithMock(page);
  await expect(page.getByRole('switch', { name: 'Thinking' })).toBeChecked();
  // Slow enough to watch the phases: 8 reasoning pieces, then the answer.
  await mock.queue({
    name: 'reply',
    key: testKey,
    delayMs: 120,
    reasoning: 'First I add two and two, which gives four, clearly.',
    content: 'The answer is **4**.',
  });
  await send(page, 'What is 2 + 2?');

  // While thinking: reasoning text and a live timer, and no answer text yet.
  await expect(reasoningRegion(page).getByText(/First I add/)).toBeVisible();
  await expect(reasoningRegion(page).getByText(/Thinking… \d+ s/)).toBeVisible();
  await expect(replyText(page)).toHaveText('The answer appears here as it arrives.');
  // Then the answer, rendered as Markdown, and the timer frozen.
  await expect(replyText(page).locator('strong')).toHaveText('4');
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(reasoningRegion(page).getByText(/Thought for/)).toBeVisible();
  await expect(await reasoningText(page)).toHaveText('First I add two and two, which gives four, clearly.');

  await expect(turn(page, 'user turn 1')).toContainText('What is 2 + 2?');
  // The transcript renders the assistant's Markdown too (bold, not asterisks).
  await expect(turn(page, 'assistant turn 2')).toContainText('The answer is 4.');
  await expect(turn(page, 'assistant turn 2').locator('strong')).toHaveText('4');

  // Second turn: the default mock reply quotes the question and says which turn it is.
  await send(page, 'And times three?');
  await expect(replyText(page)).toContainText('And times three?');
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(turn(page, 'user turn 3')).toContainText('And times three?');
  await expect(turn(page, 'assistant turn 4')).toContainText('And times three?');
  await expect(await reasoningText(page)).toContainText('This is turn 2 of the conversation');

  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(2);
  expect(bodies[0]?.thinking).toEqual({ type: 'enabled' });
  // The earlier reply goes back as its answer only (the stream's opening "\n" delta aside), without reasoning.
  expect(bodies[1]?.messages.map((message) => ({ ...message, content: message.content.trim() }))).toEqual([
    { role: 'user', content: 'What is 2 + 2?' },
    { role: 'assistant', content: 'The answer is **4**.' },
    { role: 'user', content: 'And times three?' },
  ]);

  // Reload keeps the conversation and the reply area.
  await page.reload();
  await expect(turn(page, 'user turn 1')).toContainText('What is 2 + 2?');
  await expect(turn(page, 'assistant turn 2')).toContainText('The answer is 4.');
  await expect(turn(page, 'user turn 3')).toContainText('And times three?');
  await expect(turn(page, 'assistant turn 4')).toContainText('And times three?');
  await expect(replyText(page)).toContainText('And times three?');
  await expect(replyStatus(page)).toHaveText('complete');
});

test('Stop while thinking keeps the reasoning, says "stopped" without an error, and Send works at once', async ({
  page,
}) => {
  await openWithMock(page);
  await mock.queue({ name: 'slow', key: testKey, delayMs: 150 });
  await send(page, 'Think slowly, please.');
  await expect(reasoningRegion(page).getByText(/The user is asking/)).toBeVisible();
  await expect(reasoningRegion(page).getByText(/Thinking… \d+ s/)).toBeVisible();
  await stopButton(page).click();

  await waitUntilIdle(page);
  await expect(replyStatus(page)).toHaveText('stopped — what arrived is kept');
  await expect(replyAlert(page)).toHaveCount(0);
  await expect(turn(page, 'assistant turn 2').getByText('stopped', { exact: true })).toBeVisible();
  await expect(await reasoningText(page)).toContainText('The user is asking');

  // Send again at once: a normal reply, no leftovers of the stopped stream.
  await send(page, 'Now answer quickly.');
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyText(page)).toContainText('Now answer quickly.');
  await expect(turn(page, 'assistant turn 4')).toContainText('Now answer quickly.');
  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(2);
  // The stopped turn had no answer text yet, so nothing of it goes back — in particular not its reasoning.
  expect(bodies[1]?.messages.at(-1)).toEqual({ role: 'user', content: 'Now answer quickly.' });
  expect(bodies[1]?.messages.some((message) => 'reasoning_content' in message)).toBe(false);
});

test('401: "Check your API key" with the status, code and server message; the message is kept', async ({ page }) => {
  await openWithMock(page);
  await mock.queue({ name: 'error-401', key: testKey });
  await send(page, 'Hello with a bad key');
  await expect(replyAlert(page)).toContainText('Check your API key');
  await expect(replyAlert(page)).toContainText('HTTP 401 · code 1000');
  await expect(replyAlert(page)).toContainText('Authentication failed.');
  await expect(turn(page, 'user turn 1')).toContainText('Hello with a bad key');
  await expect(turn(page, 'assistant turn 2').getByText('error', { exact: true })).toBeVisible();
  await expect(page.getByText(/Retrying in/)).toHaveCount(0);
});

test('429 (1302): the rate limit with its retry time, "Retrying in N s" with Cancel, then the automatic retry succeeds', async ({
  page,
}) => {
  await openWithMock(page);
  await mock.queue({ name: 'error-429', key: testKey });
  await send(page, 'Busy server?');
  const countdown = page.getByText(/Retrying in \d s \(retry 1 of 2\)/);
  await expect(countdown).toBeVisible();
  await expect(replyAlert(page)).toContainText('code 1302');
  await expect(replyAlert(page)).toContainText('Try again in 2 s.');
  await expect(cancelRetryButton(page)).toBeVisible();
  await expect(replyStatus(page)).toHaveText('error — retrying automatically');

  // Retry-After: 2 is honoured, then the reply streams normally.
  await expect(replyStatus(page)).toHaveText('complete', { timeout: 6_000 });
  await expect(replyText(page)).toContainText('Busy server?');
  await expect(replyAlert(page)).toHaveCount(0);
  expect(await receivedBodies(testKey)).toHaveLength(2);
});

test('429: Cancel ends the automatic retry; the error stays with a manual Retry', async ({ page }) => {
  await openWithMock(page);
  await mock.queue({ name: 'error-429', key: testKey, retryAfter: 1, times: 3 });
  await send(page, 'Cancel the retry');
  await cancelRetryButton(page).click();
  await waitUntilIdle(page);
  await expect(page.getByText(/Retrying in/)).toHaveCount(0);
  await expect(replyAlert(page)).toContainText('code 1302');
  await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
  // Longer than the Retry-After: still only the first request.
  await page.waitForTimeout(1_500);
  expect(await receivedBodies(testKey)).toHaveLength(1);
});

test('the offline demo endpoint answers without a key', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Endpoint').selectOption({ label: 'Offline demo (mock server)' });
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
  await send(page, 'Is anyone there?');
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyText(page)).toContainText('offline demo');
  await expect(replyText(page)).toContainText('Is anyone there?');
  expect(await (await reasoningText(page)).textContent()).toContain('The user is asking');
});

test('switching to glm-4-32b-0414-128k disables Thinking and sends no thinking field', async ({ page }) => {
  await openWithMock(page);
  const model = page.getByRole('combobox', { name: 'Model' });
  await model.fill('glm-4-32b-0414-128k');
  await model.press('Enter');
  await expect(page.getByRole('switch', { name: 'Thinking' })).toBeDisabled();
  await expect(page.getByText('This model has no thinking mode')).toBeVisible();
  await send(page, 'No thinking here');
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyText(page)).toContainText('No thinking here');
  const [body] = await receivedBodies(testKey);
  expect(body?.model).toBe('glm-4-32b-0414-128k');
  expect(body).not.toHaveProperty('thinking');
});

// A direct call blocked by CORS fails like api.z.ai does: a TypeError and no status. First against the mock with
// its CORS headers off (a real CORS failure), then the whole one-click way out with the Z.ai preset: the direct
// call is failed by the browser (intercepted, so nothing leaves the machine), "Use local proxy" switches to the
// preview server's same-origin proxy — pointed at the mock in this run — and Retry then goes through it.
test('CORS: a blocked direct call says so and offers the local proxy', async ({ page }) => {
  await openWithMock(page);
  await mock.configure({ cors: false });
  await send(page, 'Blocked by CORS?');
  await expect(replyAlert(page)).toContainText('Could not reach the API (likely CORS)');
  await expect(replyAlert(page)).toContainText('This is most likely CORS');
  await expect(replyAlert(page).getByRole('button', { name: 'Use local proxy' })).toBeVisible();
  // The preflight reached the mock; the POST itself never did.
  expect(await receivedBodies()).toHaveLength(0);
  await expect(turn(page, 'user turn 1')).toContainText('Blocked by CORS?');
});

test('CORS: "Use local proxy" switches the Z.ai endpoint to the same-origin proxy and Retry then works', async ({
  page,
}) => {
  const direct: string[] = [];
  await page.route('https://api.z.ai/**', async (route) => {
    direct.push(route.request().url());
    await route.abort('failed');
  });
  await page.goto('/');
  await expect(page.getByLabel('Endpoint')).toHaveValue('zai');
  await page.getByLabel('API key', { exact: true }).fill(testKey);
  await send(page, 'Through the proxy, please');
  await expect(replyAlert(page)).toContainText('likely CORS');
  expect(direct).toEqual(['https://api.z.ai/api/paas/v4/chat/completions']);

  // A network failure before any byte is retried automatically; switching to the proxy cancels that countdown.
  await expect(page.getByText(/Retrying in \d s/)).toBeVisible();
  await replyAlert(page).getByRole('button', { name: 'Use local proxy' }).click();
  await expect(page.getByLabel('Base URL')).toHaveValue('/proxy/zai/api/paas/v4');
  await expect(page.getByLabel('Endpoint')).toHaveValue('proxy');
  await expect(page.getByText(/Retrying in/)).toHaveCount(0);
  await replyAlert(page).getByRole('button', { name: 'Retry' }).click();

  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyText(page)).toContainText('Through the proxy, please');
  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(1);
  expect(bodies[0]?.messages).toEqual([{ role: 'user', content: 'Through the proxy, please' }]);
  expect(direct).toHaveLength(1);
  await expect(sendButton(page)).toBeDisabled();
  await expect(messageBox(page)).toHaveValue('');
});
