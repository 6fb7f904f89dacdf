// Stream and network faults, end to end: each fault is injected by the mock Z.ai server (or, for a
// network failure, by failing the request in the browser) and asserted the way the user sees it. Test titles
// start with the scenario name: `npm run test:faults` prints one line per test.
import { expect, test, type Page } from '@playwright/test';
import { defaultReply } from '../../mock-zai/content';
import {
  messageBox,
  mock,
  mockBaseUrl,
  openWithMock,
  reasoningRegion,
  reasoningText,
  receivedBodies,
  replyAlert,
  replyRegion,
  replyStatus,
  replyText,
  send,
  sendButton,
  stopButton,
  testKey,
  turn,
  waitUntilIdle,
} from './helpers';

const interruptedText = 'interrupted — the connection dropped; what arrived is kept';
const stoppedText = 'stopped — what arrived is kept';

test.beforeEach(async () => {
  await mock.reset();
});

/** The mock's deterministic default reply to a single user message (thinking on). */
function expectedReply(question: string): { reasoning: string; content: string } {
  return defaultReply([{ role: 'user', content: question }], true);
}

async function expectFaultButtons(page: Page): Promise<void> {
  await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(replyAlert(page).getByRole('button', { name: 'Continue' })).toBeEnabled();
}

/** Only reasoning arrived, and it is not sent back: no answer to go on from, so Continue would send what Retry sends. */
async function expectRetryOnly(page: Page): Promise<void> {
  await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
  await expect(replyAlert(page).getByRole('button', { name: 'Continue' })).toHaveCount(0);
}

test.describe('dropped connections', () => {
  test('cut-mid-reasoning: partial reasoning kept, marked interrupted, with Retry (nothing to continue from); Retry gets a whole reply', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'cut-mid-reasoning', key: testKey });
    await send(page, 'Cut while thinking');
    await expect(replyStatus(page)).toHaveText(interruptedText);
    await expect(replyAlert(page)).toContainText('The connection dropped before the reply finished');
    await expectRetryOnly(page);
    const full = expectedReply('Cut while thinking');
    const partial = (await (await reasoningText(page)).textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(20);
    expect(full.reasoning.replace(/\s+/g, ' ').startsWith(partial.replace(/\s+/g, ' ').slice(0, 40))).toBe(true);
    expect(partial.length).toBeLessThan(full.reasoning.length);
    await expect(replyText(page)).toHaveText('No answer text.');
    await expect(turn(page, 'assistant turn 2').getByText('interrupted', { exact: true })).toBeVisible();
    // Tokens had arrived: never retried automatically.
    expect(await receivedBodies(testKey)).toHaveLength(1);

    await replyAlert(page).getByRole('button', { name: 'Retry' }).click();
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyText(page)).toContainText('Cut while thinking');
    await expect(replyAlert(page)).toHaveCount(0);
    const bodies = await receivedBodies(testKey);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
  });

  test('cut-mid-answer: partial answer kept, marked interrupted; Continue sends it as the last assistant turn and extends it', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'cut-mid-answer', key: testKey });
    await send(page, 'Cut while answering');
    await expect(replyStatus(page)).toHaveText(interruptedText);
    await expectFaultButtons(page);
    await expect(replyText(page).getByRole('heading', { name: 'About “Cut while answering”' })).toBeVisible();
    await expect(turn(page, 'assistant turn 2').getByText('interrupted', { exact: true })).toBeVisible();
    await expect(await reasoningText(page)).toHaveText(expectedReply('Cut while answering').reasoning);
    expect(await receivedBodies(testKey)).toHaveLength(1);

    await mock.queue({ name: 'reply', key: testKey, reasoning: '', content: ' …and here is the rest.' });
    await replyAlert(page).getByRole('button', { name: 'Continue' }).click();
    await expect(replyStatus(page)).toHaveText('complete');
    const bodies = await receivedBodies(testKey);
    expect(bodies).toHaveLength(2);
    const last = bodies[1]?.messages.at(-1);
    expect(last?.role).toBe('assistant');
    expect(last).not.toHaveProperty('reasoning_content');
    const partial = last?.content ?? '';
    const fullAnswer = expectedReply('Cut while answering').content;
    expect(partial.trim().length).toBeGreaterThan(10);
    expect(fullAnswer.startsWith(partial.trim())).toBe(true);
    expect(partial.trim().length).toBeLessThan(fullAnswer.length);
    expect(bodies[1]?.messages.slice(0, -1)).toEqual(bodies[0]?.messages);
    // The reply extends the partial answer in the same turn.
    await expect(replyText(page)).toContainText('About “Cut while answering”');
    await expect(replyText(page)).toContainText('…and here is the rest.');
    await expect(turn(page, 'assistant turn 2')).toContainText('…and here is the rest.');
    await expect(turn(page, 'assistant turn 3')).toHaveCount(0);
  });

  test('eof-without-done: a body that ends without [DONE] and without finish_reason is interrupted, never complete', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'eof-without-done', key: testKey });
    await send(page, 'End early');
    await expect(replyStatus(page)).toHaveText(interruptedText);
    await expect(replyAlert(page)).toContainText('The connection dropped');
    await expectFaultButtons(page);
    await expect(replyText(page).getByRole('heading', { name: 'About “End early”' })).toBeVisible();
    await expect(turn(page, 'assistant turn 2').getByText('interrupted', { exact: true })).toBeVisible();
  });
});

