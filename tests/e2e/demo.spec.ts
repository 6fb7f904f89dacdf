// Demoing thinking mode end to end: settings that stay put across a model switch, the presenter view running the
// demo from the keyboard on a phone and a projector, reasoning that stays open to be read, and Compare surviving
// a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { messageBox, mock, openWithMock, reasoningRegion, replyStatus, send, testKey, waitUntilIdle } from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

/** The page's width overflow in px (0 when nothing sticks out sideways). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** True when the element lies wholly inside the window. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

function columnRegion(page: Page, number: number, description: string): Locator {
  return page.getByRole('region', { name: `Compare column ${number} — ${description}`, exact: true });
}

test('switching model keeps a pinned temperature, and lowers a pinned max tokens with a note', async ({ page }) => {
  await openWithMock(page);
  await page.getByRole('spinbutton', { name: 'Temperature value' }).fill('0.3');
  await page.getByRole('spinbutton', { name: 'Temperature value' }).blur();
  await page.getByRole('checkbox', { name: 'Always send temperature' }).check();
  await page.getByLabel('Max tokens', { exact: true }).fill('100000');
  await page.getByLabel('Max tokens', { exact: true }).blur();
  await page.getByRole('checkbox', { name: 'Always send max tokens' }).check();
  await page.getByRole('combobox', { name: 'Catalogue' }).selectOption('glm-4-32b-0414-128k');

  await expect(page.getByRole('spinbutton', { name: 'Temperature value' })).toHaveValue('0.3');
  await expect(page.getByRole('checkbox', { name: 'Always send temperature' })).toBeChecked();
  await expect(page.getByLabel('Max tokens', { exact: true })).toHaveValue('16384');
  const note = page.getByRole('status').filter({ hasText: 'Max tokens lowered to 16,384' });
  await expect(note).toHaveText(/Max tokens lowered to 16,384: GLM-4-32B-0414-128K's limit\./);
  await note.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(page.getByText(/Max tokens lowered/)).toHaveCount(0);

  await send(page, 'Hello');
  await waitUntilIdle(page);
  const [body] = await mock
    .requests(testKey)
    .then((requests) =>
      requests.filter((request) => request.method === 'POST').map((request) => request.json as Record<string, unknown>),
    );
  expect(body).toMatchObject({ model: 'glm-4-32b-0414-128k', temperature: 0.3, max_tokens: 16_384 });
});

for (const viewport of [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a 1280×720 projector', width: 1280, height: 720 },
]) {
  test(`the presenter view sends with Ctrl+Enter and stops with Esc, and fits ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await openWithMock(page);
    await mock.queue({ name: 'slow', key: testKey, delayMs: 150 });
    await page.getByRole('button', { name: 'Presenter view' }).click();
    const view = page.getByRole('dialog', { name: 'Presenter view' });
    const message = view.getByRole('textbox', { name: 'Message' });
    await expect(message).toBeFocused();
    await message.fill('Think slowly, please.');
    await message.press('Control+Enter');

    await expect(view.getByText(/^Thinking… \d+ s$/)).toBeVisible();
    await expect(view.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await inViewport(page, message)).toBe(true);
    expect(await inViewport(page, view.getByRole('button', { name: 'Send', exact: true }))).toBe(true);
    const overflowing = await view.evaluate((dialog) => dialog.scrollWidth - dialog.clientWidth);
    expect(overflowing).toBe(0);

    await page.keyboard.press('Escape');
    await expect(view.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0);
    await expect(view).toBeVisible();
    await expect(view.getByRole('region', { name: 'Reply' }).getByRole('status').first()).toHaveText(
      'stopped — what arrived is kept',
    );
    await expect(view.getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
  });
}

test('in the desktop layout the reasoning stays open after thinking, under its summary', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWithMock(page);
  await send(page, 'Explain recursion briefly');
  await waitUntilIdle(page);
  await expect(replyStatus(page)).toHaveText('complete');
  const region = reasoningRegion(page);
  await expect(region.getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(region.getByRole('group', { name: 'Reasoning text' })).toBeVisible();
  await expect(region.locator('.reasoning-summary')).toHaveText(/^Thought for [\d.]+ (ms|s) · ≈[\d,]+ tokens$/);
  await region.getByRole('button', { name: 'Reasoning', exact: true }).click();
  await expect(region.getByRole('group', { name: 'Reasoning text' })).toBeHidden();
  await expect(region.locator('.reasoning-summary')).toBeVisible();
});

test('Compare keeps reasoning open, fits 1280 px, and survives a reload with its columns and settings', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWithMock(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const second = columnRegion(page, 2, 'glm-4.7, thinking off');
  await second.getByRole('spinbutton', { name: 'Temperature' }).fill('0.2');
  await second.getByRole('spinbutton', { name: 'Temperature' }).blur();
  await messageBox(page).fill('Why is the sky blue?');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const first = columnRegion(page, 1, 'glm-4.7, thinking on');
  for (const column of [first, second])
    await expect(column.getByRole('region', { name: 'Reply' }).getByRole('status').first()).toHaveText('complete', {
      timeout: 10_000,
    });
  await expect(first.getByRole('button', { name: 'Reasoning', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(first.getByRole('group', { name: 'Reasoning text' })).toBeVisible();
  await expect(first.locator('.reasoning-summary')).toHaveText(/^Thought for [\d.]+ (ms|s) · ≈[\d,]+ tokens$/);
  await expect(second.getByRole('region', { name: 'Reasoning' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Summary' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  const summaryOverflow = await page
    .getByRole('table', { name: 'Summary' })
    .evaluate((table) => (table.parentElement?.scrollWidth ?? 0) - (table.parentElement?.clientWidth ?? 0));
  expect(summaryOverflow).toBe(0);
  const answer = await first.getByRole('group', { name: 'Reply text' }).textContent();

  // Scrolled down to the summary, a new run brings each column's reply back to its top.
  await page.locator('.compare-view').evaluate((view) => {
    view.scrollTop = view.scrollHeight;
  });
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect
    .poll(() =>
      first.evaluate(
        (column) =>
          column.getBoundingClientRect().top >= (column.closest('.compare-view')?.getBoundingClientRect().top ?? 0) - 1,
      ),
    )
    .toBe(true);
  for (const column of [first, second])
    await expect(column.getByRole('region', { name: 'Reply' }).getByRole('status').first()).toHaveText('complete', {
      timeout: 10_000,
    });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const restored = columnRegion(page, 1, 'glm-4.7, thinking on');
  await expect(restored.getByRole('group', { name: 'Reply text' })).toHaveText(answer ?? '');
  await expect(
    columnRegion(page, 2, 'glm-4.7, thinking off').getByRole('spinbutton', { name: 'Temperature' }),
  ).toHaveValue('0.2');
  await expect(restored.getByRole('button', { name: 'Keep this one' })).toBeEnabled();
});
