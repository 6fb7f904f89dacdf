// Persistence and the key in a real browser: reload keeps the conversation, a corrupt saved state is survived and
// reported once, two tabs do not overwrite each other silently, and the key stays out of localStorage (Remember
// key off) and out of every console message during a full send against the mock.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { mockControl } from '../../mock-zai/control';
import { mockBaseUrl, mockUrl } from './ports';
import { readSavedState, stateName, writeSavedState, writeSavedStateText } from './savedState';

const testKey = 'sk-test-LEAK-0123456789abcdef';
const mock = mockControl(mockUrl);

test.beforeEach(async () => {
  await mock.reset();
});

/** Points the app at the mock (Custom base URL), then enters the key, so the key belongs to that origin. */
async function connectToMock(page: Page, options: { rememberKey: boolean }): Promise<void> {
  await page.getByLabel('Base URL').fill(mockBaseUrl);
  const remember = page.getByRole('checkbox', { name: 'Remember key' });
  if ((await remember.isChecked()) !== options.rememberKey) await remember.click();
  await page.getByLabel('API key', { exact: true }).fill(testKey);
}

async function send(page: Page, message: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(message);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

async function storageText(page: Page, kind: 'localStorage' | 'sessionStorage'): Promise<string> {
  return page.evaluate((which) => {
    const storage = which === 'localStorage' ? window.localStorage : window.sessionStorage;
    const entries: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const name = storage.key(index) ?? '';
      entries.push(`${name}=${storage.getItem(name) ?? ''}`);
    }
    return entries.join('\n');
  }, kind);
}

async function addTurnByHand(page: Page, text: string): Promise<void> {
  await page.getByLabel('Text to add').fill(text);
  await page.getByRole('button', { name: 'Add message' }).click();
}

/**
 * Adds a turn and waits until the app has saved it: its load is then over, so a saved state put in place next is
 * found by the reload, not by that load (which would recover from it and save over it).
 */
async function savedAfterLoading(page: Page): Promise<void> {
  await addTurnByHand(page, 'Saved before the damage');
  await expect.poll(() => savedTurnTexts(page)).toEqual(['Saved before the damage']);
}

/** The texts of the turns saved so far (none before the app's first save). */
async function savedTurnTexts(page: Page): Promise<string[]> {
  const saved = await readSavedState<{ state: { conversation: { turns: { content: string }[] } } } | null>(page);
  return saved?.state.conversation.turns.map((turn) => turn.content) ?? [];
}

test('a full send keeps the key out of the console, the URL and localStorage (Remember key off); reload keeps the conversation', async ({
  page,
}) => {
  const consoleMessages: string[] = [];
  const collect = (message: ConsoleMessage) => consoleMessages.push(`${message.type()}: ${message.text()}`);
  page.on('console', collect);
  page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
  // CSP violations are events, not always console messages: report them to the console too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await mock.queue({
    name: 'reply',
    key: testKey,
    content: 'Persisted reply from the mock.',
    reasoning: 'Some thinking first.',
  });

  await page.goto('/');
  await connectToMock(page, { rememberKey: false });
  await send(page, 'Hello, is my key safe?');
  await expect(page.getByText('Persisted reply from the mock.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);

  const received = await mock.requests(testKey);
  expect(received).toHaveLength(1); // the key really was sent, to the mock only
  expect(await storageText(page, 'localStorage')).not.toContain(testKey);
  expect(await storageText(page, 'sessionStorage')).toContain(testKey);
  expect(page.url()).not.toContain(testKey);

  await page.reload();
  await expect(page.getByText('Hello, is my key safe?').first()).toBeVisible();
  await expect(page.getByText('Persisted reply from the mock.').first()).toBeVisible();

  // An error that echoes the key must not reach the console either.
  await mock.queue({ name: 'error-1000', key: testKey, status: 401, message: `Invalid API key ${testKey}` });
  await send(page, 'Second message');
  await expect(
    page.getByRole('region', { name: 'Reasoning and reply' }).getByText('Check your API key').first(),
  ).toBeVisible();

  expect(consoleMessages.filter((text) => text.includes(testKey))).toEqual([]);
  expect(consoleMessages.filter((text) => /Content[- ]Security[- ]Policy|Refused to/i.test(text))).toEqual([]);
});

test('a corrupt saved state: the app loads, says so once, and works', async ({ page }) => {
  await page.goto('/');
  await savedAfterLoading(page);
  await writeSavedStateText(page, '{"state": {"conversation": [unfinished');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'GLM Playground' })).toBeVisible();
  await expect(page.getByText(/could not be read/)).toHaveCount(1);
  await addTurnByHand(page, 'Working again');
  await expect(page.getByText('Working again').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Working again').first()).toBeVisible();
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
});