test.describe('odd events and finish reasons', () => {
  test('malformed-json: the broken event is skipped with a note, the rest of the reply arrives complete', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({
      name: 'malformed-json',
      key: testKey,
      reasoning: 'Short thought.',
      content: 'One two three four five six seven eight.',
    });
    await send(page, 'Malformed');
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyRegion(page)).toContainText('One event from the server was not valid JSON and was skipped.');
    await expect(replyText(page)).toHaveText('One two three four five six seven eight.');
    await expect(replyAlert(page)).toHaveCount(0);
  });

  test('unknown-event: an unknown event type is ignored with a note, the reply is complete', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({
      name: 'unknown-event',
      key: testKey,
      reasoning: 'Short thought.',
      content: 'Alpha beta gamma delta epsilon.',
    });
    await send(page, 'Unknown event');
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyRegion(page)).toContainText('An unknown event type "ping" was ignored.');
    await expect(replyText(page)).toHaveText('Alpha beta gamma delta epsilon.');
  });

  test('error-midstream: an {"error"} payload mid-stream is shown with its code and message, the partial answer kept', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({
      name: 'error-midstream',
      key: testKey,
      code: '1234',
      message: 'Network error, please try again later.',
    });
    await send(page, 'Error in the middle');
    await expect(replyAlert(page)).toContainText('The server reported an error during the reply');
    await expect(replyAlert(page)).toContainText('code 1234');
    await expect(replyAlert(page)).toContainText('Network error, please try again later.');
    await expect(replyText(page).getByRole('heading', { name: 'About “Error in the middle”' })).toBeVisible();
    await expect(turn(page, 'assistant turn 2').getByText('error', { exact: true })).toBeVisible();
    // Tokens had arrived: no automatic retry.
    await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(await receivedBodies(testKey)).toHaveLength(1);
  });

  const finishCases = [
    {
      reason: 'sensitive',
      note: 'The content filter flagged the reply as sensitive and stopped it; what arrived is kept.',
    },
    {
      reason: 'network_error',
      note: 'The model service hit a network error while generating, so the reply is incomplete — retry.',
    },
    {
      reason: 'model_context_window_exceeded',
      note: "The conversation filled the model's context window — shorten it or exclude earlier turns.",
    },
  ];
  for (const { reason, note } of finishCases) {
    test(`finish-${reason}: explained in plain words next to the reply, the partial answer kept`, async ({ page }) => {
      await openWithMock(page);
      await mock.queue({ name: `finish-${reason}`, key: testKey });
      await send(page, `Finish ${reason}`);
      await expect(replyRegion(page).getByText(note)).toBeVisible();
      await expect(replyText(page).getByRole('heading', { name: `About “Finish ${reason}”` })).toBeVisible();
      await expect(page.getByRole('group', { name: 'Reply metrics' })).toContainText(reason);
      await expect(replyAlert(page)).toHaveCount(0);
    });
  }

  test('finish-length during thinking: "raise Max tokens" is called out, the reasoning kept', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({ name: 'finish-length', key: testKey, during: 'reasoning' });
    await send(page, 'Budget runs out');
    await expect(page.getByRole('note')).toContainText('The token budget ran out during thinking — raise Max tokens.');
    await expect(page.getByRole('group', { name: 'Reply metrics' })).toContainText('length');
    await expect(await reasoningText(page)).toContainText('The user is asking');
    await expect(replyText(page)).toHaveText('No answer text.');
  });
});

