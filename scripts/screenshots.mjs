// Takes the README screenshots: the built app (run `npx vite build` first) against the offline demo, with a reply on
// screen, at three window sizes in light and dark. Usage: node scripts/screenshots.mjs [port]
// Writes docs/screenshots/<width>x<height>-<scheme>.png at device scale 1, through pngquant where it is installed
// (Debian package "pngquant"): the files are kept in git, so each stays under 200 KB.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium } from '@playwright/test';

const port = Number(process.argv[2] ?? process.env.SCREENSHOT_PORT ?? 4761);
const baseUrl = `http://127.0.0.1:${port}`;
const outputFolder = new URL('../docs/screenshots/', import.meta.url);
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];
/** @type {('light' | 'dark')[]} */
const schemes = ['light', 'dark'];

/** @param {string} url */
async function waitForServer(url, attempts = 100) {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(`The preview server did not answer at ${url}`);
}

/**
 * A fresh profile: the first-run card's demo button (it sends a sample question), and the reply once complete.
 * @param {import('@playwright/test').Page} page
 */
async function showDemoReply(page) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Try the offline demo' }).click();
  await page.getByRole('button', { name: 'Regenerate', exact: true }).waitFor({ timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  // Fonts and the last frame of the reply.
  await delay(300);
}

/** @param {string} path */
function shrink(path) {
  const result = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality', '70-95', '--output', path, path]);
  if (result.error) console.warn('pngquant is not installed: the screenshot is saved as taken.');
}

// Its own process group, so that stopping it also stops the vite process npx starts.
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  env: { ...process.env, GLM_DEMO_DELAY_MS: '2', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer(baseUrl);
  await mkdir(outputFolder, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const size of sizes) {
      for (const colorScheme of schemes) {
        const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, colorScheme });
        const page = await context.newPage();
        await showDemoReply(page);
        const file = new URL(`${size.width}x${size.height}-${colorScheme}.png`, outputFolder);
        await page.screenshot({ path: file.pathname });
        shrink(file.pathname);
        console.log(`Saved ${file.pathname}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  if (server.pid !== undefined) process.kill(-server.pid);
}
