/**
 * The AWS companion end to end (real renderer, real services, real keychain): the enrollment
 * assistant waits for a rollover and shows code 1 of the period that just ended and code 2 of
 * the fresh one; the AWS CLI command; the reuse guard; editing AWS details with ARN checks; the
 * account header's console link and device limit. Every dialog is checked with axe, light and
 * dark. Expected codes are computed here, in Node, from the RFC 6238 seed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { totpCodeAt } from '../../main/core/otp/codes';
import { OtpSecret } from '../../main/core/secret';
import { RFC_SEED_B32, codeOf, expect, test } from './fixtures';

const rfcSeed = () => OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
const totp = (atMs: number, periodSeconds = 30) =>
  totpCodeAt(rfcSeed(), { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds }, atMs);

/** An AWS virtual MFA device with the RFC seed, so its codes can be computed here. */
const awsRfcUri = (label: string) =>
  `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(label)}?secret=${RFC_SEED_B32}&issuer=Amazon%20Web%20Services`;

const ALICE = 'Amazon Web Services alice@123456789012';

/** axe in both colour schemes, on whatever is open now. */
async function expectNoViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      results.violations.map(
        v => `${colorScheme} ${v.id}: ${v.nodes.map(n => n.target).join('; ')}`,
      ),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Waits until the current `periodMs` period has between `fromMs` and `toMs` elapsed. */
async function waitForPhase(page: Page, fromMs: number, toMs: number, periodMs = 30_000) {
  for (;;) {
    const elapsed = Date.now() % periodMs;
    if (elapsed >= fromMs && elapsed < toMs) return;
    const waitMs = elapsed < fromMs ? fromMs - elapsed : periodMs - elapsed + fromMs;
    await page.waitForTimeout(Math.min(waitMs, 1000));
  }
}

const digitsOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s/g, '');

const secondsIn = async (page: Page, pattern: RegExp) => {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  return Number(pattern.exec(text)?.[1] ?? NaN);
};

