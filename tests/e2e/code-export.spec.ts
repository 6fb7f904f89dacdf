// The Code panel in the built app: Monaco loads only when the panel opens (from this origin, never a CDN), renders
// the code with highlighting, and Copy and Download hand over exactly the code shown.
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mockControl } from '../../mock-zai/control';
import { mockUrl, previewUrl } from './ports';

const testKey = 'sk-test-KEY-1234567890';
const upstreamUrl = 'https://api.z.ai/api/paas/v4/chat/completions';
/** A class name only Monaco's own code contains: identifies the Monaco chunk among the scripts. */
const monacoSignature = 'monaco-editor-background';

interface RecordedRequest {
  url: string;
  /** True when the request started after the Code panel was opened. */
  afterOpen: boolean;
}

/** Records every request the page (and its workers) makes, split at the moment the panel opens. */
function recordRequests(context: BrowserContext) {
  const requests: RecordedRequest[] = [];
  const state = { afterOpen: false };
  context.on('request', (request) => requests.push({ url: request.url(), afterOpen: state.afterOpen }));
  return { requests, markOpened: () => (state.afterOpen = true) };
}

async function isMonacoScript(page: Page, url: string): Promise<boolean> {
  if (!url.endsWith('.js')) return false;
  return (await (await page.request.get(url)).text()).includes(monacoSignature);
}

/** Sets the key and the endpoint in the sidebar (endpoint first, so that the key is entered for its upstream). */
async function connect(page: Page, endpointLabel: string) {
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: endpointLabel });
  await page.getByLabel('API key', { exact: true }).fill(testKey);
}

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The first line Monaco renders (its spaces are non-breaking). */
async function firstEditorLine(editor: Locator): Promise<string> {
  return (await editor.locator('.view-line').first().innerText()).replace(/\u00a0/g, ' ');
}

async function download(page: Page, dialog: Locator): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: previewUrl });
});

test('the Code panel loads Monaco on first open, from this origin only, and copies and downloads the code shown', async ({
  page,
  context,
}) => {
  const recorder = recordRequests(context);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await connect(page, 'Local proxy (same origin)');
  await page.getByLabel('Message', { exact: true }).fill('Hello "code" $HOME it\'s');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);

  recorder.markOpened();
  const opener = page.getByRole('button', { name: 'Code', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Code for the next request' });
  const editor = dialog.locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await expect(dialog.getByRole('tab', { name: 'cURL' })).toHaveAttribute('aria-selected', 'true');
  // The real upstream, even though the app itself goes through the local proxy.
  await expect(editor.locator('.view-lines')).toContainText('curl -sS -N');
  await expect(editor.locator('.view-lines')).toContainText(upstreamUrl);
  await expect(editor.locator('.view-lines')).toContainText('Hello \\"code\\" $HOME it\'s');
  // Highlighted by the shell tokenizer: several token classes, not one plain run of text.
  const tokenClasses = await editor
    .locator('.view-line span span')
    .evaluateAll((spans) => new Set(spans.map((span) => span.getAttribute('class') ?? '')).size);
  expect(tokenClasses).toBeGreaterThan(2);

  // Copy: the clipboard gets the code shown, without the key.
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  const curl = await clipboardText(page);
  expect(curl.split('\n')[0]).toBe(await firstEditorLine(editor));
  expect(curl).toContain(upstreamUrl);
  expect(curl).toContain('ZAI_API_KEY');
  expect(curl).not.toContain(testKey);
  expect(curl).not.toContain('/proxy/');

  // Another language and library: the editor, Copy and Download follow.
  await dialog.getByRole('tab', { name: 'Python' }).click();
  await expect(dialog.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('combobox', { name: 'Library' }).selectOption({ label: 'openai' });
  await expect(editor.locator('.view-lines')).toContainText('from openai import OpenAI');
  await dialog.getByRole('button', { name: 'Copy' }).click();
  const python = await clipboardText(page);
  expect(python).toContain('from openai import OpenAI');
  const saved = await download(page, dialog);
  expect(saved).toEqual({ fileName: 'glm_request.py', text: python });

  // Arrow keys move between tabs.
  await dialog.getByRole('tab', { name: 'Python' }).press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Java' })).toBeFocused();
  await expect(editor.locator('.view-lines')).toContainText('public class GlmRequest');
  const java = await download(page, dialog);
  expect(java.fileName).toBe('GlmRequest.java');
  expect(java.text).toContain('System.getenv("ZAI_API_KEY")');

  // Include my key: off by default; when on, a warning and the key in the code.
  const includeKey = dialog.getByRole('checkbox', { name: 'Include my key' });
  await expect(includeKey).not.toBeChecked();
  await includeKey.check();
  await expect(dialog.getByText('this code now contains your API key')).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy' }).click();
  expect(await clipboardText(page)).toContain(testKey);
  await includeKey.uncheck();
  await expect(dialog.getByText('this code now contains your API key')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(errors).toEqual([]);

  // Nothing left for a CDN: every request went to this origin or the mock (or was a data:/blob: URL).
  const allowedOrigins = new Set([new URL(previewUrl).origin, new URL(mockUrl).origin]);
  const foreign = recorder.requests.filter(
    ({ url }) => !/^(data|blob):/.test(url) && !allowedOrigins.has(new URL(url).origin),
  );
  expect(foreign).toEqual([]);

  // The Monaco chunk came only after the panel opened, and no script loaded before it contains Monaco.
  const urls = (afterOpen: boolean) => [
    ...new Set(recorder.requests.filter((request) => request.afterOpen === afterOpen).map((request) => request.url)),
  ];
  const before = urls(false);
  const after = urls(true);
  const monacoAfter: string[] = [];
  for (const url of after) if (await isMonacoScript(page, url)) monacoAfter.push(url);
  expect(monacoAfter).toHaveLength(1);
  expect(before).not.toContain(monacoAfter[0]);
  for (const url of before) expect(await isMonacoScript(page, url), url).toBe(false);
});

test('"View code" on a past reply exports exactly the request that was sent', async ({ page }) => {
  const mock = mockControl(mockUrl);
  await mock.reset();
  await page.goto('/');
  await connect(page, 'Local proxy (same origin)');
  await page.getByLabel('Message', { exact: true }).fill('Line one\nQuote " and backslash \\ and 𝄞');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  // Wherever "View code" appears for this reply (transcript, history), it exports the one request sent.
  const viewCode = page.getByRole('button', { name: 'View code' }).first();
  await expect(viewCode).toBeVisible({ timeout: 15_000 });
  await viewCode.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.monaco-editor')).toBeVisible();
  const { fileName, text } = await download(page, dialog);
  expect(fileName).toBe('glm-request.sh');

  // The JSON in the cURL heredoc is the body the server received from the app.
  const heredoc = /<<'(\w+)'\n([\s\S]*?)\n\1\n/.exec(text);
  expect(heredoc).not.toBeNull();
  const received = await mock.requests(testKey);
  expect(received).toHaveLength(1);
  expect(JSON.parse(heredoc?.[2] ?? 'null')).toEqual(received[0]?.json);
  expect(text).not.toContain(testKey);
});