test('a saved reply that would blow the renderer: after reload the app opens and the rest of the conversation is intact', async ({
  page,
}) => {
  await page.goto('/');
  await addTurnByHand(page, 'Before the bomb');
  await page.getByLabel('Add as').selectOption('assistant');
  await addTurnByHand(page, 'placeholder reply');
  await page.getByLabel('Add as').selectOption('user');
  await addTurnByHand(page, 'After the bomb');
  await expect.poll(() => savedTurnTexts(page)).toHaveLength(3);
  // Nested quotes, nested list items and a run of emphasis markers: each overflowed the stack when rendered whole.
  const bomb = `${'>'.repeat(3000)} deep\n\n${Array.from({ length: 2000 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n\n${'*_'.repeat(10000)}`;
  const saved = await readSavedState<{ state: { conversation: { turns: { content: string }[] } } }>(page);
  const reply = saved.state.conversation.turns[1];
  if (reply) reply.content = bomb;
  await writeSavedState(page, saved);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'GLM Playground' })).toBeVisible();
  await expect(page.getByText('Before the bomb').first()).toBeVisible();
  await expect(page.getByText('After the bomb').first()).toBeVisible();
  await expect(page.getByLabel('Message', { exact: true })).toBeEnabled();
  expect(pageErrors.filter((message) => /call stack/i.test(message))).toEqual([]);
});

test('a damaged saved state is kept aside and downloads exactly as it was found', async ({ page }) => {
  const damaged = '{"state": {"conversation": [unfinished';
  await page.goto('/');
  await savedAfterLoading(page);
  await writeSavedStateText(page, damaged);
  await page.reload();
  await addTurnByHand(page, 'A fresh start');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download saved copy' }).click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(damaged);
});

test('two tabs: an idle tab takes the other tab’s change; a tab with a reply in flight asks before anything is overwritten', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await addTurnByHand(first, 'Written in the first tab');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('Written in the first tab').first()).toBeVisible();

  // The first tab has nothing unsaved: it shows the second tab's change and says so.
  await addTurnByHand(second, 'Written in the second tab');
  await expect(first.getByText('Written in the second tab').first()).toBeVisible();
  await expect(first.getByText(/changed in another tab/)).toBeVisible();

  // While a slow reply streams in the first tab, the second tab changes the conversation: the first tab asks.
  await mock.queue({
    name: 'slow',
    key: testKey,
    delayMs: 150,
    content: 'A slow reply that takes a while to arrive in full.',
    reasoning: '',
  });
  await connectToMock(first, { rememberKey: false });
  await send(first, 'Stream slowly please');
  await expect(first.getByRole('button', { name: 'Stop' })).toBeVisible();
  await addTurnByHand(second, 'Concurrent change in the second tab');
  const notice = first.getByRole('alert').filter({ hasText: 'Another tab changed this conversation' });
  await expect(notice).toBeVisible();
  await expect(first.getByText('Stream slowly please').first()).toBeVisible();

  // Nothing of the second tab's was overwritten while the first tab waits for a choice.
  await expect(first.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 15_000 });
  expect(JSON.stringify(await readSavedState(second))).toContain('Concurrent change in the second tab');

  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(notice).toHaveCount(0);
  await expect(second.getByText('Stream slowly please').first()).toBeVisible();
});

test('two tabs: a draft typed in one tab survives the other tab adding a message, and a system prompt edited there arrives here', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  const second = await context.newPage();
  await second.goto('/');
  await first.getByLabel('Message', { exact: true }).fill('Half-written question');
  await addTurnByHand(second, 'Added in the second tab');
  await expect(first.getByText('Added in the second tab').first()).toBeVisible();
  await expect(first.getByLabel('Message', { exact: true })).toHaveValue('Half-written question');
  await second.getByLabel('System prompt').fill('Answer in French.');
  await expect(first.getByLabel('System prompt')).toHaveValue('Answer in French.');
  await expect(first.getByLabel('Message', { exact: true })).toHaveValue('Half-written question');
});

test('the built app enforces its Content-Security-Policy: no inline script, no framing', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self';");
  expect(headers['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { name: 'GLM Playground' })).toBeVisible();
  const injected = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.injected = "yes"';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return document.documentElement.dataset.injected ?? 'blocked';
  });
  expect(injected).toBe('blocked');
  // (eval cannot be probed from here: DevTools-originated code is exempt. tests/unit/key-leak.test.ts checks that
  // the policy has no 'unsafe-eval'.)
});