async function openRowMenuItem(page: Page, title: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `More actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('the enrollment assistant counts down to the rollover, then shows code 1 and code 2 and copies each', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsRfcUri('alice@123456789012'));
  if (!added.ok) throw new Error('setup');
  await expect(app.getByRole('button', { name: `Copy code for ${ALICE}` })).toBeVisible();

  // Less than 20 s left in this period (and enough to look at the countdown): AWS gets the pair
  // only right after the next rollover.
  await waitForPhase(app, 10_500, 26_500);
  const rolloverMs = Math.ceil(Date.now() / 30_000) * 30_000;
  await openRowMenuItem(app, ALICE, 'Enroll with AWS…');
  const dialog = app.getByRole('dialog', { name: 'Enroll with AWS' });
  await expect(dialog.getByRole('timer')).toHaveText(/^Next code in \d+ s$/);
  await expect(dialog).toContainText('Tessera will show the pair right after it');
  const shown = await secondsIn(app, /in (\d+) s/);
  expect(Math.abs(shown - Math.ceil((rolloverMs - Date.now()) / 1000))).toBeLessThanOrEqual(1);
  await expect(dialog.getByTestId('enroll-code1')).toHaveCount(0);
  await expectNoViolations(app);

  // The rollover: code 1 is the code of the period that just ended, code 2 the fresh one.
  await expect(dialog.getByTestId('enroll-code1')).toBeVisible({ timeout: 25_000 });
  expect(await digitsOf(app, 'enroll-code1')).toBe(totp(rolloverMs - 1));
  expect(await digitsOf(app, 'enroll-code2')).toBe(totp(rolloverMs));
  await expect(dialog.getByRole('timer')).toHaveText(/^Submit now — \d+ s left$/);
  expect(await secondsIn(app, /(\d+) s left/)).toBeGreaterThanOrEqual(20);

  await dialog.getByRole('button', { name: 'Copy MFA code 1' }).click();
  await expect(dialog).toContainText('MFA code 1 copied');
  expect(harness.clipboard.text).toBe(totp(rolloverMs - 1));
  await dialog.getByRole('button', { name: 'Copy MFA code 2' }).click();
  await expect(dialog).toContainText('MFA code 2 copied');
  expect(harness.clipboard.text).toBe(totp(rolloverMs));
  // No serial ARN yet: the assistant says how to get the command instead of showing one.
  await expect(dialog.getByTestId('enroll-command')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Edit AWS details' })).toBeVisible();
  await expectNoViolations(app);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: `More actions for ${ALICE}` })).toBeFocused();
});

test('the AWS CLI command names the IAM user typed in, with the serial ARN and both codes, and copies', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsRfcUri('alice@123456789012'));
  if (!added.ok) throw new Error('setup');

  // AWS details through the UI: the account ID comes from the label; suggest the serial ARN.
  await openRowMenuItem(app, ALICE, 'Edit…');
  const edit = app.getByRole('dialog', { name: 'Edit device' });
  await expect(edit.getByLabel('AWS account ID')).toHaveValue('123456789012');
  await edit.getByRole('radio', { name: 'IAM user' }).check();
  await edit.getByLabel('IAM user name').fill('alice');
  await edit.getByRole('button', { name: 'Use suggestion' }).click();
  await expect(edit.getByLabel('Serial number (ARN)')).toHaveValue(
    'arn:aws:iam::123456789012:mfa/alice',
  );
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  await openRowMenuItem(app, ALICE, 'Enroll with AWS…');
  const dialog = app.getByRole('dialog', { name: 'Enroll with AWS' });
  const userName = dialog.getByLabel('IAM user name');
  await expect(userName).toHaveValue('alice'); // prefilled from the AWS details
  await userName.fill('ops+alice@example');

  // Whether a pair was showing or not, the command for this name comes with a pair.
  const command = dialog.getByTestId('enroll-command');
  await expect(command).toContainText('--user-name ops+alice@example', { timeout: 25_000 });
  const code1 = await digitsOf(app, 'enroll-code1');
  const code2 = await digitsOf(app, 'enroll-code2');
  const step2 = Math.floor(Date.now() / 30_000);
  expect([code1, code2]).toEqual([totp((step2 - 1) * 30_000), totp(step2 * 30_000)]);
  const expected = `aws iam enable-mfa-device --user-name ops+alice@example --serial-number arn:aws:iam::123456789012:mfa/alice --authentication-code1 ${code1} --authentication-code2 ${code2}`;
  await expect(command).toHaveText(expected);

  await dialog.getByRole('button', { name: 'Copy command' }).click();
  await expect(dialog).toContainText('The command copied');
  expect(harness.clipboard.text).toBe(expected);
});

test('the reuse guard refuses a second copy in the same period, offers the next code, and lets go after the rollover', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(
    `otpauth://totp/Fast:guard?secret=${RFC_SEED_B32}&issuer=Fast&period=4`,
  );
  if (!added.ok) throw new Error('setup');
  const id = added.device.id;
  const row = app.locator(`li[data-device-id="${id}"]`);
  const copy = row.getByRole('button', { name: 'Copy code for Fast guard' });
  await expect(copy).toBeVisible();

  await waitForPhase(app, 100, 1200, 4000);
  const periodStart = Math.floor(Date.now() / 4000) * 4000;
  await copy.click();
  await expect.poll(() => harness.clipboard.writes.length).toBe(1);
  expect(harness.clipboard.text).toBe(totp(periodStart, 4));

  // Same period: refused, the clipboard keeps what it had, and the row says when the next comes.
  await copy.click();
  await expect(row).toContainText(/Already used — next code in [1-4] s/);
  await expect(app.getByRole('status')).toContainText(/already used/i);
  expect(harness.clipboard.writes).toHaveLength(1);

  // "Copy anyway" copies the same code again, on purpose.
  await row.getByRole('button', { name: 'Copy anyway' }).click();
  await expect.poll(() => harness.clipboard.writes.length).toBe(2);
  expect(harness.clipboard.text).toBe(totp(periodStart, 4));

  // "Copy next code when it appears" waits for the rollover, then copies the new code.
  await copy.click();
  await expect(row).toContainText('Already used');
  await row.getByRole('button', { name: 'Copy next code when it appears' }).click();
  await expect(row).toContainText('Copying the next code as soon as it appears');
  await expectNoViolations(app);
  await expect.poll(() => harness.clipboard.writes.length, { timeout: 6000 }).toBe(3);
  expect(harness.clipboard.text).toBe(totp(periodStart + 4000, 4));
  expect(Date.now()).toBeGreaterThanOrEqual(periodStart + 4000);
  await expect(row).not.toContainText('Copying the next code');

  // After the next rollover, a plain copy works again.
  await expect.poll(() => codeOf(app, id), { timeout: 6000 }).toBe(totp(periodStart + 8000, 4));
  await copy.click();
  await expect.poll(() => harness.clipboard.writes.length).toBe(4);
  expect(harness.clipboard.text).toBe(totp(periodStart + 8000, 4));
  await expect(row).not.toContainText('Already used');

  // The menu's "Copy next code" copies the code after the one showing.
  await openRowMenuItem(app, 'Fast guard', 'Copy next code (valid after this one)');
  await expect.poll(() => harness.clipboard.writes.length).toBe(5);
  expect([totp(periodStart + 12_000, 4), totp(periodStart + 16_000, 4)]).toContain(
    harness.clipboard.text,
  );
});

