import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h, name] of [[1280, 900, 'wide'], [390, 1400, 'phone']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto('http://127.0.0.1:4391/');
  await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Offline demo' }).catch(() => {});
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('How do tides work on a planet with two moons?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForTimeout(2500);
  await page.getByRole('button', { name: 'New conversation' }).click();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Explain Rust lifetimes');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  await page.locator('.history-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot-${name}-history.png`, fullPage: false });
}
await browser.close();
