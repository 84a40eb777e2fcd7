/**
 * The device list end to end (real renderer in Chromium, real services, real keychain): AWS
 * accounts with several devices and per-user counts, instant search, favourites, reorder from
 * the keyboard, collapsible groups, order, and a code copied in its last seconds.
 */
import type { Page } from '@playwright/test';
import { totpCodeAt } from '../../main/core/otp/codes';
import { OtpSecret } from '../../main/core/secret';
import type { Harness } from '../harness/harness';
import { RFC_SEED_B32, awsUri, expect, test } from './fixtures';

const rfcSeed = () => OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
const totp = (atMs: number, periodSeconds: number) =>
  totpCodeAt(rfcSeed(), { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds }, atMs);

async function add(harness: Harness, uri: string): Promise<string> {
  const outcome = await harness.app.devices.addFromUri(uri);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.device.id;
}

async function addAws(
  harness: Harness,
  label: string,
  principal: { kind: 'iam-user'; userName: string } | { kind: 'root' } | { kind: 'unknown' },
  account: { accountId?: string; alias?: string; serialArn?: string } = {},
): Promise<string> {
  const id = await add(harness, awsUri(label));
  const view = harness.app.devices.list().find(device => device.id === id);
  if (view?.aws == null) throw new Error('not an AWS device');
  const edited = await harness.app.devices.editAws(id, {
    accountId: account.accountId ?? view.aws.accountId,
    alias: account.alias ?? view.aws.alias,
    deviceName: view.aws.deviceName,
    principal,
    serialArn: account.serialArn ?? null,
  });
  if (!edited.ok) throw new Error(edited.message);
  return id;
}

const github = (account: string) =>
  `otpauth://totp/GitHub:${account}?secret=${RFC_SEED_B32}&issuer=GitHub`;

/** Device ids of the rows in a section, in the order shown. */
const rowIds = (page: Page, section: string) =>
  page
    .getByRole('region', { name: section })
    .locator('li[data-device-id]')
    .evaluateAll(rows => rows.map(row => (row as HTMLElement).dataset.deviceId));

async function waitForPhase(page: Page, fromMs: number, toMs: number, periodMs: number) {
  for (;;) {
    const elapsed = Date.now() % periodMs;
    if (elapsed >= fromMs && elapsed < toMs) return;
    const waitMs = elapsed < fromMs ? fromMs - elapsed : periodMs - elapsed + fromMs;
    await page.waitForTimeout(Math.min(waitMs, 1000));
  }
}

test('an AWS account lists several devices with a count per IAM user and root, alias and ID together', async ({
  app,
  harness,
}) => {
  await addAws(harness, 'alice@123456789012', { kind: 'iam-user', userName: 'alice' });
  await addAws(harness, 'alice-backup@123456789012', { kind: 'iam-user', userName: 'alice' });
  await addAws(harness, 'root-mfa@123456789012', { kind: 'root' });
  await addAws(harness, 'ci@123456789012', { kind: 'unknown' });
  // One label carries the alias, another the ID; a device that records both joins them.
  await addAws(harness, 'ops@acme-prod', { kind: 'iam-user', userName: 'ops' });
  await addAws(
    harness,
    'deploy@acme-prod',
    { kind: 'iam-user', userName: 'deploy' },
    { accountId: '210987654321' },
  );
  await add(harness, github('alice'));

  const account = app.getByRole('region', { name: 'AWS 123456789012' });
  await expect(account.locator('li[data-device-id]')).toHaveCount(4);
  const counts = account.locator('.group__principals');
  await expect(counts).toContainText('Devices per user:');
  await expect(counts.locator('.principal-count')).toHaveText([
    'root: 1,',
    'alice: 2,',
    'user not set: 1',
  ]);
  await expect(account.getByText('4 devices')).toBeVisible();

  const joined = app.getByRole('region', { name: 'AWS acme-prod (210987654321)' });
  await expect(joined.locator('li[data-device-id]')).toHaveCount(2);
  await expect(app.getByRole('region', { name: /^AWS acme-prod$/ })).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'GitHub' }).locator('li')).toHaveCount(1);
});

