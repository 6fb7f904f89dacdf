// Compare mode end to end: the built app in Chromium against the mock Z.ai server. Two columns —
// the same model with Thinking on and off — stream at the same time, each completes with its own metrics, Stop in
// one leaves the other running, and "Keep this one" continues the conversation with that column's reply.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { messageBox, mock, openWithMock, receivedBodies, replyStatus, replyText, testKey, turn } from './helpers';

const reasoning = 'Blue light has a shorter wavelength so it scatters more.';
const answer = 'The sky is blue because air scatters blue light the most.';

test.beforeEach(async () => {
  await mock.reset();
});

function columnRegion(page: Page, number: number, description: string): Locator {
  return page.getByRole('region', { name: `Compare column ${number} — ${description}`, exact: true });
}

/** The Reply pane's status line (the first status: code blocks in the answer have their own for "Copied"). */
function columnStatus(column: Locator): Locator {
  return column.getByRole('region', { name: 'Reply', exact: true }).getByRole('status').first();
}

/** What every column shows at one instant (read in one go, so the check cannot straddle a repaint). */
function columnSnapshot(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('section[aria-label^="Compare column"]')).map((column) => ({
      status: column.querySelector('.reply-pane [role="status"]')?.textContent ?? '',
      reasoning: column.querySelector('[aria-label="Reasoning text"]')?.textContent ?? '',
      reply: column.querySelector('[aria-label="Reply text"]')?.textContent ?? '',
    })),
  );
}

/** The summary row of one column: its cells by column header. */
async function summaryRow(page: Page, number: number, description: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Summary' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `Column ${number} — ${description}`, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return Object.fromEntries(cells.map((cell, index) => [headers[index + 1] ?? String(index), cell]));
}

