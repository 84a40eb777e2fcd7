/**
 * README screenshots of the real UI (`npm run screenshots`, after `npm run build`): the e2e
 * harness (real services, real keychain via scripts/with-secret-service.sh, a temporary
 * TESSERA_HOME) serves the built renderer to Debian Chromium, with a made-up vault of random
 * secrets. Writes assets/screenshots/*.png at 1× scale, in light and dark colour schemes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../test/support/chromium';
import { encodeBase32 } from '../main/core/otp/base32';
import { Harness } from '../test/harness/harness';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'assets/screenshots');

const WIDE = { width: 1000, height: 820 };
/** `--quick`: no wait for a calm moment in the period (for looking at layout changes). */
const QUICK = process.argv.includes('--quick');
const NARROW = { width: 420, height: 760 };

type Scheme = 'light' | 'dark';

/** A fresh random seed in base32: 20 bytes (32 characters) by default; AWS uses 40 (64). */
function secret(bytes = 20): string {
  return encodeBase32(randomBytes(bytes));
}

function otpauthUri(
  type: 'totp' | 'hotp',
  issuer: string,
  account: string,
  params: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ secret: secret(), issuer, ...params });
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://${type}/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

const awsUri = (account: string): string =>
  otpauthUri('totp', 'Amazon Web Services', account, { secret: secret(40) });

interface AwsDetails {
  readonly alias?: string;
  readonly accountId?: string;
  /** An IAM user name, `root`, or null (not set). */
  readonly user: string | null;
  readonly favorite?: boolean;
}

interface Entry {
  readonly uri: string;
  readonly aws?: AwsDetails;
  readonly favorite?: boolean;
}

/** A plausible vault: fictional people, organisations and account ids only. */
const VAULT: readonly Entry[] = [
  {
    uri: awsUri('alice.liddell@example.com@123456789012'),
    aws: { user: 'alice.liddell', alias: 'acme-dev', accountId: '123456789012', favorite: true },
  },
  { uri: awsUri('bob@123456789012'), aws: { user: 'bob' } },
  { uri: awsUri('bob-yubikey-backup@123456789012'), aws: { user: 'bob' } },
  { uri: awsUri('root-mfa@123456789012'), aws: { user: 'root' } },
  { uri: awsUri('ci-deployer@acme-staging'), aws: { user: 'ci-deployer' } },
  { uri: awsUri('break-glass@acme-prod'), aws: { user: 'root' } },
  { uri: awsUri('alice@acme-prod'), aws: { user: 'alice' } },
  { uri: awsUri('alice@210987654321'), aws: { user: null } },
  { uri: otpauthUri('totp', 'GitHub', 'alice-liddell'), favorite: true },
  { uri: otpauthUri('totp', 'GitHub', 'acme-release-bot') },
  { uri: otpauthUri('totp', 'Google', 'alice.liddell.longname@example-university.edu') },
  { uri: otpauthUri('totp', 'Cloudflare', 'ops@example.com') },
  { uri: otpauthUri('totp', 'npm', 'alice-liddell') },
  {
    uri: otpauthUri('totp', 'Acme VPN', 'alice', {
      algorithm: 'SHA256',
      digits: '8',
      period: '60',
    }),
  },
  { uri: otpauthUri('hotp', 'Northwind Bank', 'alice', { counter: '7' }) },
];

async function populate(harness: Harness): Promise<void> {
  for (const entry of VAULT) {
    const outcome = await harness.app.devices.addFromUri(entry.uri);
    if (!outcome.ok) {
      throw new Error(`Could not add ${entry.uri.split('?')[0] ?? entry.uri}: ${outcome.message}`);
    }
    const { device } = outcome;
    if (entry.aws !== undefined && device.aws !== null) {
      const { user, alias, accountId } = entry.aws;
      const edited = await harness.app.devices.editAws(device.id, {
        accountId: accountId ?? device.aws.accountId,
        alias: alias ?? device.aws.alias,
        deviceName: device.aws.deviceName,
        principal:
          user === null
            ? { kind: 'unknown' }
            : user === 'root'
              ? { kind: 'root' }
              : { kind: 'iam-user', userName: user },
        serialArn: null,
      });
      if (!edited.ok) throw new Error(edited.message);
    }
    if (entry.favorite === true || entry.aws?.favorite === true) {
      await harness.app.devices.setFavorite(device.id, true);
    }
  }
}

