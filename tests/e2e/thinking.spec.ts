// Thinking mode, end to end in Chromium against the mock: preserved thinking as the server receives it,
// "Raise max tokens and retry" after a budget spent on thinking, the collapsed reasoning summary, copy and search in
// the reasoning, and the presenter view.
import { expect, test } from '@playwright/test';
import {
  expandSection,
  mock,
  openWithMock,
  reasoningRegion,
  reasoningText,
  receivedBodies,
  replyRegion,
  replyStatus,
  replyText,
  send,
  testKey,
  turn,
  waitUntilIdle,
  withSettings,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

test('preserved thinking on glm-4.7: the mock receives clear_thinking false and the earlier reasoning unmodified; off, none', async ({
  page,
}) => {
  await openWithMock(page);
  const reasoning = 'Step 1: 17 × 20 = 340.\n\nStep 2: <b>keep</b> `this` exactly  ';
  await mock.queue({ name: 'reply', key: testKey, reasoning, content: '391' });
  await page.getByRole('checkbox', { name: 'Preserve reasoning' }).check();
  await send(page, 'What is 17 × 23?');
  await waitUntilIdle(page);
  await expect(turn(page, 'assistant turn 2').getByText('Reasoning (sent back)')).toBeVisible();
  await send(page, 'And doubled?');
  await waitUntilIdle(page);

  const [, second] = await receivedBodies(testKey);
  expect(second?.thinking).toEqual({ type: 'enabled', clear_thinking: false });
  expect(second?.messages).toEqual([
    { role: 'user', content: 'What is 17 × 23?' },
    // The answer goes back as received too, with the lone "\n" content delta the stream opens with (like the API's).
    { role: 'assistant', content: '\n391', reasoning_content: reasoning },
    { role: 'user', content: 'And doubled?' },
  ]);

  // Off again: the next request carries no reasoning at all, and the transcript says so.
  await page.getByRole('checkbox', { name: 'Preserve reasoning' }).uncheck();
  await expect(turn(page, 'assistant turn 2').getByText('Reasoning (not sent back)')).toBeVisible();
  await send(page, 'Thanks');
  await waitUntilIdle(page);
  const third = (await receivedBodies(testKey))[2];
  expect(third?.thinking).toEqual({ type: 'enabled' });
  expect(third?.messages.some((message) => 'reasoning_content' in message)).toBe(false);
  expect(third?.messages).toHaveLength(5);
});

test('finish_reason "length" during reasoning: "Raise max tokens and retry" doubles max_tokens, pins it and retries the reply', async ({
  page,
}) => {
  await openWithMock(page);
  await mock.queue({ name: 'finish-length', key: testKey, during: 'reasoning' });
  await send(page, 'Budget runs out');
  await waitUntilIdle(page);
  const note = page.getByRole('note');
  await expect(note).toContainText('The token budget ran out during thinking — raise Max tokens.');
  await expect(note).toContainText('max_tokens 65,536 → 131,072, pinned');
  await note.getByRole('button', { name: 'Raise max tokens and retry' }).click();
  await waitUntilIdle(page);

  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(2);
  expect(bodies[0]?.max_tokens).toBeUndefined();
  expect(bodies[1]?.max_tokens).toBe(131_072);
  expect(bodies[1]?.messages).toEqual(bodies[0]?.messages);
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyText(page)).toContainText('offline demo');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByLabel('Max tokens', { exact: true })).toHaveValue('131072');
  await expect(page.getByRole('checkbox', { name: 'Always send max tokens' })).toBeChecked();
  // The retry replaced the cut reply: still one question, one answer.
  await expect(page.getByRole('list', { name: 'Transcript' }).getByRole('article')).toHaveCount(2);
  await expect(turn(page, 'assistant turn 2')).toBeVisible();
});

test('in one column, after thinking the reasoning collapses to "Thought for … · N tokens"; "Always expanded" keeps it open', async ({
  page,
}) => {
  // Narrower than the desktop layout, where the reasoning has its own column and stays open (demo.spec.ts).
  await page.setViewportSize({ width: 1000, height: 800 });
  await openWithMock(page);
  await send(page, 'Explain recursion briefly');
  await waitUntilIdle(page);
  const region = reasoningRegion(page);
  await expect(region.getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(region.locator('.reasoning-summary')).toHaveText(/^Thought for [\d.]+ (ms|s) · ≈[\d,]+ tokens$/);
  await expect(replyRegion(page).getByLabel('Thinking metrics')).toContainText('First reasoning token');

  // "Reasoning display" starts collapsed in the settings (a sheet at this width); the choice survives a reload.
  await withSettings(page, async () => {
    await expandSection(page, 'Reasoning display');
    await page.getByRole('radio', { name: 'Always expanded' }).check();
  });
  await expect(region.getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await withSettings(page, async () => {
    await expandSection(page, 'Reasoning display');
    await expect(page.getByRole('radio', { name: 'Always expanded' })).toBeChecked();
  });
  await expect(reasoningRegion(page).getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});

test('copy reasoning puts the whole reasoning on the clipboard; search highlights its matches', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithMock(page);
  const reasoning = 'Think about cats.\n\nCats are small. A cat sleeps.';
  await mock.queue({ name: 'reply', key: testKey, reasoning, content: 'Cats sleep a lot.' });
  await send(page, 'Tell me about cats');
  await waitUntilIdle(page);
  const region = reasoningRegion(page);
  await region.getByRole('button', { name: 'Copy reasoning' }).click();
  await expect(region.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reasoning);

  // Open (in the desktop layout it already is).
  await reasoningText(page);
  await region.getByRole('searchbox', { name: 'Search in reasoning' }).fill('cat');
  await expect(region.getByRole('status').filter({ hasText: 'matches' })).toHaveText('3 matches');
  expect(await page.evaluate(() => CSS.highlights.get('reasoning-search')?.size)).toBe(3);
  await region.getByRole('button', { name: 'Next match' }).click();
  await expect(region.getByText('2 of 3')).toBeVisible();
});

test('presenter view: the header toggle shows reasoning and reply side by side with the parameters; Esc or the toggle leaves', async ({
  page,
}) => {
  await openWithMock(page);
  await send(page, 'Present this');
  await waitUntilIdle(page);
  await page.getByRole('button', { name: 'Presenter view' }).click();
  const view = page.getByRole('dialog', { name: 'Presenter view' });
  await expect(view).toBeVisible();
  await expect(
    view.getByText(
      /^glm-4\.7 · thinking on · temperature 1 \(default\) · top_p 0\.95 \(default\) · max_tokens 65,536 \(default\)$/,
    ),
  ).toBeVisible();
  const [reasoningBox, replyBox] = await Promise.all([
    view.getByRole('region', { name: 'Reasoning', exact: true }).boundingBox(),
    view.getByRole('region', { name: 'Reply', exact: true }).boundingBox(),
  ]);
  // Side by side: same top, reasoning on the left.
  expect(reasoningBox && replyBox && Math.abs(reasoningBox.y - replyBox.y) < 2 && reasoningBox.x < replyBox.x).toBe(
    true,
  );
  const fontSize = await view.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const pageFontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(fontSize).toBeGreaterThan(pageFontSize * 1.3);

  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await page.getByRole('button', { name: 'Presenter view' }).click();
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Presenter view' }).click();
  await expect(view).toHaveCount(0);
});
