// Hostile input end to end: server replies the mock plays (an HTML page, keep-alive comments only, one huge event,
// thousands of broken events, a huge error body, replies too large or too hostile to format) and poisoned share
// links and files. Titles start with the
// scenario name: `npm run test:faults` prints one line per test.
import lzString from 'lz-string';
import { expect, test, type Page } from '@playwright/test';
import { hostileEndLine } from '../../mock-zai/hostileContent';
import {
  messageBox,
  mock,
  openWithMock,
  replyAlert,
  replyRegion,
  replyStatus,
  replyText,
  send,
  stopButton,
  testKey,
  turn,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

test.describe('hostile replies', () => {
  test('html-200: an HTML page with status 200 is named as such, with its start shown, not "the connection dropped"', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'html-200', key: testKey });
    await send(page, 'Captive portal');
    await expect(replyAlert(page)).toContainText('The server answered with an HTML page, not the API');
    await expect(replyAlert(page)).toContainText('Check the base URL');
    await expect(replyAlert(page)).toContainText('<title>Wi-Fi sign-in</title>');
    await expect(replyAlert(page)).not.toContainText('connection dropped');
  });

  test('keep-alive-only: a stream that sends only `: keep-alive` comments past the stall timeout is stalled', async ({
    page,
  }) => {
    // Replies are read in a worker, whose timers a fake page clock does not move: the shortest stall timeout the
    // user can choose (5 s) keeps this real and short.
    await openWithMock(page);
    const stallTimeout = page.getByLabel('Stall timeout (s)');
    await stallTimeout.fill('5');
    await stallTimeout.blur();
    await mock.queue({ name: 'keep-alive-only', key: testKey, reasoning: '', content: 'Alpha beta gamma delta.' });
    await send(page, 'Only comments');
    await expect(replyText(page)).not.toHaveText('');
    await expect(replyStatus(page)).toHaveText('stalled — no data arrived for too long; what arrived is kept', {
      timeout: 12_000,
    });
  });

  test('huge-event: one 10 MB event is an error naming its size, and the text before it is kept', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({
      name: 'huge-event',
      key: testKey,
      reasoning: '',
      content: 'One two three four five six seven eight nine ten.',
    });
    await send(page, 'Huge event');
    await expect(replyAlert(page)).toContainText('The server sent an event too large to handle: 10.0 MB', {
      timeout: 20_000,
    });
    await expect(replyStatus(page)).not.toHaveText('complete');
    await expect(replyText(page)).toContainText('One');
    await expect(replyText(page)).not.toContainText('ten.');
  });

  test('junk-events: 50,000 broken events give one counted note, and the reply completes', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({ name: 'junk-events', key: testKey, reasoning: '', content: 'Survived the junk.' });
    await send(page, 'Junk');
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 20_000 });
    await expect(replyText(page)).toHaveText('Survived the junk.');
    const notes = replyRegion(page).locator('.reply-warnings li');
    await expect(notes).toHaveCount(1);
    await expect(notes).toHaveText(
      '50,000 events from the server were malformed (not valid JSON, or a field of the wrong type); what they held was skipped.',
    );
  });

  test('huge-error-body: a 2 MB error message is shown cut short, with the size of the whole body', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'huge-error-body', key: testKey });
    await send(page, 'Huge error');
    await expect(replyAlert(page)).toContainText('[cut short: the server sent 2.0 MB in all]');
    const text = (await replyAlert(page).textContent()) ?? '';
    expect(text.length).toBeLessThan(5_000);
  });
});

/** Types into the Message box while the reply streams: the page must take the keys as they come. */
async function typeWhileStreaming(page: Page): Promise<void> {
  await expect(replyStatus(page)).toHaveText('streaming…');
  await messageBox(page).pressSequentially('typed meanwhile');
  await expect(messageBox(page)).toHaveValue('typed meanwhile');
}

