// Replies rendered exactly end to end: the built app streams an answer from the mock in small deltas, and the
// definitions Markdown applies to the whole text (footnotes, reference-style links) apply across its blocks.
import { expect, test, type Page } from '@playwright/test';
import { mock, openWithMock, replyStatus, replyText, send, testKey, turn } from './helpers';

test.beforeEach(async () => {
  await mock.reset();
});

/** Asks a question and waits for the mock's cited answer (footnotes and links defined at its end) to complete. */
async function receiveCitedAnswer(page: Page): Promise<void> {
  await openWithMock(page);
  await mock.queue({ name: 'cited', key: testKey, delayMs: 10 });
  await send(page, 'Where does that come from?');
  await expect(replyStatus(page)).toHaveText('complete', { timeout: 20_000 });
}

test('a reply pane too short for the answer shows its end once the answer completes, the last note included', async ({
  page,
}) => {
  // The pane's header gains the metrics when the reply ends, leaving the text less room than while it streamed.
  await page.setViewportSize({ width: 1440, height: 420 });
  await receiveCitedAnswer(page);
  const reply = replyText(page);
  await expect
    .poll(() => reply.evaluate((scroller) => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight))
    .toBeLessThanOrEqual(2);
  expect(await reply.evaluate((scroller) => scroller.scrollHeight > scroller.clientHeight)).toBe(true);
  await expect(reply.getByText('in the body.')).toBeInViewport();
});

test('an answer citing footnotes and reference links defined at its end shows the links and its notes, with back links', async ({
  page,
}) => {
  await receiveCitedAnswer(page);
  const reply = replyText(page);

  // The links go where their definitions at the end say; the definitions themselves are not shown as text.
  await expect(reply.getByRole('link', { name: 'chat completion reference' })).toHaveAttribute(
    'href',
    'https://docs.z.ai/api-reference/llm/chat-completion',
  );
  const pricing = reply.getByRole('link', { name: 'pricing page' });
  await expect(pricing).toHaveAttribute('href', 'https://docs.z.ai/guides/overview/pricing');
  await expect(pricing).toHaveAttribute('title', 'Models and prices');
  await expect(reply).not.toContainText('[^');
  await expect(reply).not.toContainText('[reference]');
  await expect(reply).not.toContainText('https://');

  // Footnotes numbered in order of first reference; a second reference to a note gets the same number.
  const firstNote = reply.getByRole('link', { name: '1', exact: true });
  await expect(firstNote).toHaveCount(2);
  await expect(reply.getByRole('link', { name: '2', exact: true })).toHaveCount(1);

  // The notes come once, after the whole answer, each linked both ways.
  await expect(reply.getByRole('heading', { name: 'Footnotes' })).toHaveCount(1);
  const notes = reply.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Back to reference/ }) });
  // A note referred to twice has a back link to each reference.
  await expect(notes).toHaveText([
    /^\s*Prompt and reply tokens together\. ↩ ↩2\s*$/,
    /^\s*With "thinking": \{"type": "disabled"\} in the body\. ↩\s*$/,
  ]);
  const noteTarget = await firstNote.first().getAttribute('href');
  expect(noteTarget).toMatch(/^#/);
  await expect(page.locator(`[id="${noteTarget?.slice(1)}"]`)).toContainText('Prompt and reply tokens together.');

  // Following the second note's reference brings it into view, and its back link returns to the reference.
  await reply.getByRole('link', { name: '2', exact: true }).click();
  const thinkingNote = notes.nth(1);
  await expect(thinkingNote).toBeInViewport();
  const backLink = thinkingNote.getByRole('link', { name: 'Back to reference 2' });
  const referenceId = (await backLink.getAttribute('href'))?.slice(1);
  await expect(page.locator(`[id="${referenceId}"]`)).toHaveText('2');
});

test('the same answer in the transcript: its collapsed start resolves the references, and Show more adds the notes', async ({
  page,
}) => {
  await receiveCitedAnswer(page);
  const answer = turn(page, 'assistant turn 2');

  // Collapsed to its first lines, which end before the definitions: the references resolve all the same.
  const showMore = answer.getByRole('button', { name: 'Show more' });
  await expect(showMore).toHaveAttribute('aria-expanded', 'false');
  await expect(answer).not.toContainText('[^');
  await expect(answer.getByRole('link', { name: '2', exact: true })).toHaveCount(1);
  await expect(answer.getByRole('link', { name: 'pricing page' })).toHaveAttribute(
    'href',
    'https://docs.z.ai/guides/overview/pricing',
  );

  await showMore.click();
  await expect(answer.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  await expect(answer.getByRole('listitem').filter({ hasText: 'Prompt and reply tokens together.' })).toBeVisible();
  await expect(answer).not.toContainText('[^');
});

test('a long answer keeps the same spacing between its blocks all the way through', async ({ page }) => {
  await openWithMock(page);
  await mock.queue({ name: 'long', key: testKey, contentChars: 40_000, reasoningChars: 0, chunksPerSecond: 5000 });
  await send(page, 'A long answer, please.');
  await expect(replyStatus(page)).toHaveText('complete', { timeout: 30_000 });

  // The reply is rendered in groups of blocks; the gap between two blocks must not depend on whether a group
  // boundary falls between them. Gaps by the pair of blocks around them, e.g. "P>UL".
  const gaps = await replyText(page).evaluate((scroll) => {
    const byPair: Record<string, number[]> = {};
    const blocks = [...scroll.querySelectorAll('.markdown-group > *')];
    blocks.slice(1).forEach((block, index) => {
      const before = blocks[index];
      if (!before) return;
      // Margins collapse to the larger one; where the block before has it, a boundary gives the smaller one.
      const bottom = parseFloat(getComputedStyle(before).marginBottom);
      if (bottom > parseFloat(getComputedStyle(block).marginTop)) return;
      const gap = block.getBoundingClientRect().top - before.getBoundingClientRect().bottom;
      (byPair[`${before.tagName}>${block.tagName}`] ??= []).push(Math.round(gap));
    });
    return { groups: scroll.querySelectorAll('.markdown-group').length, byPair };
  });
  expect(gaps.groups).toBeGreaterThan(3);
  for (const [pair, values] of Object.entries(gaps.byPair)) {
    expect(Math.max(...values) - Math.min(...values), `${pair}: ${values.join(' ')}`).toBeLessThanOrEqual(1);
  }
});