test.describe('stalls and Stop', () => {
  test('stall: no byte for the stall timeout is reported as stalled, partial kept, Retry offered; Stop works while it hangs', async ({
    page,
  }) => {
    // The stream is read in a worker, whose timers a fake page clock does not move: the shortest stall timeout the
    // user can choose (5 s) keeps this test real and short.
    await openWithMock(page);
    const stallTimeout = page.getByLabel('Stall timeout (s)');
    await stallTimeout.fill('5');
    await stallTimeout.blur();

    // First a hanging stream that the user stops before the timeout: stopped, not an error.
    await mock.queue({ name: 'stall', key: testKey, afterChunks: 4, reasoning: 'Partial thought before the stall.' });
    await send(page, 'Hang, then I stop');
    await expect(reasoningRegion(page).getByText(/Partial thought before/)).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(replyStatus(page)).toHaveText('streaming…');
    await stopButton(page).click();
    await expect(replyStatus(page)).toHaveText(stoppedText);
    await expect(replyAlert(page)).toHaveCount(0);

    // Then one left alone: stalled once 5 s pass without a byte.
    await mock.queue({ name: 'stall', key: testKey, afterChunks: 4, reasoning: 'Another thought that never ends.' });
    await send(page, 'Hang until the timeout');
    await expect(reasoningRegion(page).getByText(/Another thought that/)).toBeVisible();
    await expect(replyStatus(page)).toHaveText('streaming…');
    await expect(replyStatus(page)).toHaveText('stalled — no data arrived for too long; what arrived is kept', {
      timeout: 10_000,
    });
    await expect(replyAlert(page)).toContainText('The stream stalled — no data arrived for too long');
    await expectRetryOnly(page);
    await expect(await reasoningText(page)).toHaveText('Another thought that');
    await expect(turn(page, 'assistant turn 4').getByText('stalled', { exact: true })).toBeVisible();
    await expect(stopButton(page)).toHaveCount(0);
  });

  test('stop-before-first-byte: Stop while waiting shows no error, says stopped, and Send works at once', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'stall', key: testKey, afterChunks: 0 });
    await send(page, 'Nothing comes');
    await expect(replyStatus(page)).toHaveText('waiting for the first token…');
    await stopButton(page).click();
    await expect(replyStatus(page)).toHaveText(stoppedText);
    await expect(replyAlert(page)).toHaveCount(0);
    await send(page, 'Next one');
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyText(page)).toContainText('Next one');
  });

  test('stop-mid-answer: Stop while answering keeps the partial answer, no error, Send works at once', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'slow', key: testKey, delayMs: 40, reasoning: 'Quick.' });
    await send(page, 'Stop me while answering');
    await expect(replyText(page).getByRole('heading', { name: 'About “Stop me while answering”' })).toBeVisible();
    await stopButton(page).click();
    await expect(replyStatus(page)).toHaveText(stoppedText);
    await expect(replyAlert(page)).toHaveCount(0);
    await expect(replyText(page).getByRole('heading', { name: 'About “Stop me while answering”' })).toBeVisible();
    await expect(turn(page, 'assistant turn 2')).toContainText('About “Stop me while answering”');
    await expect(turn(page, 'assistant turn 2').getByText('stopped', { exact: true })).toBeVisible();
    await send(page, 'Right after');
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyText(page)).toContainText('Right after');
    expect(await receivedBodies(testKey)).toHaveLength(2);
  });

  test('double-send: a double-click on Send and Ctrl+Enter twice each start one request, never two streams', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({
      name: 'slow',
      key: testKey,
      delayMs: 60,
      times: 3,
      reasoning: 'Hmm.',
      content: 'One two three four five six seven.',
    });
    await messageBox(page).fill('Double click');
    // Two clicks in the same task, before React can re-render the button as disabled.
    await page.evaluate(() => {
      const button = Array.from(document.querySelectorAll('button')).find(
        (candidate) => candidate.textContent === 'Send',
      );
      button?.click();
      button?.click();
    });
    await expect(turn(page, 'assistant turn 2')).toBeVisible();
    await sendButton(page).dblclick({ force: true });
    await waitUntilIdle(page);
    expect(await receivedBodies(testKey)).toHaveLength(1);
    await expect(turn(page, 'assistant turn 3')).toHaveCount(0);

    await messageBox(page).fill('Control enter twice');
    await messageBox(page).press('Control+Enter');
    await messageBox(page).press('Control+Enter');
    await waitUntilIdle(page);
    expect(await receivedBodies(testKey)).toHaveLength(2);
    await expect(turn(page, 'assistant turn 4')).toBeVisible();
    await expect(turn(page, 'assistant turn 5')).toHaveCount(0);
    await expect(replyStatus(page)).toHaveText('complete');
  });
});

