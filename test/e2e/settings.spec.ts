/**
 * The settings screen end to end: reachable from the header by keyboard, every choice applied
 * at once to the window, saved in settings.json and still in force after the harness restarts.
 */
import { RFC_SEED_B32, expect, test } from './fixtures';

test('settings apply at once and survive a restart of the app', async ({ app, harness }) => {
  const added = await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  if (!added.ok) throw new Error('setup');
  // Copied after the restart (the first one's code may still be the one already copied).
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitLab:bob?secret=${RFC_SEED_B32}&issuer=GitLab`,
  );
  const copy = app.getByRole('button', { name: 'Copy code for GitHub alice' });
  await expect(copy).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');

  // From the keyboard: Tab to the header's Settings button.
  const settingsButton = app.getByRole('button', { name: 'Settings' });
  for (
    let i = 0;
    i < 12 && !(await settingsButton.evaluate(el => el === document.activeElement));
    i++
  ) {
    await app.keyboard.press('Tab');
  }
  await expect(settingsButton).toBeFocused();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByLabel('Motion').selectOption('reduce');
  await expect(app.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await dialog.getByLabel('Code grouping').selectOption('none');
  await dialog.getByLabel('Default order').selectOption('name');
  await dialog.getByLabel('Clear a copied code after').selectOption('10');
  await dialog.getByLabel('Time server (NTP)').fill('not a host!');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('host name or address');
  await dialog.getByLabel('Time server (NTP)').fill('127.0.0.1:9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status')).toContainText('Time server set to 127.0.0.1:9');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(settingsButton).toBeFocused();

  // Applied now: one block of digits, and the clipboard clears after the chosen delay.
  await expect(copy.locator('.code__group')).toHaveCount(1);
  await copy.click();
  await expect(app.getByRole('status')).toContainText('clipboard clears in 10 s');

  await harness.restart();
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('html')).toHaveAttribute('data-motion', 'reduce');
  await expect(app.getByLabel('Order')).toHaveValue('name');
  await expect(
    app.getByRole('button', { name: 'Copy code for GitHub alice' }).locator('.code__group'),
  ).toHaveCount(1);
  await app.keyboard.press('Control+,');
  const reopened = app.getByRole('dialog', { name: 'Settings' });
  await expect(reopened.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(reopened.getByLabel('Clear a copied code after')).toHaveValue('10');
  await expect(reopened.getByLabel('Time server (NTP)')).toHaveValue('127.0.0.1:9');
  await reopened.getByRole('button', { name: 'Done' }).click();
  await app.getByRole('button', { name: 'Copy code for GitLab bob' }).click();
  await expect(app.getByRole('status')).toContainText('clipboard clears in 10 s');
});
