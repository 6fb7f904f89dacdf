// Conversations, request history, presets and keyboard shortcuts in the built app, in Chromium, against the mock.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { previewUrl } from './ports';
import {
  readSavedState,
  writeSavedState,
  expandSection,
  messageBox,
  mock,
  openWithMock,
  receivedBodies,
  send,
  sendButton,
  stopButton,
  testKey,
  turn,
  waitUntilIdle,
  withSettings,
} from './helpers';

test.beforeEach(async ({ context }) => {
  await mock.reset();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: previewUrl });
});

function conversationList(page: Page): Locator {
  return page.getByRole('list', { name: 'Saved conversations' });
}

async function listedTitles(page: Page): Promise<string[]> {
  // The settings column (the list's home) arrives just after the Message box: read the list once it is shown.
  await expect(conversationList(page)).toBeVisible();
  return conversationList(page).locator('.library-open').allInnerTexts();
}

function historyDrawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'History' });
}

function historyEntries(page: Page): Locator {
  return historyDrawer(page).getByRole('list', { name: 'Sent requests' }).getByRole('article');
}

/** "Open history" opens the drawer; Esc closes it and puts focus back on the button. */
async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open history' }).click();
  await expect(historyDrawer(page)).toBeVisible();
}

async function closeHistory(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(historyDrawer(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open history' })).toBeFocused();
}

async function setTemperature(page: Page, value: string): Promise<void> {
  const field = page.getByRole('spinbutton', { name: 'Temperature value' });
  await field.fill(value);
  await field.press('Tab');
}

async function sendAndWait(page: Page, text: string): Promise<void> {
  await send(page, text);
  await waitUntilIdle(page);
}

test('conversations: New, switch, Rename, Duplicate, Delete with Undo, search, and they survive a reload', async ({
  page,
}) => {
  await openWithMock(page);
  await sendAndWait(page, 'How do tides work?');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(turn(page, 'user turn 1')).toHaveCount(0);
  await sendAndWait(page, 'Explain Rust lifetimes');
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes', 'How do tides work?']);

  // Switching saves the open one and loads the other, reply included.
  await conversationList(page).getByRole('button', { name: 'How do tides work?', exact: true }).click();
  await expect(turn(page, 'user turn 1')).toContainText('How do tides work?');
  await expect(turn(page, 'assistant turn 2')).toBeVisible();

  await page.getByRole('button', { name: 'Rename How do tides work?' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Tides');
  await page.getByRole('button', { name: 'Save title' }).click();
  await page.getByRole('button', { name: 'Duplicate Tides' }).click();
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes', 'Tides', 'Tides (copy)']);

  await page.getByRole('button', { name: 'Delete Tides (copy)' }).click();
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes', 'Tides']);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Tides (copy)”.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes', 'Tides', 'Tides (copy)']);

  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('lifetimes');
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes']);
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');

  await page.reload();
  expect(await listedTitles(page)).toEqual(['Explain Rust lifetimes', 'Tides', 'Tides (copy)']);
  await expect(conversationList(page).getByRole('button', { name: 'Tides', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(turn(page, 'user turn 1')).toContainText('How do tides work?');
  await conversationList(page).getByRole('button', { name: 'Explain Rust lifetimes', exact: true }).click();
  await expect(turn(page, 'user turn 1')).toContainText('Explain Rust lifetimes');
});

test('conversations: switching is disabled while a reply streams', async ({ page }) => {
  await openWithMock(page);
  await sendAndWait(page, 'First one');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await mock.queue({ name: 'slow', key: testKey, delayMs: 300 });
  await send(page, 'Slow one');
  await expect(stopButton(page)).toBeVisible();
  await expect(conversationList(page).getByRole('button', { name: 'First one', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New conversation' })).toBeDisabled();
  await stopButton(page).click();
  await expect(conversationList(page).getByRole('button', { name: 'First one', exact: true })).toBeEnabled();
});

test('conversations: a damaged saved entry is skipped and reported; the list still works', async ({ page }) => {
  await openWithMock(page);
  await sendAndWait(page, 'Readable conversation');
  await page.getByRole('button', { name: 'New conversation' }).click();
  await messageBox(page).fill('draft in the second');
  // Damage one entry as a bad write or a hand edit would, then reload.
  // Once the app's own (asynchronous) write of the draft is in, so that it does not land after this change.
  await expect.poll(async () => JSON.stringify(await readSavedState(page))).toContain('draft in the second');
  const saved = await readSavedState<{ state: { library: { conversations: unknown[] } } }>(page);
  saved.state.library.conversations.push({ id: 'broken', title: 7, turns: 'garbage' });
  await writeSavedState(page, saved);
  await page.reload();
  await expect(
    page.getByRole('alert').filter({ hasText: '1 saved conversation could not be read and was skipped.' }),
  ).toBeVisible();
  expect(await listedTitles(page)).toEqual(['Untitled', 'Readable conversation']);
  await conversationList(page).getByRole('button', { name: 'Readable conversation', exact: true }).click();
  await expect(turn(page, 'user turn 1')).toContainText('Readable conversation');
});

test('conversations: the layout stays within the window at 1280 px and at phone width', async ({ page }) => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await openWithMock(page);
    await sendAndWait(page, 'A fairly long first message that becomes the title of this conversation in the list');
    // At phone width the conversations are in the Settings sheet.
    await withSettings(page, async () => {
      await page.getByRole('button', { name: 'New conversation' }).click();
      await expect(conversationList(page)).toBeVisible();
      const listBox = await conversationList(page).boundingBox();
      expect((listBox?.x ?? 0) + (listBox?.width ?? 0)).toBeLessThanOrEqual(size.width);
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('history: every request is listed; Open restores it exactly, Diff shows changes, View code shows its code', async ({
  page,
}) => {
  await openWithMock(page);
  await setTemperature(page, '0.3');
  await sendAndWait(page, 'First question');
  await setTemperature(page, '0.8');
  await sendAndWait(page, 'Second question');

  // History opens in a drawer.
  await openHistory(page);
  await expect(historyEntries(page)).toHaveCount(2);
  const [second, first] = [historyEntries(page).nth(0), historyEntries(page).nth(1)];
  await expect(second).toContainText('temperature 0.8');
  await expect(first).toContainText('temperature 0.3');
  await expect(first).toContainText('glm-4.7 · thinking on');
  await expect(first).toContainText(/complete · finish: stop · \d+ tokens · /);

  // Diff against the current request: the temperature changed and the conversation grew.
  await first.getByRole('button', { name: 'Diff' }).click();
  const diff = page.getByRole('dialog', { name: /^Changes since the request at / });
  await expect(diff.getByRole('listitem').filter({ hasText: 'Changed temperature: 0.3 → 0.8' })).toBeVisible();
  await expect(diff.getByRole('listitem').filter({ hasText: /^Added messages\[1\]/ })).toBeVisible();
  await diff.getByRole('button', { name: 'Close' }).click();

  // View code: the Code panel for that request.
  await first.getByRole('button', { name: 'View code' }).click();
  const code = page.getByRole('dialog', { name: 'Code for this request' });
  await code.getByRole('button', { name: 'Copy' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('First question');
  expect(copied).not.toContain('Second question');
  expect(copied).not.toContain(testKey);
  await code.getByRole('button', { name: 'Close' }).click();

  // Open, then Send: the mock receives exactly the first request again.
  await first.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByText(/Opened the request from .+ in a new conversation/)).toBeVisible();
  await closeHistory(page);
  await expect(turn(page, 'user turn 1')).toContainText('First question');
  await sendButton(page).click();
  await waitUntilIdle(page);
  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(3);
  expect(bodies[2]).toEqual(bodies[0]);
  await openHistory(page);
  await expect(historyEntries(page)).toHaveCount(3);

  // The bound: a smaller size keeps only the newest.
  await page.getByRole('spinbutton', { name: 'History size' }).fill('1');
  await page.getByRole('spinbutton', { name: 'History size' }).press('Enter');
  await expect(historyEntries(page)).toHaveCount(1);
  await page.reload();
  await openHistory(page);
  await expect(historyEntries(page)).toHaveCount(1);
  await expect(page.getByRole('spinbutton', { name: 'History size' })).toHaveValue('1');
});

test('presets: built-ins apply in one click, a saved preset survives a reload', async ({ page }) => {
  await openWithMock(page);
  // The Presets section starts folded; it stays open across the reload below (remembered per section).
  await expandSection(page, 'Presets');
  await page.getByRole('button', { name: 'Deterministic', exact: true }).click();
  await sendAndWait(page, 'Deterministic please');
  await page.getByRole('button', { name: 'Creative', exact: true }).click();
  await sendAndWait(page, 'Creative please');
  let bodies = await receivedBodies(testKey);
  expect(bodies[0]?.temperature).toBe(0);
  expect(bodies[1]).toMatchObject({ temperature: 1, top_p: 0.95 });

  const model = page.getByRole('combobox', { name: 'Model' });
  await model.fill('glm-4.5-air');
  await model.press('Enter');
  await page.getByRole('button', { name: 'Thinking demo', exact: true }).click();
  await expect(model).toHaveValue('glm-4.7');

  await setTemperature(page, '0.42');
  await page.getByRole('textbox', { name: 'Preset name' }).fill('Warm 4.7');
  await page.getByRole('button', { name: 'Save preset' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Deterministic', exact: true }).click();
  await page.getByRole('button', { name: 'Warm 4.7', exact: true }).click();
  await sendAndWait(page, 'Saved preset please');
  bodies = await receivedBodies(testKey);
  expect(bodies[2]).toMatchObject({ model: 'glm-4.7', temperature: 0.42, stream: true, thinking: { type: 'enabled' } });
});

test('a dialog whose code loads on demand opens as soon as its code is in, held back by no timer', async ({ page }) => {
  await page.clock.install();
  await openWithMock(page);
  // The page's clock stands still from here: no timer fires, so what one held back would never show.
  await page.clock.pauseAt(Date.now() + 1_000);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl/Cmd + Shift + C');
  await page.clock.resume();
});

test('keyboard: ? lists the shortcuts (not while typing), Ctrl+K, Ctrl+Shift+C, Ctrl+Enter and Esc', async ({
  page,
}) => {
  await openWithMock(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list).toContainText('Ctrl/Cmd + Shift + C');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);

  // Typing "?" in a field types it.
  await page.getByRole('searchbox', { name: 'Search conversations' }).click();
  await page.keyboard.type('what?');
  await expect(page.getByRole('searchbox', { name: 'Search conversations' })).toHaveValue('what?');
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  await expect(list).toHaveCount(0);

  // Ctrl+K goes to the Message box; "?" there is text too.
  await page.keyboard.press('Control+k');
  await expect(messageBox(page)).toBeFocused();
  await page.keyboard.type('Why is the sky blue?');
  await expect(messageBox(page)).toHaveValue('Why is the sky blue?');
  await expect(list).toHaveCount(0);

  // Ctrl+Shift+C copies the next request as cURL, without the key.
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByText('Copied the next request as cURL (without your key).')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^#!\/usr\/bin\/env bash|curl/m);
  expect(copied).toContain('Why is the sky blue?');
  expect(copied).not.toContain(testKey);

  // Ctrl+Enter sends; Esc stops a slow reply even with the focus outside the composer.
  await mock.queue({ name: 'slow', key: testKey, delayMs: 300 });
  await page.keyboard.press('Control+Enter');
  await expect(stopButton(page)).toBeVisible();
  await page.getByRole('heading', { name: 'Connection' }).click();
  await page.keyboard.press('Escape');
  await waitUntilIdle(page);
  await openHistory(page);
  await expect(historyEntries(page).first()).toContainText(/^.*stopped/);
});
