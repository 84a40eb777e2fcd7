/** Shared steps of the scanning e2e specs. */
import type { Page } from '@playwright/test';
import { totpCodeAt } from '../../main/core/otp/codes';
import { OtpSecret } from '../../main/core/secret';
import type { Harness } from '../harness/harness';
import { codeOf, expect } from './fixtures';

// RFC 6238's SHA1 seed, and an AWS label as the IAM console's QR code has it.
export const SEED = new TextEncoder().encode('12345678901234567890');
export const SEED_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const expectedCodes = () =>
  [Date.now(), Date.now() - 1500].map(atMs =>
    totpCodeAt(
      OtpSecret.fromBytes(SEED),
      { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
      atMs,
    ),
  );

/** Opens Add device on one of the scan sources. */
export async function openScanTab(
  app: Page,
  source: 'Scan screen' | 'Camera' | 'Image file' = 'Image file',
) {
  await app.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add device' });
  await dialog.getByRole('tab', { name: source }).click();
  return dialog;
}

/** The device the scan added shows the code of the known seed. */
export async function expectAddedWithSeed(app: Page, harness: Harness, accountName: string) {
  const device = harness.app.devices.list().find(d => d.accountName === accountName);
  expect(device).toBeDefined();
  await expect(app.locator(`li[data-device-id="${device!.id}"]`)).toBeVisible();
  await expect.poll(async () => expectedCodes().includes(await codeOf(app, device!.id))).toBe(true);
}
