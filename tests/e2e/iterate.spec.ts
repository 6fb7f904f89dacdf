// Iterating on a prompt, as a user scripts it against the mock: edit a question and resend it keeping the old
// branch, three alternatives that survive a reload, Continue after Stop, after a dropped stream and after
// max_tokens without repeated text, and Undo of a deleted turn.
import { expect, test, type Page } from '@playwright/test';
import { defaultReply } from '../../mock-zai/content';
import {
  readSavedState,
  mock,
  openWithMock,
  receivedBodies,
  replyAlert,
  replyStatus,
  replyText,
  send,
  stopButton,
  testKey,
  turn,
  waitUntilIdle,
} from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

/** The mock's whole answer to a single question (thinking on). */
function wholeAnswer(question: string): string {
  return defaultReply([{ role: 'user', content: question }], true).content;
}

async function sendAndWait(page: Page, text: string): Promise<void> {
  await send(page, text);
  await expect(replyStatus(page)).toHaveText('complete');
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The answer as the next request sends it: the last assistant turn's text, as stored. */
async function storedAnswer(page: Page): Promise<string> {
  const saved = await readSavedState<{
    state?: { conversation?: { turns?: { role: string; content: string }[] } };
  } | null>(page);
  return saved?.state?.conversation?.turns?.findLast((turn) => turn.role === 'assistant')?.content ?? '';
}

test('edit & resend keeping the old branch: the new reply shows, the old branch is one switch away', async ({
  page,
}) => {
  await openWithMock(page);
  await sendAndWait(page, 'Name a colour');
  await sendAndWait(page, 'Another one');
  await expect(page.getByRole('article')).toHaveCount(4);

  const question = turn(page, 'user turn 1');
  await question.getByRole('button', { name: 'Edit' }).click();
  await question.getByRole('textbox', { name: 'Edit message' }).fill('Name a fruit');
  await expect(question.getByRole('radio', { name: 'Keep as an alternative of the new reply' })).toBeChecked();
  await question.getByRole('button', { name: 'Save & resend' }).click();
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(page.getByRole('article')).toHaveCount(2);
  const reply = turn(page, 'assistant turn 2');
  await expect(reply).toContainText('Name a fruit');
  await expect(reply.getByText('Alternative 2 of 2')).toBeAttached();
  const bodies = await receivedBodies(testKey);
  expect(bodies.at(-1)?.messages.map((message) => message.content)).toEqual(['Name a fruit']);

  await reply.getByRole('button', { name: 'Previous alternative' }).click();
  await expect(page.getByRole('article')).toHaveCount(4);
  await expect(turn(page, 'assistant turn 2')).toContainText('Name a colour');
  await expect(turn(page, 'assistant turn 2')).toContainText('Stale: an earlier turn changed.');
  await expect(turn(page, 'user turn 3')).toContainText('Another one');
  await turn(page, 'assistant turn 2').getByRole('button', { name: 'Next alternative' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
});

test('three alternatives survive a reload, each with its own text, the chosen one still shown', async ({ page }) => {
  await openWithMock(page);
  for (const content of ['First take.', 'Second take.', 'Third take.'])
    await mock.queue({ name: 'reply', key: testKey, content, reasoning: `Reasoning for ${content}` });
  await sendAndWait(page, 'Write a tagline');
  for (let count = 0; count < 2; count += 1) {
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect(replyStatus(page)).toHaveText('complete');
  }
  const reply = () => turn(page, 'assistant turn 2');
  await expect(reply().getByText('Alternative 3 of 3')).toBeAttached();
  await expect(replyText(page)).toHaveText('Third take.');
  await reply().getByRole('button', { name: 'Previous alternative' }).click();
  await expect(reply().getByText('Alternative 2 of 3')).toBeAttached();
  await expect(replyText(page)).toHaveText('Second take.');

  await page.reload();
  await expect(reply().getByText('Alternative 2 of 3')).toBeAttached();
  await expect(replyText(page)).toHaveText('Second take.');
  await reply().getByRole('button', { name: 'Previous alternative' }).click();
  await expect(replyText(page)).toHaveText('First take.');
  await expect(reply()).toContainText('Reasoning for First take.');
  // The one shown is the one sent next.
  await sendAndWait(page, 'Shorter');
  const last = (await receivedBodies(testKey)).at(-1);
  expect(last?.messages[1]?.content.trim()).toBe('First take.');
});

test('Continue after Stop appends the rest once: no repeated heading or text, one metrics line per attempt', async ({
  page,
}) => {
  await openWithMock(page);
  await mock.queue({ name: 'slow', key: testKey, delayMs: 30 });
  await send(page, 'Explain tides');
  await expect(replyText(page).getByRole('heading', { name: 'About “Explain tides”' })).toBeVisible({
    timeout: 15_000,
  });
  await stopButton(page).click();
  await expect(replyStatus(page)).toHaveText('stopped — what arrived is kept');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(replyStatus(page)).toHaveText('complete');
  await waitUntilIdle(page);

  await expect(replyText(page).getByRole('heading', { name: 'About “Explain tides”' })).toHaveCount(1);
  expect((await storedAnswer(page)).trim()).toBe(wholeAnswer('Explain tides'));
  const attempts = page.getByRole('region', { name: 'Attempts of this reply' }).getByRole('listitem');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.first()).toContainText('stopped');
  await expect(attempts.last()).toContainText('complete');
});

test('Continue after a dropped stream does not replay the fault written in the message', async ({ page }) => {
  await openWithMock(page);
  const question = 'Explain waves [mock:cut-mid-answer]';
  await send(page, question);
  await expect(replyStatus(page)).toHaveText('interrupted — the connection dropped; what arrived is kept');
  await replyAlert(page).getByRole('button', { name: 'Continue' }).click();
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(replyAlert(page)).toHaveCount(0);
  expect((await storedAnswer(page)).trim()).toBe(wholeAnswer(question));
  expect(occurrences(await replyText(page).innerText(), 'offline demo')).toBe(1);
});

test('Continue after finish_reason "length" completes the answer without duplication', async ({ page }) => {
  await openWithMock(page);
  const question = 'Explain wind [mock:finish-length during=answer]';
  await send(page, question);
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(page.getByText('The reply reached Max tokens.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(replyStatus(page)).toHaveText('complete');
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  expect((await storedAnswer(page)).trim()).toBe(wholeAnswer(question));
});

test('a deleted turn comes back with Undo', async ({ page }) => {
  await openWithMock(page);
  await sendAndWait(page, 'Keep me');
  await turn(page, 'assistant turn 2').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByText('Turn deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(turn(page, 'assistant turn 2')).toContainText('Keep me');
  await expect(page.getByText('Turn deleted.')).toHaveCount(0);
});
