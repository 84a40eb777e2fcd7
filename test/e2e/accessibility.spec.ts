/**
 * axe-core on every screen, in light and dark: 0 violations (WCAG 2.x A/AA). Issue 4's screens:
 * the Edit dialog (with a refusal, the reveal confirmation and the revealed secret), every Add
 * source and the preview with duplicate warnings, the missing-secret banner and re-entry dialog,
 * no search results, and the keychain-unavailable state (empty and populated).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Harness } from '../harness/harness';
import { AWS_SECRET, RFC_SEED_B32, awsUri, expect, test } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join('; ')})`,
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the empty state has no accessibility violations', async ({ app }) => {
      await expect(app.getByRole('heading', { name: /no devices yet/i })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('a populated list, its row menu and the add and delete dialogs have no violations', async ({
      app,
      harness,
    }) => {
      test.slow(); // several axe runs on a shared machine
      await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      await harness.app.devices.addFromUri(awsUri('root-mfa@123456789012'));
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await harness.app.devices.addFromUri(
        `otpauth://hotp/Counter:c?secret=${RFC_SEED_B32}&counter=3`,
      );
      await harness.app.devices.addFromUri(
        `otpauth://totp/Evil:alice?secret=${AWS_SECRET}&issuer=Bank`,
      );
      await expect(app.locator('li[data-device-id]')).toHaveCount(5);
      expect(await violations(app)).toEqual([]);

      await app.getByRole('button', { name: 'More actions for GitHub alice' }).click();
      await expect(app.getByRole('menuitem', { name: 'Edit…' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: 'Add device' }).first().click();
      const add = app.getByRole('dialog', { name: 'Add device' });
      await add.getByRole('tab', { name: 'Manual entry' }).click();
      await add.getByRole('button', { name: 'Continue' }).click();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');
      await expect(add).toBeHidden();

      await app.getByRole('button', { name: 'More actions for GitHub alice' }).click();
      await app.getByRole('menuitem', { name: 'Delete' }).click();
      await expect(app.getByRole('dialog', { name: 'Delete GitHub alice?' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('the edit dialog, with a refusal and the reveal steps, has no violations', async ({
      app,
      harness,
    }) => {
      test.slow(); // several axe runs on a shared machine
      await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await app.getByRole('button', { name: /More actions for Amazon Web Services alice/ }).click();
      await app.getByRole('menuitem', { name: 'Edit…' }).click();
      const edit = app.getByRole('dialog', { name: 'Edit device' });
      await edit.getByLabel('Serial number (ARN)').fill('arn:aws:iam::123456789012:role/x');
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit.getByRole('alert')).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await edit.getByRole('button', { name: 'Show secret…' }).click();
      expect(await violations(app)).toEqual([]);
      await edit.getByRole('button', { name: 'Show secret', exact: true }).click();
      await expect(edit.getByRole('img', { name: /QR code/ })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('every add source and the preview with duplicate warnings have no violations', async ({
      app,
      harness,
    }) => {
      test.slow(); // several axe runs on a shared machine
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await app.getByRole('button', { name: 'Add device' }).first().click();
      const add = app.getByRole('dialog', { name: 'Add device' });
      for (const source of ['Scan screen', 'Camera', 'Image file', 'Paste URI', 'Manual entry']) {
        await add.getByRole('tab', { name: source }).click();
        expect(await violations(app), source).toEqual([]);
      }
      await add.getByRole('tab', { name: 'Paste URI' }).click();
      await add
        .getByLabel('otpauth:// URI')
        .fill(`otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`);
      await add.getByRole('button', { name: 'Continue' }).click();
      await expect(add.getByRole('button', { name: 'Add anyway' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('missing secrets, re-entry, no search results and an unavailable keychain have no violations', async ({
      app,
      harness,
    }) => {
      test.slow(); // several axe runs on a shared machine
      const added = await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      if (!added.ok) throw new Error('setup');
      await harness.keychain.delete(added.device.id);
      await harness.app.devices.retryKeychain();
      await expect(app.getByText(/no secret in the keychain/)).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await app.getByRole('button', { name: /Re-enter the secret of/ }).click();
      const reenter = app.getByRole('dialog', { name: /Re-enter the secret/ });
      await reenter.getByRole('button', { name: 'Save secret' }).click();
      await expect(reenter.getByRole('alert')).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');

      await app.getByRole('searchbox').fill('no such device');
      await expect(app.getByText(/No devices match/)).toBeVisible();
      expect(await violations(app)).toEqual([]);

      harness.keychain.available = false;
      await harness.app.devices.retryKeychain();
      await app.reload();
      await expect(app.getByText('Tessera cannot reach the system keychain')).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('the keychain-unavailable empty state has no violations', async ({ page }) => {
      const harness = await Harness.start({ keychainUnavailable: true });
      try {
        await harness.open(page);
        await expect(page.getByText('Tessera cannot reach the system keychain')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      } finally {
        await harness.stop();
      }
    });

    test('the list with favourites, a collapsed group, a search, per-user counts and the settings screen has no violations', async ({
      app,
      harness,
    }) => {
      test.slow(); // several axe runs on a shared machine
      const alice = await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
      await harness.app.devices.addFromUri(awsUri('root-mfa@123456789012'));
      const github = await harness.app.devices.addFromUri(
        `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
      );
      await harness.app.devices.addFromUri(
        `otpauth://totp/Acme%20VPN:alice?secret=${RFC_SEED_B32}&issuer=Acme%20VPN&digits=8`,
      );
      if (!alice.ok || !github.ok) throw new Error('setup');
      await harness.app.devices.editAws(alice.device.id, {
        accountId: '123456789012',
        alias: 'acme-dev',
        deviceName: 'alice',
        principal: { kind: 'iam-user', userName: 'alice' },
        serialArn: null,
      });
      await harness.app.devices.setFavorite(github.device.id, true);
      await expect(app.getByRole('region', { name: 'Favourites' })).toBeVisible();
      await expect(app.locator('.group__principals')).toBeVisible();
      await app.getByRole('button', { name: 'Acme VPN', exact: true }).click();
      await app.locator('li[data-device-id]').first().hover();
      expect(await violations(app)).toEqual([]);

      await app.getByRole('searchbox', { name: 'Search devices' }).fill('alice');
      await app.getByLabel('Order').selectOption('recent');
      expect(await violations(app)).toEqual([]);

      await app.getByRole('button', { name: 'Settings' }).click();
      await expect(app.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('the notice after copying an expiring code has no violations', async ({
      app,
      harness,
    }) => {
      const added = await harness.app.devices.addFromUri(
        `otpauth://totp/Fast:x?secret=${RFC_SEED_B32}&issuer=Fast&period=10`,
      );
      if (!added.ok) throw new Error('setup');
      const copy = app.getByRole('button', { name: 'Copy code for Fast x' });
      await expect(copy).toBeVisible();
      // Early in the last 5 s of a 10 s period, so the copy lands before the rollover.
      while (Date.now() % 10_000 < 5_300 || Date.now() % 10_000 > 6_500) {
        await app.waitForTimeout(100);
      }
      await expect(copy).toHaveClass(/code-button--urgent/);
      await copy.click();
      await expect(app.locator('.row__notice')).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });
  });
}