test('search filters instantly across issuer, account, AWS account, alias and ARN, from / or Ctrl+F', async ({
  app,
  harness,
}) => {
  const alice = await addAws(
    harness,
    'alice@123456789012',
    { kind: 'iam-user', userName: 'alice' },
    { alias: 'acme-dev', serialArn: 'arn:aws:iam::123456789012:mfa/alice-phone' },
  );
  const bob = await addAws(harness, 'bob@123456789012', { kind: 'iam-user', userName: 'bob' });
  const gh = await add(harness, github('carol'));
  await expect(app.locator('li[data-device-id]')).toHaveCount(3);
  const search = app.getByRole('searchbox', { name: 'Search devices' });

  await app.locator('body').click();
  await app.keyboard.press('/');
  await expect(search).toBeFocused();
  const visibleIds = () =>
    app
      .locator('li[data-device-id]:visible')
      .evaluateAll(rows => rows.map(row => (row as HTMLElement).dataset.deviceId).sort());

  for (const [query, expected] of [
    ['github', [gh]],
    ['carol', [gh]],
    ['acme-dev', [alice, bob]], // the alias names the whole account
    ['123456789012 bob', [bob]],
    ['mfa/alice-phone', [alice]], // the serial ARN
    ['ÁLICE', [alice]],
  ] as const) {
    await search.fill(query);
    await expect.poll(visibleIds).toEqual([...expected].sort());
  }
  await expect(app.getByText('1 of 3 devices')).toBeVisible();
  await search.fill('nothing-like-this');
  await expect(app.getByText(/No devices match/)).toBeVisible();

  await search.press('Escape');
  await expect.poll(visibleIds).toHaveLength(3);
  await app.getByRole('button', { name: 'Copy code for GitHub carol' }).focus();
  await app.keyboard.press('Control+f');
  await expect(search).toBeFocused();
});

