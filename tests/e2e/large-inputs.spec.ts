// A document of megabytes pasted into the Message box: it becomes an attached text (a chip) instead of text in the
// box, typing stays possible, the request preview and the code export show its start with the full size, a reload
// keeps it, and Send posts all of it before the typed text.
import { expect, test, type Page } from '@playwright/test';
import { messageBox, mock, openWithMock, readSavedState, receivedBodies, replyStatus, sendButton } from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

/** Pastes a 4 MB document into the Message box with a real paste event, as the browser sends for Ctrl+V. */
async function pasteDocument(page: Page): Promise<string> {
  const line = 'Pasted document line with some words in it to make it long enough.\n';
  const document = line.repeat(Math.ceil((4 * 1024 * 1024) / line.length));
  await messageBox(page).evaluate((textarea, text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, document);
  return document;
}

test('a pasted 4 MB document becomes a chip, is previewed and exported in part, survives a reload and is sent whole', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWithMock(page);
  const document = await pasteDocument(page);
  const chips = page.getByRole('list', { name: 'Attached texts' });
  await expect(chips).toHaveText(/Pasted text · 4\.0 MB · 62,602 lines/, { timeout: 20_000 });
  await expect(messageBox(page)).toHaveValue('');

  await messageBox(page).pressSequentially('Summarise it.');
  await expect(messageBox(page)).toHaveValue('Summarise it.');
  await expect(page.getByRole('note').filter({ hasText: /^Showing the first 200 KB of 4\.\d MB/ })).toBeVisible({
    timeout: 20_000,
  });

  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Code for the next request' });
  await expect(dialog.getByRole('note')).toHaveText(/^Showing the first 200 KB of 4\.\d MB: Copy and Download/, {
    timeout: 20_000,
  });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'View pasted text' }).click();
  const viewer = page.getByRole('dialog', { name: 'Pasted text' });
  await expect(viewer.getByRole('note')).toHaveText(/^Showing the first 200 KB of 4\.0 MB/);
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(chips).toHaveText(/Pasted text · 4\.0 MB · 62,602 lines/, { timeout: 20_000 });
  await expect(messageBox(page)).toHaveValue('Summarise it.');

  await sendButton(page).click();
  await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
  await expect(chips).toBeHidden();
  const [body] = await receivedBodies();
  expect(body?.messages.at(-1)).toEqual({ role: 'user', content: `${document}\n\nSummarise it.` });
});

test('text typed beside a pasted document survives a reload that comes while that text is being saved', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The page reloads itself the moment the app starts a database write (its first request in a read-write
  // transaction), once armed: the write of the typed text is then still in progress when the page goes. (A write
  // that first read the value it replaces, and put the new one only once that read came back, was lost so.)
  await page.addInitScript(() => {
    const armed = window as unknown as { reloadOnNextWrite?: boolean };
    for (const method of ['get', 'put'] as const) {
      type Request = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
      const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)?.value as Request;
      Object.defineProperty(IDBObjectStore.prototype, method, {
        configurable: true,
        writable: true,
        value: function (this: IDBObjectStore, ...args: unknown[]) {
          const request = original.apply(this, args);
          if (armed.reloadOnNextWrite && this.transaction.mode === 'readwrite') {
            armed.reloadOnNextWrite = false;
            window.location.reload();
          }
          return request;
        },
      });
    }
  });
  await openWithMock(page);
  await pasteDocument(page);
  const chips = page.getByRole('list', { name: 'Attached texts' });
  await expect(chips).toHaveText(/Pasted text · 4\.0 MB/, { timeout: 20_000 });
  await expect
    .poll(async () => JSON.stringify((await readSavedState(page)) ?? null).length, { timeout: 20_000 })
    .toBeGreaterThan(4 * 1024 * 1024);

  await page.evaluate(() => {
    (window as unknown as { reloadOnNextWrite?: boolean }).reloadOnNextWrite = true;
  });
  const reloaded = page.waitForEvent('load', { timeout: 20_000 });
  await messageBox(page).pressSequentially('Summarise it.');
  await reloaded;
  await expect(chips).toHaveText(/Pasted text · 4\.0 MB/, { timeout: 20_000 });
  await expect(messageBox(page)).toHaveValue('Summarise it.');
});