test('a 4 MB message and its long reply are both kept across a reload (the saved state is in IndexedDB)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await connectToMock(page, { rememberKey: true });
  const line = 'Pasted document line with some words in it to make it long enough.\n';
  const document = `Start of the document.\n${line.repeat(Math.ceil((4 * 1024 * 1024) / line.length))}End of the document.`;
  await mock.queue({ name: 'long', key: testKey, contentChars: 300_000, reasoningChars: 2_000, delayMs: 0 });
  // As a paste does: the whole text at once, then one input event.
  await page.getByLabel('Message', { exact: true }).evaluate((textarea, text) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, text);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }, document);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 60_000 });
  type Saved = { state: { conversation: { turns: { role: string; content: string }[] } } };
  const sizes = async () =>
    ((await readSavedState<Saved | null>(page))?.state.conversation.turns ?? []).map((turn) => turn.content.length);
  await expect
    .poll(
      async () => {
        const [message, reply] = await sizes();
        return message === document.length && reply !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const [, replyLength] = await sizes();
  expect(replyLength).toBeGreaterThan(250_000);
  expect(await page.evaluate((name) => window.localStorage.getItem(name), stateName)).toBeNull();
  await expect(page.getByText(/storage is full/)).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Start of the document.').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Loading your saved conversations…')).toHaveCount(0);
  expect(await sizes()).toEqual([document.length, replyLength]);
});

test('a state saved in localStorage by the app before IndexedDB opens, and lives in IndexedDB after reload', async ({
  page,
}) => {
  const saved = {
    state: {
      connection: { rememberKey: true, endpointId: 'demo', baseUrl: 'demo://offline', keyOrigin: null },
      settings: { model: 'glm-4.6', systemPrompt: 'Saved before the database.' },
      conversation: {
        turns: [
          {
            id: 'old-1',
            role: 'user',
            content: 'Question from the localStorage format',
            reasoning: '',
            excluded: false,
            reply: null,
          },
          {
            id: 'old-2',
            role: 'assistant',
            content: 'Answer from the localStorage format',
            reasoning: '',
            excluded: false,
            reply: null,
          },
        ],
        draft: 'An old draft',
      },
    },
    version: 2,
  };
  // Seeded once, as the old app left it (a reload must not put it back).
  await page.addInitScript(
    ({ name, text }) => {
      if (window.sessionStorage.getItem('seeded') !== null) return;
      window.sessionStorage.setItem('seeded', 'yes');
      window.localStorage.setItem(name, text);
    },
    { name: stateName, text: JSON.stringify(saved) },
  );
  await page.goto('/');
  await expect(page.getByText('Answer from the localStorage format').first()).toBeVisible();
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('An old draft');
  await expect.poll(() => page.evaluate((name) => window.localStorage.getItem(name), stateName)).toBeNull();

  await page.reload();
  await expect(page.getByText('Question from the localStorage format').first()).toBeVisible();
  await expect(page.getByText('Answer from the localStorage format').first()).toBeVisible();
  const fromDatabase = await readSavedState<{ state: { settings: { systemPrompt: string } } }>(page);
  expect(fromDatabase.state.settings.systemPrompt).toBe('Saved before the database.');
  expect(await page.evaluate((name) => window.localStorage.getItem(name), stateName)).toBeNull();
});

test('two tabs on IndexedDB editing the same conversation: each edit arrives, and a clash asks before overwriting', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await addTurnByHand(first, 'Shared start');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('Shared start').first()).toBeVisible();
  await addTurnByHand(first, 'Edit from the first tab');
  await expect(second.getByText('Edit from the first tab').first()).toBeVisible();
  await addTurnByHand(second, 'Edit from the second tab');
  await expect(first.getByText('Edit from the second tab').first()).toBeVisible();
  await expect(first.getByText(/changed in another tab/)).toBeVisible();
  // Drafts are each tab's own.
  await first.getByLabel('Message', { exact: true }).fill('Draft in the first tab');
  await addTurnByHand(second, 'Another edit from the second tab');
  await expect(first.getByText('Another edit from the second tab').first()).toBeVisible();
  await expect(first.getByLabel('Message', { exact: true })).toHaveValue('Draft in the first tab');
  const saved = JSON.stringify(await readSavedState(first));
  expect(saved).toContain('Another edit from the second tab');
  expect(saved).toContain('Edit from the first tab');
});
