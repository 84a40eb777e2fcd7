/**
 * The Add device flow end to end (issue 4): five sources (the scan sources say they are not
 * available yet and lead to the ones that are), a preview of what will be stored before anything
 * is, and a duplicate warning computed by main when the same secret or label already exists.
 */
import { RFC_SEED_B32, awsUri, expect, test } from './fixtures';

test('a pasted URI is previewed — names, AWS account, code settings — and stored only when confirmed', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await expect(dialog.getByRole('tab', { name: 'Paste URI' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(dialog.getByLabel('otpauth:// URI')).toBeFocused();
  await dialog
    .getByLabel('otpauth:// URI')
    .fill(`${awsUri('ci-bot@123456789012')}&digits=8&period=60&algorithm=SHA256`);
  await dialog.getByLabel('otpauth:// URI').press('Enter');

  const preview = dialog.getByRole('region', { name: 'Check before adding' });
  await expect(preview).toBeVisible();
  const expected: [string, string][] = [
    ['Issuer', 'Amazon Web Services'],
    ['Account', 'ci-bot@123456789012'],
    ['AWS account', '123456789012'],
    ['MFA device name', 'ci-bot'],
    ['Listed under', 'AWS 123456789012'],
    ['Codes', 'Time-based (TOTP) · 8 digits · SHA256 · new code every 60 s'],
  ];
  for (const [term, value] of expected) {
    await expect(preview.getByRole('term').filter({ hasText: term }).first()).toBeVisible();
    await expect(preview).toContainText(value);
  }
  await expect(preview.getByRole('alert')).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Add device' })).toBeFocused();
  expect(harness.app.devices.list()).toHaveLength(1); // nothing stored by the preview

  // Back keeps what was typed.
  await preview.getByRole('button', { name: 'Back' }).click();
  await expect(dialog.getByLabel('otpauth:// URI')).toHaveValue(/ci-bot/);
  await expect(dialog.getByRole('button', { name: 'Continue' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('button', { name: 'Add device' }).click();
  await expect(dialog).toBeHidden();
  expect(harness.app.devices.list()).toHaveLength(2);
  await expect(
    app.getByRole('button', { name: /Copy code for Amazon Web Services ci-bot/ }),
  ).toBeVisible();
});

test('the same secret or label already stored is flagged before adding, by main', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await dialog.getByRole('tab', { name: 'Manual entry' }).click();
  await dialog.getByLabel('Issuer').fill('github');
  await dialog.getByLabel('Account name').fill('Alice');
  await dialog.getByLabel('Secret (base32)').fill(RFC_SEED_B32.toLowerCase());
  await dialog.getByRole('button', { name: 'Continue' }).click();

  const warnings = dialog.getByRole('alert');
  await expect(warnings).toContainText('The same secret is already stored for GitHub');
  await expect(warnings).toContainText(
    'A device with the same issuer and account name already exists',
  );
  const confirm = dialog.getByRole('button', { name: 'Add anyway' });
  await expect(confirm).toBeFocused();
  expect(harness.app.devices.list()).toHaveLength(1);

  // Only the label: a different secret.
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByLabel('Secret (base32)').fill('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).not.toContainText('same secret');
  await expect(dialog.getByRole('alert')).toContainText('same issuer and account name');
  await dialog.getByRole('button', { name: 'Add anyway' }).click();
  await expect(dialog).toBeHidden();
  expect(harness.app.devices.list()).toHaveLength(2);
});

test('a refused entry stays in its source with the message; nothing is previewed or stored', async ({
  app,
  harness,
}) => {
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await dialog.getByRole('tab', { name: 'Paste URI' }).click();
  await dialog.getByLabel('otpauth:// URI').fill('otpauth://totp/Bad:x?secret=JBSWY3DP0HPK3PXP');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/"0".*position/);
  await expect(dialog.getByLabel('otpauth:// URI')).toBeFocused();
  await expect(dialog.getByRole('region', { name: 'Check before adding' })).toHaveCount(0);
  expect(harness.app.devices.list()).toEqual([]);
});

test('every source has its entry point, reached by keyboard too', async ({ app }) => {
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  const tabs = dialog.getByRole('tab');
  await expect(tabs).toHaveText([
    'Scan screen',
    'Camera',
    'Image file',
    'Paste URI',
    'Manual entry',
  ]);
  // Keyboard: arrows move between sources (automatic activation).
  await dialog.getByRole('tab', { name: 'Paste URI' }).focus();
  await app.keyboard.press('Home');
  await expect(dialog.getByRole('tab', { name: 'Scan screen' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Scan screen' })).toBeVisible();
  await app.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('button', { name: 'Start camera' })).toBeVisible();
  await app.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('button', { name: 'Choose image file…' })).toBeVisible();
  await app.keyboard.press('End');
  await expect(dialog.getByRole('tab', { name: 'Manual entry' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(dialog.getByLabel('Secret (base32)')).toBeVisible();
});
