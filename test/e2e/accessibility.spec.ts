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
  });
}