test.describe('replies too large or too hostile to format', () => {
  test('huge-reply: a 5 MB reply in 64 KB pieces completes whole; its start stays formatted and the rest is plain, with the note', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'huge-reply', key: testKey, delayMs: 40 });
    await send(page, 'A huge reply');
    await typeWhileStreaming(page);
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
    await expect(replyText(page).getByRole('heading', { name: /^Section 1:/ })).toBeVisible();
    await expect(replyText(page).getByRole('note')).toHaveText(/^Shown as plain text: too large to format \(5\.0 MB\)/);
    await expect(replyText(page)).toContainText(hostileEndLine);
  });

  test('huge-reply: Stop in the middle of a 5 MB reply stops it and keeps what arrived', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({ name: 'huge-reply', key: testKey, delayMs: 100 });
    await send(page, 'A huge reply, stopped');
    await expect(replyText(page)).toContainText('Section 2', { timeout: 10_000 });
    await stopButton(page).click();
    await expect(replyStatus(page)).toHaveText(/^stopped/);
    await expect(replyText(page)).toContainText('Section 1');
    await expect(replyText(page)).not.toContainText(hostileEndLine);
  });

  test('huge-table: a table of 2,000 rows by 20 columns is shown as plain text with the note, to its last cell', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'huge-table', key: testKey, delayMs: 30 });
    await send(page, 'A huge table');
    await typeWhileStreaming(page);
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
    await expect(replyText(page).getByRole('note')).toHaveText(/^Shown as plain text: too large to format/);
    await expect(replyText(page).getByRole('table')).toHaveCount(0);
    await expect(replyText(page)).toContainText('r2000c20');
    await expect(replyText(page)).toContainText(hostileEndLine);
  });

  test('huge-table: a table of 100 rows by 20 columns (2,000 cells) is shown as plain text with the note', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'huge-table', key: testKey, rows: 100 });
    await send(page, 'A big table');
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
    await expect(replyText(page).getByRole('note')).toHaveText(/^Shown as plain text: too large to format/);
    await expect(replyText(page).getByRole('table')).toHaveCount(0);
    await expect(replyText(page)).toContainText('r100c20');
    await expect(replyText(page).getByRole('paragraph').filter({ hasText: hostileEndLine })).toBeVisible();
  });

  test('emphasis-bomb: 20,000 emphasis markers in one paragraph are shown as plain text with the note, whole', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'emphasis-bomb', key: testKey, delayMs: 100 });
    await send(page, 'Emphasis everywhere');
    await typeWhileStreaming(page);
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
    await expect(replyText(page).getByRole('note')).toHaveText(
      'Shown as plain text: too many emphasis or link markers to render safely',
    );
    await expect(replyText(page)).toContainText('*word10000*');
    await expect(replyText(page).getByRole('paragraph').filter({ hasText: hostileEndLine })).toBeVisible();
  });

  test('nesting-bomb: a quote and a list nested 5,000 deep are shown as plain text with the note; the rest is formatted', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'nesting-bomb', key: testKey, delayMs: 200 });
    await send(page, 'Nested deep');
    await typeWhileStreaming(page);
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
    await expect(replyText(page).getByRole('note').first()).toHaveText(
      'Shown as plain text: too deeply nested to render safely',
    );
    await expect(replyText(page)).toContainText('deep list');
    await expect(replyText(page).getByRole('paragraph').filter({ hasText: hostileEndLine })).toBeVisible();
  });

  test('four hostile replies at once in Compare columns all complete whole, and the Message box takes typed text meanwhile', async ({
    page,
  }) => {
    // Four streams, one of them 5 MB, on a machine that may be busy: more than the default 30 s.
    test.setTimeout(90_000);
    await openWithMock(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('button', { name: 'Add column' }).click();
    await page.getByRole('button', { name: 'Add column' }).click();
    for (const name of ['huge-reply', 'huge-table', 'emphasis-bomb', 'nesting-bomb'])
      await mock.queue({ name, key: testKey, delayMs: 30 });
    await messageBox(page).fill('Hostile, four times');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await messageBox(page).fill('');
    await messageBox(page).pressSequentially('typed meanwhile');
    await expect(messageBox(page)).toHaveValue('typed meanwhile');
    const columns = page.locator('section[aria-label^="Compare column"]');
    await expect(columns).toHaveCount(4);
    for (let index = 0; index < 4; index++) {
      const column = columns.nth(index);
      const reply = column.getByRole('region', { name: 'Reply', exact: true });
      await expect(reply.getByRole('status').first()).toHaveText('complete', { timeout: 40_000 });
      await expect(reply.getByRole('group', { name: 'Reply text' })).toContainText(hostileEndLine);
    }
  });
});

test.describe('poisoned input', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);

  test('a short share link with an extra field nested 100,000 deep is refused; the app stays up and unchanged', async ({
    page,
  }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto('/');
    await messageBox(page).fill('Keep me');
    const json = `{"v":1,"body":{"model":"glm-4.7","messages":[{"role":"user","content":"Poison"}],"extra":${deep}}}`;
    const fragment = lzString.compressToEncodedURIComponent(json);
    expect(fragment.length).toBeLessThan(2_000);
    await page.goto(`/#share=${fragment}`);
    const dialog = page.getByRole('dialog', { name: 'This link cannot be opened' });
    await expect(dialog).toContainText('nested more than 64 levels deep');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(messageBox(page)).toHaveValue('Keep me');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('a conversation file with a field nested 100,000 deep is refused whole; the conversation is unchanged', async ({
    page,
  }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await openWithMock(page);
    await send(page, 'My own conversation');
    await expect(replyStatus(page)).toHaveText('complete');
    const file = {
      format: 'glm-playground-conversation',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      settings: { model: 'glm-4.7' },
      turns: [{ id: 't1', role: 'user', content: 'Poison', reasoning: '', excluded: false, reply: null }],
    };
    const text = JSON.stringify(file).replace('"reply":null', `"reply":null,"extra":${deep}`);
    await page.getByLabel('Import conversation').setInputFiles({
      name: 'poison.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'poison.json' })).toContainText(
      'nested more than 64 levels deep. Nothing was imported.',
    );
    await expect(turn(page, 'user turn 1')).toContainText('My own conversation');
    await expect(page.getByText('Poison', { exact: true })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });
});