/** Opens the renderer in a fresh context and waits for it to be ready to photograph. */
async function openApp(
  browser: Browser,
  harness: Harness,
  scheme: Scheme,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ colorScheme: scheme, viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await harness.open(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/**
 * Waits until every row in the DOM shows its code (HOTP included). The list is windowed: in a
 * short window only the rows near the viewport are rendered, so at most `count` are expected.
 */
async function waitForCodes(page: Page, count: number): Promise<void> {
  await page.locator('[data-testid="code"]').first().waitFor({ state: 'visible' });
  await page.waitForFunction(expected => {
    const rows = [...document.querySelectorAll('li[data-device-id].row--copyable')];
    return (
      rows.length > 0 &&
      rows.length <= expected &&
      rows.every(row => row.querySelector('[data-testid="code"]') !== null)
    );
  }, count);
}

/**
 * Waits, if need be, for a moment 8–16 s into a 30 s period, so the 30 s countdown rings are
 * about half to three-quarters full and no code is in its last (warning-coloured) seconds.
 */
async function waitForCalmMoment(page: Page): Promise<void> {
  if (QUICK) return;
  const intoPeriod = Date.now() % 30_000;
  if (intoPeriod >= 8_000 && intoPeriod <= 16_000) return;
  await page.waitForTimeout((38_000 - intoPeriod) % 30_000);
}

const written: string[] = [];

/**
 * Freezes the page as it is and photographs it. Every animation is paused where it stands rather
 * than using Playwright's `animations: 'disabled'`, which fast-forwards finite CSS animations to
 * their end: that would draw every countdown ring fully drained.
 */
async function shoot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300); // fonts, layout and the dialog's entrance transitions
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) animation.pause();
  });
  const path = join(OUT_DIR, name);
  await page.screenshot({ path, caret: 'hide', ...(clip === undefined ? {} : { clip }) });
  written.push(path);
  await page.context().close();
}

/**
 * Where to cut a narrow window so it ends on a whole card, not on a sliver of the next one: the
 * bottom of the last group that fits, plus most of the 16 px gap between groups (all of it
 * would show the next card's top border).
 */
async function wholeCardsHeight(page: Page): Promise<number> {
  const margin = 12;
  const viewportHeight = page.viewportSize()?.height ?? NARROW.height;
  const bottoms = await page
    .locator('.group')
    .evaluateAll(groups => groups.map(group => group.getBoundingClientRect().bottom));
  const fitting = bottoms.filter(bottom => bottom + margin <= viewportHeight);
  return fitting.length === 0 ? viewportHeight : Math.round(Math.max(...fitting) + margin);
}

async function listShots(browser: Browser, harness: Harness): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openApp(browser, harness, scheme, WIDE);
    await waitForCodes(page, VAULT.length); // every row has its code, HOTP included
    await waitForCalmMoment(page);
    await shoot(page, `list-${scheme}.png`);
  }
  const narrow = await openApp(browser, harness, 'light', NARROW);
  await waitForCodes(narrow, VAULT.length);
  await waitForCalmMoment(narrow);
  const height = await wholeCardsHeight(narrow);
  await shoot(narrow, 'list-narrow-light.png', { x: 0, y: 0, width: NARROW.width, height });
}

async function addDeviceShot(browser: Browser, harness: Harness): Promise<void> {
  const page = await openApp(browser, harness, 'dark', WIDE);
  await waitForCodes(page, VAULT.length);
  await page.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add device' });
  await dialog.getByRole('tab', { name: 'Paste URI' }).click();
  const field = dialog.getByLabel('otpauth:// URI');
  await field.waitFor({ state: 'visible' });
  if ((await field.inputValue()) !== '') throw new Error('the URI field is not empty');
  await waitForCalmMoment(page);
  await shoot(page, 'add-device-dark.png');
}

async function settingsShots(browser: Browser, harness: Harness): Promise<void> {
  for (const [scheme, viewport] of [
    ['light', WIDE],
    ['dark', NARROW],
  ] as const) {
    const page = await openApp(browser, harness, scheme, viewport);
    await waitForCodes(page, VAULT.length);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'visible' });
    await shoot(page, `settings-${scheme}.png`);
  }
}

/** The keyboard user's view: a search narrowing the list, focus ring on a code. */
async function searchShot(browser: Browser, harness: Harness): Promise<void> {
  const page = await openApp(browser, harness, 'dark', WIDE);
  await waitForCodes(page, VAULT.length);
  await page.keyboard.press('/');
  await page.keyboard.type('alice');
  // Keyboard modality is on (typing), so this focus shows its ring as Tab would.
  await page.locator('.code-button:visible').nth(2).focus();
  await waitForCalmMoment(page);
  await shoot(page, 'search-dark.png');
}

async function emptyShot(browser: Browser): Promise<void> {
  const harness = await Harness.start();
  try {
    const page = await openApp(browser, harness, 'light', WIDE);
    await page.getByRole('heading', { name: /no devices yet/i }).waitFor({ state: 'visible' });
    await shoot(page, 'empty-light.png');
  } finally {
    await harness.stop();
  }
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  let browser: Browser | undefined;
  let harness: Harness | undefined;
  try {
    browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    harness = await Harness.start();
    await populate(harness);
    await listShots(browser, harness);
    await addDeviceShot(browser, harness);
    await settingsShots(browser, harness);
    await searchShot(browser, harness);
    await emptyShot(browser);
  } finally {
    await harness?.stop();
    await browser?.close();
  }
  for (const path of written) {
    const { size } = await stat(path);
    console.log(`${relative(ROOT, path)}  ${(size / 1024).toFixed(1)} KB`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
