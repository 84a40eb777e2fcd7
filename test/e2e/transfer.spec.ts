/**
 * Transfer QR codes in the window: a warning and an explicit confirmation first, then codes
 * that decode (sharp + jsQR on a screenshot of the shown image) back into the devices; axe finds
 * no violations in either step, light or dark.
 */
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { readMigrationUri } from '../../main/core/interop/googleMigration';
import { RFC_SEED_B32, awsUri, expect, test } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`,
  );
}

async function decodePng(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  )?.data;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('shows transfer QR codes only after confirmation, and they decode to the devices', async ({
      app,
      harness,
    }) => {
      await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await harness.app.devices.addFromUri(
        `otpauth://totp/Slow:bob?secret=${RFC_SEED_B32}&issuer=Slow&period=60`,
      );
      await expect(app.locator('li[data-device-id]')).toHaveCount(3);

      await app.getByRole('button', { name: 'Move to a phone' }).click();
      const confirm = app.getByRole('dialog', { name: 'Move to a phone' });
      await expect(confirm).toContainText('Anyone who sees or photographs them');
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await expect(app.locator('img.transfer__qr')).toHaveCount(0);
      expect(await violations(app)).toEqual([]);

      await confirm.getByRole('button', { name: 'Show QR codes' }).click();
      const codes = app.getByRole('dialog', { name: 'Scan with your phone' });
      const image = codes.getByRole('img', { name: 'Transfer QR code 1 of 1' });
      await expect(image).toBeVisible();
      await expect(codes).toContainText('2 accounts in all');
      await codes.getByText('1 device is not included').click();
      await expect(codes).toContainText('Slow (bob)');
      expect(await violations(app)).toEqual([]);

      const uri = await decodePng(await image.screenshot());
      expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=/u);
      const read = readMigrationUri(uri ?? '');
      expect(read.ok && read.result.entries.map(e => [e.issuer, e.accountName])).toEqual([
        ['Amazon Web Services', 'alice@123456789012'],
        ['GitHub', 'alice'],
      ]);

      await codes.getByRole('button', { name: 'Done' }).click();
      await expect(codes).toBeHidden();
      await expect(app.locator('img.transfer__qr')).toHaveCount(0);
    });
  });
}
