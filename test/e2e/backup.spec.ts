/**
 * Backup, restore and import in the real renderer over the harness (real keychain, real files):
 * back up, restore into a fresh harness home with a preview first, import an Aegis vault with its
 * preview, the wrong-password message, and axe-core on every screen in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { Harness } from '../harness/harness';
import { RFC_SEED_B32, awsUri, expect, test } from './fixtures';

const AEGIS = resolve(import.meta.dirname, '../fixtures/imports/aegis/aegis_encrypted.json');
const PASSPHRASE = 'correct horse battery staple';
const files = mkdtempSync(join(tmpdir(), 'tessera-e2e-files-'));
test.afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`,
  );
}

async function openMenuItem(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Backup, import and export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('back up, then restore into a fresh home with a preview, after a wrong passphrase', async ({
  app,
  harness,
  browser,
}) => {
  test.setTimeout(90_000);
  await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
  await harness.app.devices.addFromUri(`otpauth://hotp/Counter:c?secret=${RFC_SEED_B32}&counter=3`);
  await expect(app.getByText('Your devices are not backed up yet')).toBeVisible();

  const backupPath = join(files, 'e2e.tessera');
  harness.dialogs.savePath = backupPath;
  await app.getByRole('button', { name: 'Back up now' }).click();
  const backup = app.getByRole('dialog', { name: 'Back up now' });
  await backup.getByLabel('Passphrase', { exact: true }).fill('short');
  await backup.getByLabel('Passphrase again').fill('short');
  await backup.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(backup.getByText(/at least 10 characters; a few random words/)).toBeVisible();
  await backup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await backup.getByLabel('Passphrase again').fill(PASSPHRASE);
  await backup.getByRole('button', { name: 'Choose where to save…' }).click();
  const saved = app.getByRole('dialog', { name: 'Backup saved' });
  await expect(saved).toContainText('2 devices written to e2e.tessera');
  await saved.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByText('Your devices are not backed up yet')).toBeHidden();
  expect(readFileSync(backupPath, 'utf8')).toContain('"format": "tessera-backup"');

  const fresh = await Harness.start();
  const page = await browser.newPage();
  try {
    await fresh.open(page);
    await expect(page.getByRole('heading', { name: /no devices yet/i })).toBeVisible();
    fresh.dialogs.openPath = backupPath;
    await openMenuItem(page, 'Restore from a backup…');
    const restore = page.getByRole('dialog', { name: 'Restore from a backup' });
    await restore.getByRole('button', { name: 'Choose file…' }).click();
    await expect(restore.getByText('e2e.tessera')).toBeVisible();
    await restore.getByLabel('Backup passphrase').fill('wrong passphrase');
    await restore.getByRole('button', { name: 'Preview' }).click();
    await expect(restore.getByRole('alert')).toHaveText(
      'Wrong passphrase for this backup. Nothing was restored.',
    );
    expect(fresh.app.devices.list()).toHaveLength(0);

    await restore.getByLabel('Backup passphrase').fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Preview' }).click();
    const check = page.getByRole('dialog', { name: 'Restore: check before saving' });
    await expect(check.getByText('2 new')).toBeVisible();
    await expect(
      check.getByRole('list', { name: 'Entries in the file' }).getByRole('listitem'),
    ).toHaveCount(2);
    expect(fresh.app.devices.list()).toHaveLength(0); // the preview stored nothing
    await check.getByRole('button', { name: 'Restore 2 devices' }).click();
    await expect(page.getByRole('dialog', { name: 'Restore finished' })).toContainText(
      '2 devices added',
    );
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('li[data-device-id]')).toHaveCount(2);
    expect(
      fresh.app.devices
        .list()
        .map(d => d.id)
        .sort(),
    ).toEqual(
      harness.app.devices
        .list()
        .map(d => d.id)
        .sort(),
    );
    expect(
      fresh.app.codes
        .current()
        .map(c => c.code)
        .sort(),
    ).toEqual(
      harness.app.codes
        .current()
        .map(c => c.code)
        .sort(),
    );
  } finally {
    await page.close();
    await fresh.stop();
  }
});

test('imports an encrypted Aegis vault with a preview, and says when the password is wrong', async ({
  app,
  harness,
}) => {
  const copy = join(files, 'aegis-export.json');
  copyFileSync(AEGIS, copy);
  harness.dialogs.openPath = copy;
  await openMenuItem(app, 'Import from another app…');
  const dialog = app.getByRole('dialog', { name: 'Import from another app' });
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog.getByLabel('Exported from')).toHaveValue('aegis');
  await dialog.getByLabel('Password (if the export is encrypted)').fill('nope');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Wrong password for this Aegis vault (or the file is damaged).',
  );

  await dialog.getByLabel('Password (if the export is encrypted)').fill('test');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const check = app.getByRole('dialog', { name: 'Import: check before saving' });
  await expect(check.getByText('6 new')).toBeVisible();
  await expect(check.getByText('1 cannot be imported')).toBeVisible();
  await expect(check.getByText('Boeing (Sophia)')).toBeVisible();
  expect(harness.app.devices.list()).toHaveLength(0);
  await check.getByRole('button', { name: 'Import 6 devices' }).click();
  const finished = app.getByRole('dialog', { name: 'Import finished' });
  await expect(finished).toContainText('6 devices added');
  await expect(finished).toContainText('1 entry could not be imported');
  await finished.getByRole('button', { name: 'Done' }).click();
  await expect(app.locator('li[data-device-id]')).toHaveCount(6);
});

test('exports an otpauth list only after the unencrypted warning is acknowledged', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  const path = join(files, 'plain.txt');
  harness.dialogs.savePath = path;
  await openMenuItem(app, 'Export to…');
  const dialog = app.getByRole('dialog', { name: 'Export to…' });
  await dialog.getByLabel(/List of otpauth:\/\/ links/).check();
  await expect(dialog.getByText('This file is not encrypted')).toBeVisible();
  await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Confirm that you understand the file is not encrypted.',
  );
  expect(existsSync(path)).toBe(false);
  await dialog.getByLabel('I understand; write it anyway').check();
  await dialog.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(app.getByRole('dialog', { name: 'Export saved' })).toBeVisible();
  expect(readFileSync(path, 'utf8')).toContain(`secret=${RFC_SEED_B32}`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the backup screens have no accessibility violations', async ({ app, harness }) => {
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await expect(app.getByText('Your devices are not backed up yet')).toBeVisible();
      expect(await violations(app)).toEqual([]);

      await app.getByRole('button', { name: 'Backup, import and export' }).click();
      expect(await violations(app)).toEqual([]);
      await app.getByRole('menuitem', { name: 'Back up now…' }).click();
      const backup = app.getByRole('dialog', { name: 'Back up now' });
      await backup.getByRole('button', { name: 'Choose where to save…' }).click();
      await expect(backup.getByRole('alert')).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');

      await openMenuItem(app, 'Export to…');
      await app.getByLabel(/List of otpauth:\/\/ links/).check();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');

      const copy = join(files, `a11y-${colorScheme}.json`);
      copyFileSync(AEGIS, copy);
      harness.dialogs.openPath = copy;
      await openMenuItem(app, 'Import from another app…');
      const dialog = app.getByRole('dialog', { name: 'Import from another app' });
      await dialog.getByRole('button', { name: 'Choose file…' }).click();
      await dialog.getByLabel('Password (if the export is encrypted)').fill('test');
      expect(await violations(app)).toEqual([]);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const check = app.getByRole('dialog', { name: 'Import: check before saving' });
      await expect(check.getByText('6 new')).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });
  });
}