test.describe('automatic retries', () => {
  // 1302 with its countdown is in playground.spec.ts; here the other retryable codes, with Retry-After: 0.
  for (const code of ['1303', '1305', '1312']) {
    test(`retry-${code}: the rate limit is retried automatically and the reply then arrives`, async ({ page }) => {
      await openWithMock(page);
      await mock.queue({ name: `error-${code}`, key: testKey, retryAfter: 0 });
      await send(page, `Rate limited ${code}`);
      await expect(replyStatus(page)).toHaveText('complete', { timeout: 5_000 });
      await expect(replyText(page)).toContainText(`Rate limited ${code}`);
      expect(await receivedBodies(testKey)).toHaveLength(2);
    });
  }

  test('retry-5xx: a server error is retried at most twice, then shown with a manual Retry', async ({ page }) => {
    await openWithMock(page);
    await mock.queue({ name: 'error-500', key: testKey, retryAfter: 1, times: 5 });
    await send(page, 'Server down');
    await expect(page.getByText(/Retrying in \d s \(retry 1 of 2\)/)).toBeVisible();
    await expect(page.getByText(/Retried 1 of 2 times; next in \d s/)).toBeVisible({ timeout: 4_000 });
    await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled({ timeout: 4_000 });
    await expect(replyAlert(page)).toContainText('Retried 2 of 2 times; no retries left.');
    await expect(replyAlert(page)).toContainText('The server had a problem');
    await expect(replyAlert(page)).toContainText('HTTP 500');
    await expect(page.getByText(/Retrying in/)).toHaveCount(0);
    expect(await receivedBodies(testKey)).toHaveLength(3);
    await expect(turn(page, 'user turn 1')).toContainText('Server down');
  });

  test('retry-network-before-first-byte: a failed connection is retried and the reply arrives', async ({ page }) => {
    let attempts = 0;
    await page.route(`${mockBaseUrl}/chat/completions`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      attempts += 1;
      return attempts === 1 ? route.abort('connectionreset') : route.fallback();
    });
    await openWithMock(page);
    await send(page, 'Flaky network');
    await expect(page.getByText(/Retrying in 1 s \(retry 1 of 2\)/)).toBeVisible();
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 5_000 });
    await expect(replyText(page)).toContainText('Flaky network');
    expect(attempts).toBe(2);
    expect(await receivedBodies(testKey)).toHaveLength(1);
  });

  const neverRetried = [
    { name: 'error-401', code: '1000', title: 'Check your API key' },
    { name: 'error-1113', code: '1113', title: 'Insufficient balance' },
    { name: 'error-1211', code: '1211', title: 'Unknown model' },
    { name: 'error-1301', code: '1301', title: 'blocked' },
  ];
  for (const { name, code, title } of neverRetried) {
    test(`no-retry-${code}: ${name} is shown at once and never retried automatically`, async ({ page }) => {
      await openWithMock(page);
      await mock.queue({ name, key: testKey, times: 3 });
      await send(page, `Never retry ${code}`);
      await expect(replyAlert(page)).toContainText(new RegExp(title, 'i'));
      await expect(replyAlert(page)).toContainText(`code ${code}`);
      // The manual Retry replaces the countdown only when no automatic retry is planned.
      await expect(replyAlert(page).getByRole('button', { name: 'Retry' })).toBeEnabled();
      await expect(page.getByText(/Retrying in/)).toHaveCount(0);
      expect(await receivedBodies(testKey)).toHaveLength(1);
      await expect(turn(page, 'user turn 1')).toContainText(`Never retry ${code}`);
    });
  }
});

