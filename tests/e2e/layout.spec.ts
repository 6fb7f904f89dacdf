// The first minutes and the layout in the built app: the first-run card's offline demo, the skip link, the settings
// that every request uses above the fold, the phone layout with its settings sheet, and the drawers' keyboard rules.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expandSection, messageBox, replyText, testKey } from './helpers';

/** The controls every request depends on, as a user finds them. */
function everyRequestControls(page: Page): Record<string, Locator> {
  return {
    Model: page.getByRole('combobox', { name: 'Model' }),
    Thinking: page.getByRole('switch', { name: /^Thinking/ }),
    'Reasoning effort': page.getByRole('combobox', { name: 'Reasoning effort' }),
    Temperature: page.getByRole('spinbutton', { name: 'Temperature value' }),
    'Max tokens': page.getByRole('spinbutton', { name: 'Max tokens' }),
    Stream: page.getByRole('checkbox', { name: 'Stream' }),
  };
}

/** Each control's box ends inside the window, with the page and the sidebar scrolled to the top. */
async function expectAboveTheFold(page: Page, height: number): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.settings-sidebar')?.scrollTo(0, 0);
  });
  for (const [name, control] of Object.entries(everyRequestControls(page))) {
    const box = await control.boundingBox();
    expect(box, `${name} is on the page`).not.toBeNull();
    expect(box?.y ?? -1, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0), `${name} ends above the fold`).toBeLessThanOrEqual(height);
  }
}

/** A model with every control (reasoning effort included), chosen as a user would. */
async function chooseModelWithEffort(page: Page): Promise<void> {
  const model = page.getByRole('combobox', { name: 'Model' });
  await model.fill('glm-5.2');
  await model.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Reasoning effort' })).toBeVisible();
}

test('the first-run card: "Try the offline demo" gives a reply without a key, then the card goes away', async ({
  page,
}) => {
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Get started' });
  await expect(card).toContainText('Press / or Ctrl/Cmd + K to jump to the Message box.');
  await card.getByRole('button', { name: 'Try the offline demo' }).click();
  await expect(replyText(page)).toContainText('offline demo', { timeout: 10_000 });
  await expect(card).toHaveCount(0);
  // Whether Connection starts open depends on the key and the endpoint when the settings column arrives.
  await expandSection(page, 'Connection');
  await expect(page.getByRole('combobox', { name: 'Endpoint' })).toHaveValue('demo');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Get started' })).toHaveCount(0);
});

test('the first-run card can be dismissed, and stays dismissed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Get started' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('region', { name: 'Get started' })).toHaveCount(0);
  await page.reload();
  await expect(messageBox(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Get started' })).toHaveCount(0);
});

test('"Skip to message" is the first Tab stop and focuses the Message box; "/" does too', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: 'Skip to message' });
  await expect(link).toBeFocused();
  await expect(link).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(messageBox(page)).toBeFocused();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('/');
  await expect(messageBox(page)).toBeFocused();
  await expect(messageBox(page)).toHaveValue('');
});

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the settings every request uses are above the fold in a fresh profile', async ({ page }) => {
    await page.goto('/');
    await chooseModelWithEffort(page);
    await expectAboveTheFold(page, 900);
  });

  test('the settings every request uses are above the fold with a key set', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API key', { exact: true }).fill(testKey);
    await page.reload();
    await chooseModelWithEffort(page);
    await expectAboveTheFold(page, 900);
  });
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the conversation and the Message box come first; settings open as a sheet', async ({ page }) => {
    await page.goto('/');
    await expect(messageBox(page)).toBeVisible();
    // No settings on the page itself: the Model field is only in the sheet.
    await expect(page.getByRole('complementary', { name: 'Settings' })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveCount(0);
    // Reading order: the conversation (with the Message box) before the reply.
    const conversationFirst = await page.evaluate(() => {
      const conversation = document.querySelector('main[aria-label="Conversation"]');
      const reply = document.querySelector('.reply-area');
      return Boolean(
        conversation && reply && conversation.compareDocumentPosition(reply) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(conversationFirst).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const opener = page.getByRole('button', { name: 'Settings', exact: true });
    await opener.click();
    const sheet = page.getByRole('dialog', { name: 'Settings' });
    await expect(sheet.getByRole('combobox', { name: 'Model' })).toBeVisible();
    const box = await sheet.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(opener).toBeFocused();

    await opener.click();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toHaveCount(0);
  });
});

test('History opens in a drawer: keyboard in, Tab stays inside, Esc closes and focus returns', async ({ page }) => {
  await page.goto('/');
  const opener = page.getByRole('button', { name: 'Open history' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'History' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(drawer.getByRole('spinbutton', { name: 'History size' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  // The drawer has room: wider than the sidebar column.
  expect((await drawer.boundingBox())?.width ?? 0).toBeGreaterThan(500);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('the request JSON editor opens in a drawer and Esc brings focus back', async ({ page }) => {
  await page.goto('/');
  await expandSection(page, 'Request');
  const opener = page.getByRole('button', { name: 'Edit request JSON' });
  await opener.click();
  const drawer = page.getByRole('dialog', { name: 'Request JSON' });
  await expect(drawer.locator('.monaco-editor')).toBeVisible();
  expect((await drawer.boundingBox())?.width ?? 0).toBeGreaterThan(500);
  await drawer.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(opener).toBeFocused();
});
