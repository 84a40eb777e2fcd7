/**
 * What survives a restart: devices added through the UI are in the real keychain and the real
 * vault.json, so a restarted main process (same TESSERA_HOME, same keychain service) shows them
 * again with the same codes.
 */
import { RFC_SEED_B32, codeOf, expect, test } from './fixtures';

test('devices added in the UI are still there after the app restarts', async ({ app, harness }) => {
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await dialog.getByRole('tab', { name: 'Paste URI' }).click();
  await dialog
    .getByLabel('otpauth:// URI')
    .fill(`otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('button', { name: 'Add device' }).click();
  await expect(app.getByRole('button', { name: 'Copy code for GitHub alice' })).toBeVisible();
  const [device] = harness.app.devices.list();

  await harness.restart();
  await app.reload();
  await expect(app.getByRole('button', { name: 'Copy code for GitHub alice' })).toBeVisible();
  const afterRestart = harness.app.codes.current().find(code => code.deviceId === device!.id)?.code;
  await expect.poll(() => codeOf(app, device!.id)).toBe(afterRestart);
});
