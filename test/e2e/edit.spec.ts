/**
 * Editing a device end to end (issue 4): the one Edit dialog saves names, group, tags and AWS
 * details together; a bad serial ARN is refused with a message under its field and changes
 * nothing; the suggested ARN is accepted. The secret and its QR code appear only after an
 * explicit confirmation, and are hidden again when the window loses focus or the dialog closes.
 */
import type { Page } from '@playwright/test';
import { RFC_SEED_B32, awsUri, expect, test } from './fixtures';

const ALICE = 'Amazon Web Services alice@123456789012';

async function openEdit(page: Page, title: string) {
  await page.getByRole('button', { name: `More actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit device' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a bad serial ARN is refused with a message and changes nothing; the suggestion is accepted', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
  if (!added.ok) throw new Error('setup');
  const before = JSON.stringify(harness.app.devices.list());
  const edit = await openEdit(app, ALICE);
  await expect(edit.getByLabel('AWS virtual MFA device')).toBeChecked();
  await expect(edit.getByLabel('MFA device name')).toHaveValue('alice');
  await expect(edit).toContainText('Suggested: arn:aws:iam::123456789012:mfa/alice');

  const arn = edit.getByLabel('Serial number (ARN)');
  for (const [bad, message] of [
    ['arn:aws:iam::123456789012:user/alice', /IAM user, not of an MFA device/],
    ['arn:aws:iam::999999999999:mfa/alice', /belongs to account 999999999999/],
    ['not an arn', /looks like arn:aws:iam::123456789012:mfa\/device-name/],
  ] as const) {
    await arn.fill(bad);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit.getByRole('alert')).toContainText(message);
    await expect(arn).toBeFocused();
    await expect(arn).toHaveAttribute('aria-invalid', 'true');
  }
  expect(JSON.stringify(harness.app.devices.list())).toBe(before);

  await edit.getByRole('button', { name: 'Use suggestion' }).click();
  await expect(arn).toHaveValue('arn:aws:iam::123456789012:mfa/alice');
  await expect(edit.getByRole('alert')).toHaveCount(0);
  await edit.getByRole('radio', { name: 'IAM user' }).check();
  await edit.getByLabel('IAM user name').fill('alice');
  await edit.getByLabel('Group').fill('Production');
  await edit.getByLabel('Tags').fill('prod, daily, prod');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(app.getByText('Changes saved')).toBeVisible();
  expect(harness.app.devices.list()[0]).toMatchObject({
    group: { kind: 'custom', label: 'Production' },
    tags: ['prod', 'daily'],
    aws: {
      accountId: '123456789012',
      iamUser: 'alice',
      serialArn: 'arn:aws:iam::123456789012:mfa/alice',
    },
  });
  // Focus is back on the menu button that opened the dialog.
  await expect(app.getByRole('button', { name: `More actions for ${ALICE}` })).toBeFocused();
});

test('names are edited in the same dialog, and an empty name is refused under its field', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  const edit = await openEdit(app, 'GitHub alice');
  await expect(edit.getByLabel('AWS virtual MFA device')).not.toBeChecked();
  await expect(edit.getByLabel('Serial number (ARN)')).toHaveCount(0);
  await edit.getByLabel('Issuer').fill(' ');
  await edit.getByLabel('Account name').fill('');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText(
    'Give the device an issuer or an account name',
  );
  await expect(edit.getByLabel('Issuer')).toBeFocused();
  await edit.getByLabel('Issuer').fill('GitHub');
  await edit.getByLabel('Account name').fill('alice@work');
  await edit.getByLabel('Account name').press('Enter');
  await expect(edit).toBeHidden();
  await expect(app.getByRole('button', { name: 'Copy code for GitHub alice@work' })).toBeVisible();
});

test('the secret is revealed only after an explicit confirmation, and hidden again on blur', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(
    `otpauth://totp/GitHub:alice?secret=${RFC_SEED_B32}&issuer=GitHub`,
  );
  const edit = await openEdit(app, 'GitHub alice');
  const grouped = 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ';
  await expect(edit).not.toContainText(grouped);
  await expect(edit.getByRole('img', { name: /QR code/ })).toHaveCount(0);

  // Asking is not confirming: nothing is shown, and Cancel goes back.
  await edit.getByRole('button', { name: 'Show secret…' }).click();
  await expect(edit).toContainText('Anyone who sees the secret of GitHub alice');
  await expect(edit.getByRole('button', { name: 'Cancel' }).first()).toBeFocused();
  await expect(edit).not.toContainText(grouped);
  await edit.getByRole('button', { name: 'Cancel' }).first().click();
  await expect(edit).not.toContainText(grouped);
  expect(await app.content()).not.toContain('GEZDGNBV');

  // Confirmed: the secret, its QR code, and a copy that clears like a code.
  await edit.getByRole('button', { name: 'Show secret…' }).click();
  await edit.getByRole('button', { name: 'Show secret', exact: true }).click();
  await expect(edit).toContainText(grouped);
  await expect(
    edit.getByRole('img', { name: /QR code with the secret of GitHub alice/ }),
  ).toBeVisible();
  await edit.getByRole('button', { name: 'Copy secret' }).click();
  await expect(app.getByText(/Secret copied — the clipboard is cleared in 30 s/)).toBeVisible();
  expect(harness.clipboard.text).toBe(RFC_SEED_B32);

  // The window loses focus: hidden at once, and it says why.
  await app.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(edit).not.toContainText(grouped);
  await expect(edit.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await expect(edit.getByRole('status')).toHaveText('Hidden again: the window lost focus.');
  expect(await app.content()).not.toContain('GEZDGNBV');

  // Shown again (a new confirmation), then the dialog closes: nothing remains in the page.
  await edit.getByRole('button', { name: 'Show secret…' }).click();
  await edit.getByRole('button', { name: 'Show secret', exact: true }).click();
  await expect(edit).toContainText(grouped);
  await app.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  expect(await app.content()).not.toContain('GEZDGNBV');
  expect(await app.content()).not.toContain('GEZD GNBV');
});

test('the enrollment assistant’s "Edit AWS details" opens the Edit dialog at the serial ARN', async ({
  app,
  harness,
}) => {
  await harness.app.devices.addFromUri(awsUri('alice@123456789012'));
  await app.getByRole('button', { name: `More actions for ${ALICE}` }).click();
  await app.getByRole('menuitem', { name: 'Enroll with AWS…' }).click();
  const enroll = app.getByRole('dialog', { name: 'Enroll with AWS' });
  await enroll.getByRole('button', { name: 'Edit AWS details' }).click({ timeout: 30_000 });
  const edit = app.getByRole('dialog', { name: 'Edit device' });
  await expect(edit.getByLabel('Serial number (ARN)')).toBeFocused();
  await edit.getByRole('button', { name: 'Use suggestion' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('dialog', { name: 'Enroll with AWS' })).toBeVisible();
  expect(harness.app.devices.list()[0]?.aws?.serialArn).toBe('arn:aws:iam::123456789012:mfa/alice');
});
