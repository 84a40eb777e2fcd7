/**
 * axe-core on every state of the Scan QR code tab, light and dark: 0 violations. Each state is
 * reached through the real sources (pasted or dropped PNGs, a camera that cannot open) and a
 * screenshot of it is kept in test-results/e2e/scan-states for review.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { migrationUri } from '../support/migrationUri';
import { qrPng } from '../support/qrFrames';
import { awsUri, expect, test } from './fixtures';
import { openScanTab, SEED, SEED_B32 } from './scanHelpers';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`,
  );
}

async function paste(page: Page, png: Buffer): Promise<void> {
  await page.evaluate(base64 => {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
  }, png.toString('base64'));
}

/** A PNG with several codes side by side, drawn in the page from single-code PNGs. */
async function pasteSeveral(page: Page, texts: readonly string[]): Promise<void> {
  const pngs = await Promise.all(
    texts.map(async text => (await qrPng(text, 4)).toString('base64')),
  );
  await page.evaluate(async images => {
    const bitmaps = await Promise.all(
      images.map(async b64 =>
        createImageBitmap(
          new Blob([Uint8Array.from(atob(b64), c => c.charCodeAt(0))], { type: 'image/png' }),
        ),
      ),
    );
    const width = bitmaps.reduce((sum, b) => sum + b.width + 20, 0);
    const height = Math.max(...bitmaps.map(b => b.height));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    let x = 0;
    for (const bitmap of bitmaps) {
      context.drawImage(bitmap, x, 0);
      x += bitmap.width + 20;
    }
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'several.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
  }, pngs);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('every state of the Scan QR code tab has no accessibility violations', async ({
      app,
      harness,
    }, testInfo) => {
      const shot = async (name: string) => {
        await app.screenshot({
          path: join(testInfo.project.outputDir, 'scan-states', `${name}-${colorScheme}.png`),
        });
      };
      await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      const dialog = await openScanTab(app, 'Scan screen');
      await expect(dialog.getByRole('button', { name: 'Scan screen' })).toBeVisible();
      await shot('screen');
      expect(await violations(app)).toEqual([]);

      // This harness has no screen capture: the "not available" message.
      await dialog.getByRole('button', { name: 'Scan screen' }).click();
      await expect(dialog.getByRole('alert')).toBeVisible();
      await shot('screen-unavailable');
      expect(await violations(app)).toEqual([]);

      await dialog.getByRole('tab', { name: 'Image file' }).click();
      await expect(dialog.getByRole('button', { name: 'Choose image file…' })).toBeVisible();
      await shot('file');
      expect(await violations(app)).toEqual([]);

      // One code, with duplicate warnings.
      await paste(app, await qrPng(awsUri('alice@123456789012')));
      await expect(dialog.getByRole('heading', { name: 'Add this device?' })).toBeVisible();
      await shot('single');
      expect(await violations(app)).toEqual([]);
      await dialog.getByRole('button', { name: 'Scan again' }).click();

      // Several codes, one of them a web link.
      await pasteSeveral(app, [
        `otpauth://totp/GitHub:octo?secret=${SEED_B32}&issuer=GitHub`,
        `otpauth://hotp/Bank:me?secret=${SEED_B32}&counter=3`,
        'https://example.com/help',
      ]);
      await expect(dialog.getByRole('heading', { name: 'Choose the codes to add' })).toBeVisible();
      await dialog.getByRole('checkbox', { name: 'GitHub' }).focus();
      await app.keyboard.press('Space');
      await shot('several');
      expect(await violations(app)).toEqual([]);
      await dialog.getByRole('button', { name: 'Scan again' }).click();

      // A transfer batch with an entry that cannot be added; then the summary after adding.
      await paste(
        app,
        await qrPng(
          migrationUri(
            [
              { secret: SEED, name: 'alice@example.com', issuer: 'GitLab' },
              { secret: SEED.slice(0, 8), name: 'short-key', issuer: 'Tiny' },
              { secret: new Uint8Array(0), name: 'empty', issuer: 'Broken' },
            ],
            { size: 2, index: 0, id: 5 },
          ),
        ),
      );
      await expect(dialog.getByText(/Google Authenticator transfer/)).toBeVisible();
      await shot('batch');
      expect(await violations(app)).toEqual([]);
      await dialog.getByRole('button', { name: 'Add device', exact: true }).click();
      await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
      await shot('summary');
      expect(await violations(app)).toEqual([]);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();

      // A camera that cannot be opened (no fake camera in this browser).
      const again = await openScanTab(app, 'Camera');
      await shot('camera');
      expect(await violations(app)).toEqual([]);
      await again.getByRole('button', { name: 'Start camera' }).click();
      await expect(again.getByRole('alert')).toBeVisible();
      await shot('camera-problem');
      expect(await violations(app)).toEqual([]);

      // Narrow window.
      await app.setViewportSize({ width: 360, height: 700 });
      await again.getByRole('button', { name: 'Back' }).click();
      await again.getByRole('tab', { name: 'Scan screen' }).click();
      await shot('screen-narrow');
      expect(await violations(app)).toEqual([]);
    });
  });
}
