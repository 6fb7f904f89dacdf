// A document of megabytes pasted into the Message box: the request preview shows its start with the full size,
// and Send posts all of it.
import { expect, test } from '@playwright/test';
import { messageBox, mock, openWithMock, receivedBodies, replyStatus, sendButton } from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

test('a pasted 4 MB message is previewed in part and sent whole', async ({ page }) => {
  test.setTimeout(90_000);
  await openWithMock(page);
  const line = 'Pasted document line with some words in it to make it long enough.\n';
  const document = line.repeat(Math.ceil((4 * 1024 * 1024) / line.length));
  // As a paste does: the whole text arrives at once, then one input event (typing 4 MB would take minutes).
  await messageBox(page).evaluate((textarea, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, text);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, document);
  await expect(page.getByRole('note').filter({ hasText: /^Showing the first 200 KB of 4\.\d MB/ })).toBeVisible({
    timeout: 20_000,
  });
  await sendButton(page).click();
  await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });
  const [body] = await receivedBodies();
  expect(body?.messages.at(-1)).toEqual({ role: 'user', content: document });
});
