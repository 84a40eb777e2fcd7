/**
 * QR scanning end to end, (b) the camera: Chromium's fake capture device plays a y4m made at
 * test time from a QR code, and the camera scanner adds the device. A spec of its own because
 * the browser must start with the fake-camera flags.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { qrFrame } from '../support/qrFrames';
import { lumaToY4m } from '../support/y4m';
import { expect, test as base } from './fixtures';
import { expectAddedWithSeed, openScanTab, SEED_B32 } from './scanHelpers';

// (b) The camera: Chromium's fake capture device plays a y4m made from a QR code.
const cameraDir = mkdtempSync(join(tmpdir(), 'tessera-camera-'));
const CAMERA_URI = `otpauth://totp/Camera%20Co:cam-user?secret=${SEED_B32}&issuer=Camera%20Co`;
const y4mPath = join(cameraDir, 'qr.y4m');
writeFileSync(
  y4mPath,
  lumaToY4m(
    qrFrame([{ text: CAMERA_URI, placement: { x: 200, y: 120, scale: 6 } }], {
      width: 640,
      height: 480,
    }),
  ),
);

base.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: [
      ...CHROMIUM_LAUNCH_OPTIONS.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4mPath}`,
    ],
  },
});

base(
  '(b) the camera scanner decodes the live frames and the device is added',
  async ({ app, harness }) => {
    const dialog = await openScanTab(app, 'Camera');
    await dialog.getByRole('button', { name: 'Start camera' }).click();
    await expect(dialog.getByLabel('Camera preview')).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Add this device?' })).toBeVisible({
      timeout: 20_000,
    });
    // The camera is closed once a code is found, and main no longer grants it.
    await expect(dialog.getByLabel('Camera preview')).toBeHidden();
    expect(harness.app.scan.cameraAllowed()).toBe(false);
    await expect(dialog).toContainText('Camera Co');
    await dialog.getByRole('button', { name: 'Add device', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectAddedWithSeed(app, harness, 'cam-user');
  },
);
