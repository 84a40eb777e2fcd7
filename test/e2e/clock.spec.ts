/**
 * Clock health end to end: the harness's loopback NTP server runs 9 s ahead of this computer
 * (never a real time server). "Check clock" finds the drift; "Apply offset to codes" makes the
 * codes those of the server's time; "Stop applying" goes back. A server that does not answer
 * gets a quiet notice, only because the user asked.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { totpCodeAt } from '../../main/core/otp/codes';
import { OtpSecret } from '../../main/core/secret';
import { Harness } from '../harness/harness';
import { RFC_SEED_B32, codeOf, expect, test as base } from './fixtures';

const NTP_OFFSET_MS = 9000;

/** The shared fixtures, with a harness whose time server is 9 s ahead. */
const test = base.extend<{ harness: Harness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  harness: async ({}, use) => {
    const harness = await Harness.start({ ntpOffsetMs: NTP_OFFSET_MS });
    await use(harness);
    await harness.stop();
  },
});

const rfcSeed = () => OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
// A 5-second period: the code at now + 9 s always differs from the code now.
const PERIOD_SECONDS = 5;
const totp = (atMs: number) =>
  totpCodeAt(
    rfcSeed(),
    { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: PERIOD_SECONDS },
    atMs,
  );

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

test('a clock 9 s behind the time server is found, and the offset can be applied to codes and removed', async ({
  app,
  harness,
}) => {
  const added = await harness.app.devices.addFromUri(
    `otpauth://totp/Clock:alice?secret=${RFC_SEED_B32}&issuer=Clock&period=${PERIOD_SECONDS}`,
  );
  if (!added.ok) throw new Error('setup');
  const id = added.device.id;
  await expect.poll(() => codeOf(app, id)).toBe(totp(Date.now()));

  await app.getByRole('button', { name: 'Check clock' }).click();
  const drift = app.getByRole('alert').filter({ hasText: 'The clock is off by 9 s' });
  await expect(drift).toBeVisible();
  await expect(drift).toContainText('9 s behind');
  await expectNoViolations(app);

  await drift.getByRole('button', { name: 'Apply offset to codes' }).click();
  await expect(drift).toBeHidden();
  await expect(app.getByText('Codes use a clock correction of +9 s')).toBeVisible();
  const stop = app.getByRole('button', { name: 'Stop applying' });
  await expect(stop).toBeFocused();
  await expect.poll(() => codeOf(app, id)).toBe(totp(Date.now() + NTP_OFFSET_MS));
  // And it stays right across a rollover (main schedules on the corrected clock).
  const corrected = await codeOf(app, id);
  await expect.poll(() => codeOf(app, id), { timeout: 8000 }).not.toBe(corrected);
  await expect.poll(() => codeOf(app, id)).toBe(totp(Date.now() + NTP_OFFSET_MS));
  await expectNoViolations(app);

  await stop.click();
  await expect(app.getByText('Codes use a clock correction')).toBeHidden();
  await expect.poll(() => codeOf(app, id)).toBe(totp(Date.now()));
  await expect(drift).toBeVisible();
  await expect(drift.getByRole('button', { name: 'Apply offset to codes' })).toBeFocused();
});

test('a time server that does not answer gets a quiet notice, only after the user asked', async ({
  app,
  harness,
}) => {
  harness.ntp.setBehaviour('silent');
  await expect(app.getByRole('button', { name: 'Check clock' })).toBeVisible();
  await expect(app.getByText('Could not check the clock')).toHaveCount(0);

  await app.getByRole('button', { name: 'Check clock' }).click();
  const notice = app.locator('.banner').filter({ hasText: 'Could not check the clock' });
  await expect(notice).toBeVisible({ timeout: 8000 });
  await expect(notice).toContainText('Codes still work');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await expectNoViolations(app);
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toBeHidden();
});
