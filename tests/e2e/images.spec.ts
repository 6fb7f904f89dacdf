// Images on a vision model in a real browser: attach a PNG, send it as a content part, keep it across a reload
// (bytes in IndexedDB), export code that reads it from IMAGE_PATH, and refuse a text-only model with the reason.
import { expect, test } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { mock, messageBox, openWithMock, receivedBodies, sendButton, testKey, turn, waitUntilIdle } from './helpers';

/** A valid 1×1 PNG built here (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, index) => {
    let value = index;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    return value >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let value = 0xffffffff;
    for (const byte of bytes) value = (crcTable[(value ^ byte) & 0xff] ?? 0) ^ (value >>> 8);
    return (value ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test.beforeEach(async () => {
  await mock.reset();
});

test('a vision model sends an attached image as a content part, keeps it across a reload, and a text-only model refuses it', async ({
  page,
}) => {
  const png = tinyPng();
  await openWithMock(page);
  const model = page.getByRole('combobox', { name: 'Model' });
  await model.fill('glm-4.6v');
  await model.press('Enter');

  await messageBox(page).fill('What is in this picture?');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach image' }).click();
  await (await chooser).setFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: 'dot.png' })).toBeVisible();
  await sendButton(page).click();
  await waitUntilIdle(page);

  // A Custom endpoint gets a data URL (Z.ai presets get bare base64).
  const [body] = await receivedBodies(testKey);
  expect(body?.messages[0]?.content).toEqual([
    { type: 'text', text: 'What is in this picture?' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
  ]);
  await expect(turn(page, 'user turn 1').getByRole('img', { name: 'dot.png' })).toBeVisible();

  await page.reload();
  const thumbnail = turn(page, 'user turn 1').getByRole('img', { name: 'dot.png' });
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute('src', /^data:image\/png;base64,/);

  // The exported code reads the image from a file instead of inlining its bytes.
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Code for the next request' });
  await expect(dialog.locator('.monaco-editor .view-lines')).toContainText('IMAGE_PATH');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await model.fill('glm-4.7');
  await model.press('Enter');
  await messageBox(page).fill('And now?');
  await expect(sendButton(page)).toBeDisabled();
  await expect(
    page.getByText('GLM-4.7 reads text only — pick a vision model such as GLM-4.6V to send images.').first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attach image' })).toBeDisabled();
});
