/**
 * A long list end to end (real renderer in Chromium, real services, real keychain): the list is
 * windowed, so only rows near the viewport are in the DOM, yet every row can be reached by
 * scrolling, by the keyboard and by search, the focused row survives scrolling away, and the
 * section headings and counts describe the whole list.
 */
import type { Page } from '@playwright/test';
import type { Harness } from '../harness/harness';
import { RFC_SEED_B32, expect, test } from './fixtures';

const PER_ISSUER = 120;
const ISSUERS = ['Alpha', 'Bravo'] as const;
const TOTAL = PER_ISSUER * ISSUERS.length;

async function seed(harness: Harness): Promise<void> {
  for (const issuer of ISSUERS) {
    for (let i = 0; i < PER_ISSUER; i++) {
      const account = `${issuer.toLowerCase()}-${String(i).padStart(3, '0')}@example.com`;
      const outcome = await harness.app.devices.addFromUri(
        `otpauth://totp/${issuer}:${account}?secret=${RFC_SEED_B32}&issuer=${issuer}`,
      );
      if (!outcome.ok) throw new Error(outcome.message);
    }
  }
}

const renderedRows = (page: Page) => page.locator('li[data-device-id]').count();

const focusedAccount = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement
        ?.closest('li[data-device-id]')
        ?.querySelector('.row__primary')
        ?.textContent.trim() ?? null,
  );

test.describe('a list of 240 devices', () => {
  test.slow(); // seeding 240 devices through the real keychain takes a few seconds

  test.beforeEach(async ({ harness, page }) => {
    await seed(harness);
    await page.setViewportSize({ width: 900, height: 700 });
    await harness.open(page);
    await expect(page.getByText(`${TOTAL} devices`, { exact: true })).toBeVisible();
  });

  test('only rows near the viewport are in the DOM, and scrolling reaches the last one', async ({
    page,
  }) => {
    const alpha = page.getByRole('region', { name: 'Alpha' });
    await expect(alpha.getByText(`${PER_ISSUER} devices`)).toBeVisible();
    await expect(alpha.locator('li').first()).toHaveAttribute('aria-setsize', String(PER_ISSUER));
    const atTop = await renderedRows(page);
    expect(atTop).toBeGreaterThan(5);
    expect(atTop).toBeLessThan(TOTAL / 2);

    // Scroll step by step to the end, as a wheel would: the last device shows with its code.
    await page.mouse.move(400, 400);
    for (let i = 0; i < 80; i++) {
      await page.mouse.wheel(0, 600);
      const done = await page.evaluate(
        () => innerHeight + scrollY >= document.documentElement.scrollHeight - 2,
      );
      if (done) break;
    }
    const last = page.locator('li[data-device-id]', { hasText: 'bravo-119@example.com' });
    await expect(last).toBeInViewport();
    await expect(last.getByTestId('code')).toHaveText(/^\d{3}\s?\d{3}$/);
    expect(await renderedRows(page)).toBeLessThan(TOTAL / 2);
  });

  test('Down arrow walks into rows not rendered yet; the focused row stays when scrolled away', async ({
    page,
  }) => {
    const first = page
      .locator('li[data-device-id]', { hasText: 'alpha-000@example.com' })
      .locator('.code-button');
    await first.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAccount(page)).toBe('alpha-040@example.com');
    const focused = page.locator('li[data-device-id]', { hasText: 'alpha-040@example.com' });
    await expect(focused).toBeInViewport();

    await page.evaluate(() => {
      scrollTo(0, document.documentElement.scrollHeight);
    });
    await expect(
      page.locator('li[data-device-id]', { hasText: 'bravo-119@example.com' }),
    ).toBeInViewport();
    // Far off screen, but still in the DOM and still focused: Enter copies its code.
    await expect.poll(() => focusedAccount(page)).toBe('alpha-040@example.com');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText(/copied/i);

    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedAccount(page)).toBe('alpha-039@example.com');
    await expect(
      page.locator('li[data-device-id]', { hasText: 'alpha-039@example.com' }),
    ).toBeInViewport();
  });

  test('search finds a row far down the list, and clearing it brings the whole list back', async ({
    page,
  }) => {
    await page.keyboard.press('/');
    await page.keyboard.type('bravo-11');
    const bravo = page.getByRole('region', { name: 'Bravo' });
    await expect(bravo.locator('li[data-device-id]')).toHaveCount(10); // bravo-110 … bravo-119
    await expect(bravo.getByText(`10 of ${PER_ISSUER} devices`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Alpha' })).toHaveCount(0);
    await expect(bravo.locator('li').first()).toHaveAttribute('aria-setsize', '10');

    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Alpha' })).toBeVisible();
    await expect(page.getByText(`${TOTAL} devices`, { exact: true })).toBeVisible();
    expect(await renderedRows(page)).toBeLessThan(TOTAL / 2);
  });
});
