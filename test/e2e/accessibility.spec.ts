/**
 * axe-core on every screen of the first cut, in light and dark: 0 violations (WCAG 2.x A/AA).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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
      await expect(app.getByRole('menuitem', { name: 'Rename' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: 'Add device' }).first().click();
      const add = app.getByRole('dialog', { name: 'Add device' });
      await add.getByRole('tab', { name: 'Enter manually' }).click();
      await add.getByRole('button', { name: 'Add', exact: true }).click();
      expect(await violations(app)).toEqual([]);
      await app.keyboard.press('Escape');
      await expect(add).toBeHidden();

      await app.getByRole('button', { name: 'More actions for GitHub alice' }).click();
      await app.getByRole('menuitem', { name: 'Delete' }).click();
      await expect(app.getByRole('dialog', { name: 'Delete GitHub alice?' })).toBeVisible();
      expect(await violations(app)).toEqual([]);
    });

    test('the list with favourites, a collapsed group, a search, per-user counts and the settings screen has no violations', async ({
      app,
      harness,
    }) => {
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