test.describe('background tab', () => {
  test('background-tab: a stream completes while the tab is hidden and no animation frames run; all text is there', async ({
    page,
  }) => {
    await openWithMock(page);
    await mock.queue({ name: 'reply', key: testKey, delayMs: 15 });
    await send(page, 'Finish while I am away');
    await expect(reasoningRegion(page).getByText(/The user is asking/)).toBeVisible();
    // What Chromium does to a background tab: hidden, and requestAnimationFrame callbacks stop.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      window.requestAnimationFrame = () => 0;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const full = expectedReply('Finish while I am away').content;
    const lastLine = full.trim().split('\n').at(-1) ?? '';
    // Still hidden: the whole answer is already in the page.
    await expect(replyStatus(page)).toHaveText('complete');
    await expect(replyText(page)).toContainText(lastLine.replace(/`/g, ''));
    expect(await page.evaluate(() => document.hidden)).toBe(true);
    await expect(replyText(page).locator('code').filter({ hasText: 'question = ' })).toBeVisible();
    // Back to the tab.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(replyText(page)).toContainText(lastLine.replace(/`/g, ''));
    // The transcript shows a long reply clamped (only its start is rendered): "Show more" brings the rest.
    await turn(page, 'assistant turn 2').getByRole('button', { name: 'Show more', exact: true }).click();
    await expect(turn(page, 'assistant turn 2')).toContainText('Tip: put');
  });

  test('frozen-tab-timer: with the tab clock frozen while it thinks, "Thought for" uses the server chunk timestamps', async ({
    page,
  }) => {
    // The page reads the stream itself: Playwright's clock does not reach a worker, whose clock would keep running
    // (and measure the thinking as usual), where a frozen tab's whole clock stands still.
    await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
    await page.clock.install();
    await openWithMock(page);
    // 8 reasoning pieces 420 ms apart: about 3.4 s of server-side thinking (timestamps are whole seconds).
    await mock.queue({
      name: 'reply',
      key: testKey,
      delayMs: 420,
      reasoning: 'one two three four five six seven eight',
      content: 'Done.',
    });
    // A frozen tab: its clock and timers stand still while the events arrive.
    await page.clock.pauseAt(Date.now() + 1_000);
    await send(page, 'Think for a while');
    await expect(replyStatus(page)).toHaveText('complete', { timeout: 10_000 });
    await expect(replyText(page)).toHaveText('Done.');
    // By the frozen wall clock the thinking took 0 ms; the chunk timestamps (whole seconds) say 3 or 4 s.
    await expect(reasoningRegion(page).getByText(/^Thought for [34]\.0 s$/)).toBeVisible();
    await page.clock.resume();
  });
});
