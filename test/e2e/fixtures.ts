/**
 * Playwright fixtures: each test gets its own harness (fresh TESSERA_HOME, its own keychain
 * service name in the real Secret Service) and a page with the renderer open on it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { Harness } from '../harness/harness';

export const test = base.extend<{ harness: Harness; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  harness: async ({}, use) => {
    const harness = await Harness.start();
    await use(harness);
    await harness.stop();
  },
  app: async ({ page, harness }, use) => {
    await harness.open(page);
    await use(page);
  },
});

export { expect };

/** RFC 6238's SHA1 seed ("12345678901234567890") in base32. */
export const RFC_SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const AWS_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export function awsUri(label: string): string {
  return `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(label)}?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`;
}

/** The digits a row shows, without the grouping space. */
export async function codeOf(page: Page, deviceId: string): Promise<string> {
  const text = await page
    .locator(`li[data-device-id="${deviceId}"] [data-testid="code"]`)
    .textContent();
  return (text ?? '').replace(/\s/g, '');
}