test('Edit AWS details refuses a serial ARN from another account and saves a valid one', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(awsRfcUri('alice@123456789012'));
  if (!added.ok) throw new Error('setup');
  const before = JSON.stringify(harness.app.devices.list());

  await openRowMenuItem(app, ALICE, 'Edit…');
  const edit = app.getByRole('dialog', { name: 'Edit device' });
  await expect(edit.getByLabel('MFA device name')).toHaveValue('alice');
  await edit.getByLabel('Serial number (ARN)').fill('arn:aws:iam::999999999999:mfa/alice');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText(
    'belongs to account 999999999999, but this device is in account 123456789012',
  );
  expect(JSON.stringify(harness.app.devices.list())).toBe(before);
  await expectNoViolations(app);

  await edit.getByRole('button', { name: 'Use suggestion' }).click();
  await edit.getByRole('radio', { name: 'Root user' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  expect(harness.app.devices.list()[0]?.aws).toMatchObject({
    accountId: '123456789012',
    root: true,
    serialArn: 'arn:aws:iam::123456789012:mfa/alice',
  });
  const row = app.locator(`li[data-device-id="${added.device.id}"]`);
  await expect(row).toContainText('Root user');

  // Shown again when the dialog reopens.
  await openRowMenuItem(app, ALICE, 'Edit…');
  await expect(edit.getByLabel('Serial number (ARN)')).toHaveValue(
    'arn:aws:iam::123456789012:mfa/alice',
  );
  await expect(edit.getByRole('radio', { name: 'Root user' })).toBeChecked();
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // The root user has no CLI command: the assistant says to use the console.
  await openRowMenuItem(app, ALICE, 'Resync with AWS…');
  const resync = app.getByRole('dialog', { name: 'Resync with AWS' });
  await expect(resync).toContainText('console');
  await expect(resync.getByLabel('IAM user name')).toHaveCount(0);
});

test('an AWS account header links to its console sign-in and warns past 8 devices per user', async ({
  app,
  harness,
}) => {
  for (let index = 1; index <= 9; index++) {
    const added = await harness.app.devices.addFromUri(awsRfcUri(`laptop-${index}@123456789012`));
    if (!added.ok) throw new Error('setup');
    await harness.app.devices.editAws(added.device.id, {
      accountId: '123456789012',
      alias: null,
      deviceName: `laptop-${index}`,
      principal: { kind: 'iam-user', userName: 'bob' },
      serialArn: null,
    });
  }
  const account = app.getByRole('region', { name: 'AWS 123456789012' });
  await expect(account.locator('li[data-device-id]')).toHaveCount(9);
  const link = account.getByRole('link', { name: /Console sign-in/ });
  await expect(link).toHaveAttribute('href', 'https://123456789012.signin.aws.amazon.com/console');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(account).toContainText('AWS allows at most 8 MFA devices per user');
  await expect(account).toContainText('IAM user bob has 9 MFA devices');
  await expectNoViolations(app);
});