/** "850 ms", "1.7 s", "12 s" → ms. */
function milliseconds(text: string | undefined): number {
  const match = /^([\d.]+) (ms|s)$/.exec(text ?? '');
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

async function startComparison(page: Page, draft: string): Promise<void> {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await messageBox(page).fill(draft);
  await page.getByRole('button', { name: 'Run comparison' }).click();
}

test('two columns — thinking on and off — stream concurrently and both complete with their own metrics', async ({
  page,
}) => {
  await openWithMock(page);
  // 150 ms between events: ~3.5 s with reasoning, ~2 s without.
  await mock.queue({ name: 'slow', key: testKey, times: 2, delayMs: 150, reasoning, content: answer });
  await startComparison(page, 'Why is the sky blue?');
  const thinking = columnRegion(page, 1, 'glm-4.7, thinking on');
  const direct = columnRegion(page, 2, 'glm-4.7, thinking off');

  // Overlap: at one instant both columns show partial text and neither has finished.
  await expect
    .poll(
      async () => {
        const [first, second] = await columnSnapshot(page);
        return (
          first?.status === 'streaming…' &&
          second?.status === 'streaming…' &&
          first.reasoning.includes('Blue light') &&
          second.reply.includes('The sky')
        );
      },
      { timeout: 5_000, intervals: [50] },
    )
    .toBe(true);
  await expect(thinking.getByText(/Thinking… \d+ s/)).toBeVisible();

  await expect(columnStatus(direct)).toHaveText('complete', { timeout: 10_000 });
  await expect(columnStatus(thinking)).toHaveText('complete', { timeout: 10_000 });
  await expect(thinking.getByRole('group', { name: 'Reply text' })).toHaveText(answer);
  await expect(direct.getByRole('group', { name: 'Reply text' })).toHaveText(answer);
  await expect(thinking.getByText(/Thought for/)).toBeVisible();

  const bodies = await receivedBodies(testKey);
  expect(bodies.map((body) => body.thinking?.type).sort()).toEqual(['disabled', 'enabled']);
  for (const body of bodies) expect(body.messages).toEqual([{ role: 'user', content: 'Why is the sky blue?' }]);

  const withThinking = await summaryRow(page, 1, 'glm-4.7, thinking on');
  const without = await summaryRow(page, 2, 'glm-4.7, thinking off');
  // Without thinking: no reasoning tokens, and every completion token (one per word in the mock) is answer.
  expect(without['Reasoning tokens']).toBe('0');
  expect(without['Answer tokens']).toBe(String(answer.split(' ').length));
  // With thinking the server does not split usage: both parts are estimates from the text, and say so.
  expect(withThinking['Reasoning tokens']).toBe(`≈ ${Math.round(reasoning.length / 4)}`);
  expect(withThinking['Answer tokens']).toMatch(/^≈ \d+$/);
  // Thinking first delays the answer by the ~10 reasoning events; the totals differ the same way.
  expect(milliseconds(withThinking['First token'])).toBeLessThan(milliseconds(withThinking['First answer token']));
  expect(milliseconds(withThinking['First answer token'])).toBeGreaterThanOrEqual(1_500);
  expect(milliseconds(without['First answer token'])).toBeLessThan(1_000);
  expect(milliseconds(withThinking['Total time'])).toBeGreaterThan(milliseconds(without['Total time']));
  expect(milliseconds(without['Total time'])).toBeGreaterThanOrEqual(1_500);
  for (const row of [withThinking, without]) {
    expect(row['Tokens/s']).toMatch(/^\d+(\.\d)?$/);
    expect(row['Cost']).toBe('< $0.0001');
  }
});

test('Stop in one column leaves the other running to completion', async ({ page }) => {
  await openWithMock(page);
  await mock.queue({ name: 'slow', key: testKey, times: 2, delayMs: 150, reasoning, content: answer });
  await startComparison(page, 'Why is the sky blue?');
  const thinking = columnRegion(page, 1, 'glm-4.7, thinking on');
  const direct = columnRegion(page, 2, 'glm-4.7, thinking off');
  await expect(thinking.getByText(/Blue light/)).toBeVisible();
  await expect(direct.getByText(/The sky/)).toBeVisible();

  await thinking.getByRole('button', { name: 'Stop column 1' }).click();
  await expect(columnStatus(thinking)).toHaveText('stopped — what arrived is kept');
  await expect(thinking.getByRole('button', { name: 'Stop column 1' })).toHaveCount(0);
  await expect(columnStatus(direct)).toHaveText('streaming…');
  await expect(direct.getByRole('button', { name: 'Stop column 2' })).toBeVisible();

  await expect(columnStatus(direct)).toHaveText('complete', { timeout: 10_000 });
  await expect(direct.getByRole('group', { name: 'Reply text' })).toHaveText(answer);
  // The stopped column keeps what arrived, open to be read, and never got its answer.
  await expect(thinking.getByRole('group', { name: 'Reasoning text' })).toContainText('Blue light');
  await expect(thinking.getByRole('group', { name: 'Reply text' })).not.toContainText('The sky');
});

test('"Keep this one" appends the message and that column’s reply to the transcript', async ({ page }) => {
  await openWithMock(page);
  await startComparison(page, 'What colour is the sky?');
  const thinking = columnRegion(page, 1, 'glm-4.7, thinking on');
  const direct = columnRegion(page, 2, 'glm-4.7, thinking off');
  await expect(columnStatus(thinking)).toHaveText('complete', { timeout: 10_000 });
  await expect(columnStatus(direct)).toHaveText('complete', { timeout: 10_000 });

  await thinking.getByRole('button', { name: 'Keep this one' }).click();
  await expect(turn(page, 'user turn 1')).toContainText('What colour is the sky?');
  await expect(turn(page, 'assistant turn 2')).toContainText('What colour is the sky?');
  await expect(turn(page, 'assistant turn 3')).toHaveCount(0);
  await expect(messageBox(page)).toHaveValue('');
  await expect(page.getByText(/Kept column 1 \(glm-4\.7, thinking on\)/)).toBeVisible();

  // Back to one reply: the kept reply is the latest, with its reasoning, and the next Send continues from it.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(replyStatus(page).first()).toHaveText('complete');
  await expect(replyText(page)).toContainText('What colour is the sky?');
  await messageBox(page).fill('And at night?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(turn(page, 'assistant turn 4')).toContainText('And at night?');
  const bodies = await receivedBodies(testKey);
  expect(bodies).toHaveLength(3);
  expect(bodies[2]?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
});
