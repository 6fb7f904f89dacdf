// Shared page helpers for the end-to-end specs: point the app at the mock Z.ai server, send a message, find the
// Reasoning and Reply regions and the transcript turns the way a user (and a screen reader) finds them, and read
// what the mock received.
import { expect, type Locator, type Page } from '@playwright/test';
import { mockControl } from '../../mock-zai/control';
import { mockBaseUrl, mockUrl } from './ports';

/** The mock's control API (queue scenarios, read received requests, reset). */
export const mock = mockControl(mockUrl);
export { mockBaseUrl, mockUrl };
export { readSavedState, writeSavedState, writeSavedStateText } from './savedState';

/** A made-up key; the mock accepts any non-empty key except "invalid-key". */
export const testKey = 'sk-e2e-0123456789abcdef';

/** The wire messages of one request body, as the mock recorded them. */
export interface WireMessage {
  role: string;
  content: string;
  reasoning_content?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
}

export interface ReceivedBody {
  model: string;
  messages: WireMessage[];
  stream?: boolean;
  thinking?: { type: string };
  [field: string]: unknown;
}

/** Opens a sidebar section if it is collapsed (Connection starts collapsed once a key is saved or the demo chosen). */
export async function expandSection(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/**
 * Runs `action` with the settings on screen: in a narrow window they live in a sheet, which is opened ("Settings" in
 * the header) before and closed after.
 */
export async function withSettings(page: Page, action: () => Promise<void>): Promise<void> {
  const opener = page.getByRole('button', { name: 'Settings', exact: true });
  const inSheet = (await opener.count()) > 0;
  if (inSheet) await opener.click();
  await action();
  if (inSheet) await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
}

/** Chooses the Custom endpoint with the mock's base URL, then enters the key (so the key belongs to the mock). */
export async function useMockEndpoint(page: Page, key: string = testKey): Promise<void> {
  await withSettings(page, async () => {
    await expandSection(page, 'Connection');
    await page.getByLabel('Base URL').fill(mockBaseUrl);
    await expect(page.getByLabel('Endpoint')).toHaveValue('custom');
    await page.getByLabel('API key', { exact: true }).fill(key);
  });
}

/** Opens the app and connects it to the mock. */
export async function openWithMock(page: Page, key: string = testKey): Promise<void> {
  await page.goto('/');
  await useMockEndpoint(page, key);
}

export function messageBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Message', exact: true });
}

export function sendButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Send', exact: true });
}

export function stopButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Stop', exact: true });
}

/** Types a message and presses Send. */
export async function send(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await sendButton(page).click();
}

export function reasoningRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Reasoning', exact: true });
}

export function replyRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Reply', exact: true });
}

/** The Reply pane's status line ("complete", "stopped — …", "interrupted — …"). */
export function replyStatus(page: Page): Locator {
  return replyRegion(page).locator('.pane-header').getByRole('status');
}

/** The answer text as rendered in the Reply pane. */
export function replyText(page: Page): Locator {
  return replyRegion(page).getByRole('group', { name: 'Reply text' });
}

/** The reasoning text; the pane may be collapsed once the answer started, so it is expanded first. */
export async function reasoningText(page: Page): Promise<Locator> {
  const toggle = reasoningRegion(page).getByRole('button', { name: 'Reasoning', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return reasoningRegion(page).getByRole('group', { name: 'Reasoning text' });
}

/** A transcript turn, e.g. "user turn 1" or "assistant turn 2". */
export function turn(page: Page, name: string): Locator {
  return page.getByRole('article', { name, exact: true });
}

/** The error/fault notice next to the reply. */
export function replyAlert(page: Page): Locator {
  return page.getByRole('alert');
}

/** Waits until no request is in flight (Stop gone, Send back). */
export async function waitUntilIdle(page: Page, timeout = 10_000): Promise<void> {
  await expect(stopButton(page)).toHaveCount(0, { timeout });
}

/** Chat completion bodies the mock received (preflights and control calls left out), optionally for one key. */
export async function receivedBodies(key?: string): Promise<ReceivedBody[]> {
  const requests = await mock.requests(key);
  return requests
    .filter((request) => request.method === 'POST' && /\/chat\/completions\/?$/.test(request.path.split('?')[0] ?? ''))
    .map((request) => request.json as ReceivedBody);
}

/** "Cancel" in the automatic-retry countdown ("Retrying in N s"). */
export function cancelRetryButton(page: Page): Locator {
  return page
    .getByRole('status')
    .filter({ hasText: /Retrying/ })
    .getByRole('button', { name: 'Cancel', exact: true });
}
