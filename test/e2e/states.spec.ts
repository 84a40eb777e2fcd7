/**
 * Empty and error states end to end (issue 4): a device whose secret is missing from the
 * keychain can have it re-entered (codes come back, metadata kept) or be removed; an unavailable
 * keychain says what to do and recovers with "Try again"; a search with no match says so.
 */
import { Harness } from '../harness/harness';
import { RFC_SEED_B32, awsUri, codeOf, expect, test } from './fixtures';

const ALICE = 'Amazon Web Services alice@123456789012';

test('a missing secret is re-entered: the code comes back and the metadata is kept', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
  if (!added.ok) throw new Error('setup');
  const id = added.device.id;
  await harness.keychain.delete(id);
  await harness.app.devices.retryKeychain();

  const banner = app.getByText('1 device has no secret in the keychain');
  await expect(banner).toBeVisible();
  const row = app.locator(`li[data-device-id="${id}"]`);
  await expect(row).toContainText('Secret missing from the keychain');

  await app.getByRole('button', { name: `More actions for ${ALICE}` }).click();
  await app.getByRole('menuitem', { name: 'Re-enter secret…' }).click();
  const dialog = app.getByRole('dialog', { name: `Re-enter the secret of ${ALICE}` });
  const field = dialog.getByLabel('Secret key or otpauth:// URI');
  await expect(field).toBeFocused();

  // A URI for other code settings is another device: refused, nothing stored.
  await field.fill(`otpauth://totp/X:y?secret=${RFC_SEED_B32}&digits=8`);
  await dialog.getByRole('button', { name: 'Save secret' }).click();
  await expect(dialog.getByRole('alert')).toContainText('it is for another device');
  await field.fill('JBSW Y3DP 0HPK');
  await dialog.getByRole('button', { name: 'Save secret' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/"0".*position/);
  expect(harness.app.devices.list()[0]?.secretStatus).toBe('missing');

  await field.fill(
    'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp',
  );
  await dialog.getByRole('button', { name: 'Save secret' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(app.getByRole('button', { name: `Copy code for ${ALICE}` })).toBeVisible();
  const expected = harness.app.codes.current().find(code => code.deviceId === id)?.code;
  await expect.poll(() => codeOf(app, id)).toBe(expected);
  expect(harness.app.devices.list()[0]).toMatchObject({
    id,
    issuer: 'Amazon Web Services',
    aws: { accountId: '123456789012', deviceName: 'alice' },
    secretStatus: 'ok',
  });
});

test('a device whose secret is missing can be removed from the banner', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  if (!added.ok) throw new Error('setup');
  await harness.keychain.delete(added.device.id);
  await harness.app.devices.retryKeychain();

  await app.getByRole('button', { name: `Delete ${ALICE}` }).click();
  const confirm = app.getByRole('dialog', { name: `Delete ${ALICE}?` });
  await expect(confirm).toContainText('Its secret is already missing from the keychain');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByText(/no secret in the keychain/)).toBeHidden();
  expect(harness.app.devices.list().map(d => d.issuer)).toEqual(['GitHub']);
});

test('an unavailable keychain says what to do, and "Try again" recovers once it is unlocked', async ({
  page,
}) => {
  const harness = await Harness.start({ keychainUnavailable: true });
  try {
    await harness.open(page);
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Tessera cannot reach the system keychain' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Unlock your keyring');
    await expect(alert).toContainText('Your devices are safe and nothing was deleted');
    await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
    await expect(page.getByText(/devices can be added once it can be reached/)).toBeVisible();
    await expect(page.locator('.empty').getByRole('button', { name: 'Add device' })).toHaveCount(0);

    // Still locked: the retry says so.
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert.getByRole('status')).toContainText('Still unavailable');

    // Unlocked: the banner goes and adding is offered.
    harness.keychain.available = true;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByRole('button', { name: 'Add device' }).first()).toBeVisible();
  } finally {
    await harness.stop();
  }
});

test('with devices, an unavailable keychain marks their rows and refuses a preview with the reason', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  harness.keychain.available = false;
  await harness.app.devices.retryKeychain();
  await app.reload();
  await expect(app.getByText('Tessera cannot reach the system keychain')).toBeVisible();
  await expect(app.locator('li[data-device-id]')).toContainText('Keychain unavailable');
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await dialog.getByLabel('otpauth:// URI').fill(`otpauth://totp/X:y?secret=${RFC_SEED_B32}`);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/keychain/i);
  expect(harness.app.devices.list()).toHaveLength(1);
});

test('a search that matches nothing says what was searched and clears back to the list', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  const search = app.getByRole('searchbox');
  await search.fill('nothing like this');
  const empty = app.getByRole('status').filter({ hasText: 'No devices match' });
  await expect(empty).toContainText('“nothing like this”');
  await expect(empty).toContainText('serial ARN');
  await empty.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(app.locator('li[data-device-id]')).toHaveCount(1);
});