test('a favourite is pinned on top, and stays pinned after a restart', async ({ app, harness }) => {
  const first = await add(harness, github('alice'));
  const second = await add(harness, `otpauth://totp/Zulu:zed?secret=${RFC_SEED_B32}&issuer=Zulu`);
  await expect(app.locator('li[data-device-id]')).toHaveCount(2);
  await expect(app.getByRole('region', { name: 'Favourites' })).toHaveCount(0);

  const star = app.getByRole('button', { name: 'Favourite Zulu zed' });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.focus();
  await app.keyboard.press('Enter');
  const favourites = app.getByRole('region', { name: 'Favourites' });
  await expect(favourites.locator(`li[data-device-id="${second}"]`)).toBeVisible();
  await expect(app.getByRole('button', { name: 'Favourite Zulu zed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The Favourites section comes before every group.
  const sections = await app
    .locator('section[data-section-key]')
    .evaluateAll(list => list.map(section => (section as HTMLElement).dataset.sectionKey));
  expect(sections[0]).toBe('favorites');
  expect(harness.app.devices.list().find(device => device.id === second)?.favorite).toBe(true);

  await harness.restart();
  await app.reload();
  await expect(
    app.getByRole('region', { name: 'Favourites' }).locator(`li[data-device-id="${second}"]`),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Favourite Zulu zed' }).click();
  await expect(app.getByRole('region', { name: 'Favourites' })).toHaveCount(0);
  expect(harness.app.devices.list().find(device => device.id === first)?.favorite).toBe(false);
});

test('Alt+Up and Alt+Down move the focused device within its group, announced and saved', async ({
  app,
  harness,
}) => {
  const a = await add(harness, github('anna'));
  const b = await add(harness, github('bert'));
  const c = await add(harness, github('cleo'));
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([a, b, c]);

  await app.getByRole('button', { name: 'Copy code for GitHub cleo' }).focus();
  await app.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([a, c, b]);
  await expect(app.getByRole('status')).toContainText(
    'Moved GitHub cleo to position 2 of 3 in GitHub',
  );
  await expect(app.getByRole('button', { name: 'Copy code for GitHub cleo' })).toBeFocused();

  await app.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([c, a, b]);
  await app.keyboard.press('Alt+ArrowUp');
  await expect(app.getByRole('status')).toContainText('Already first in this group');
  await app.getByRole('button', { name: 'Copy code for GitHub anna' }).focus();
  await app.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([c, b, a]);

  // Saved in vault.json: a restarted app lists them in the same order.
  await harness.restart();
  await app.reload();
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([c, b, a]);

  // Other orders are for reading: moving asks for manual order first.
  await app.getByLabel('Order').selectOption('name');
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([a, b, c]);
  await app.getByRole('button', { name: 'Copy code for GitHub bert' }).focus();
  await app.keyboard.press('Alt+ArrowUp');
  await expect(app.getByRole('status')).toContainText('manual order');
  await expect.poll(() => rowIds(app, 'GitHub')).toEqual([a, b, c]);
});

test('a group collapses from its heading, and stays collapsed after a restart', async ({
  app,
  harness,
}) => {
  await add(harness, github('anna'));
  await add(harness, `otpauth://totp/Zulu:zed?secret=${RFC_SEED_B32}&issuer=Zulu`);
  const toggle = app.getByRole('button', { name: 'GitHub', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(app.getByRole('region', { name: 'GitHub' }).locator('li')).toHaveCount(0);

  await harness.restart();
  await app.reload();
  await expect(app.getByRole('button', { name: 'GitHub', exact: true })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(app.getByRole('region', { name: 'Zulu' }).locator('li')).toHaveCount(1);
  // A search looks inside collapsed groups too.
  await app.getByRole('searchbox', { name: 'Search devices' }).fill('anna');
  await expect(app.getByRole('button', { name: 'Copy code for GitHub anna' })).toBeVisible();
});

test('a code in its last 5 seconds is marked, and copying it offers the next code', async ({
  app,
  harness,
}) => {
  const id = await add(
    harness,
    `otpauth://totp/Fast:expiring?secret=${RFC_SEED_B32}&issuer=Fast&period=10`,
  );
  const row = app.locator(`li[data-device-id="${id}"]`);
  const copy = row.getByRole('button', { name: 'Copy code for Fast expiring' });
  await expect(copy).toBeVisible();

  await waitForPhase(app, 5_400, 7_000, 10_000);
  const periodStart = Math.floor(Date.now() / 10_000) * 10_000;
  await expect(copy).toHaveClass(/code-button--urgent/);
  await expect(copy).toHaveAccessibleDescription(/Expires in under 5 seconds/);
  await copy.click();
  await expect.poll(() => harness.clipboard.writes.length).toBe(1);
  expect(harness.clipboard.text).toBe(totp(periodStart, 10));
  await expect(row).toContainText(/Copied a code that expires in [1-5] s/);
  await expect(app.getByRole('status')).toContainText(/expires in/);

  await row.getByRole('button', { name: 'Copy the next code instead' }).click();
  await expect.poll(() => harness.clipboard.writes.length).toBe(2);
  expect(harness.clipboard.text).toBe(totp(periodStart + 10_000, 10));
  await expect(row.locator('.row__notice')).toHaveCount(0);

  // Early in a period the code is not marked.
  await waitForPhase(app, 500, 3_000, 10_000);
  await expect(copy).not.toHaveClass(/code-button--urgent/);
});

test('the next code shows on hover, and not at all when the setting says never', async ({
  app,
  harness,
}) => {
  const id = await add(harness, github('anna'));
  const row = app.locator(`li[data-device-id="${id}"]`);
  const next = row.locator('.next-code');
  await expect(next).toBeHidden();
  await row.hover();
  await expect(next).toBeVisible();
  await expect(next).toHaveText(/^next \d{3} \d{3}$/);
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Show the next code').selectOption('never');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await row.hover();
  await expect(next).toHaveCount(0);
});
