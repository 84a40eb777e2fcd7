/**
 * QR scanning end to end (issue 3): the real renderer and services, the zxing-wasm test
 * stand-in decoder (until the worker decoder lands), and real sources — (a) a real X11 grab of
 * an Xvfb display on which a second Chromium shows an AWS enrollment page, (b) the camera
 * (scanCamera.spec.ts, which needs its own browser), (c) a PNG dropped on the dialog (and one pasted),
 * (d) a Google Authenticator transfer QR adding its batch. Debian: xvfb, x11-apps, chromium.
 */
import { chromium, type Page } from '@playwright/test';
import { X11ScreenCapture } from '../../main/node/x11ScreenCapture';
import { Harness } from '../harness/harness';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import { migrationUri } from '../support/migrationUri';
import { qrDataUrl, qrFrame, qrPng } from '../support/qrFrames';
import { startXvfb, type Xvfb } from '../support/xvfb';
import { expect, test as base } from './fixtures';
import { expectAddedWithSeed, openScanTab, SEED, SEED_B32 } from './scanHelpers';

const AWS_ENROLL_URI = `otpauth://totp/Amazon%20Web%20Services:scan-test@123456789012?secret=${SEED_B32}&issuer=Amazon%20Web%20Services`;

// (a) The screen: Tessera's harness grabs a private Xvfb display for real.
const screenTest = base.extend<{ xvfb: Xvfb }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  xvfb: async ({}, use) => {
    const xvfb = await startXvfb({ width: 1280, height: 800 });
    await use(xvfb);
    await xvfb.stop();
  },
  harness: async ({ xvfb }, use) => {
    const harness = await Harness.start({
      screenCapture: new X11ScreenCapture([xvfb.display]),
    });
    await use(harness);
    await harness.stop();
  },
});

screenTest(
  '(a) "Scan screen" finds the QR code of an enrollment page on the display and adds the device after confirmation',
  async ({ app, harness, xvfb }) => {
    const browser = await chromium.launch({
      ...CHROMIUM_LAUNCH_OPTIONS,
      headless: false,
      args: [...CHROMIUM_LAUNCH_OPTIONS.args, '--window-position=0,0', '--window-size=1280,800'],
      env: { ...process.env, DISPLAY: xvfb.display },
    });
    try {
      const site = await browser.newPage({ viewport: { width: 1200, height: 700 } });
      await site.setContent(
        `<!doctype html><title>Set up virtual MFA device</title>
         <body style="font-family:sans-serif;margin:40px;background:#fff">
           <h1>Set up virtual MFA device</h1>
           <p>1. Install a compatible app. 2. Use your virtual MFA app to scan the QR code.</p>
           <img alt="QR code" width="200" height="200" src="${await qrDataUrl(AWS_ENROLL_URI, 4)}">
           <p>3. Type two consecutive MFA codes below.</p>
         </body>`,
      );
      await site.locator('img').evaluate(img => (img as HTMLImageElement).decode());

      const dialog = await openScanTab(app, 'Scan screen');
      await dialog.getByRole('button', { name: 'Scan screen' }).click();
      await expect(dialog.getByRole('heading', { name: 'Add this device?' })).toBeVisible();
      await expect(dialog).toContainText('123456789012');
      await expect(dialog).toContainText('scan-test');
      // Nothing is stored before the user confirms.
      expect(harness.app.devices.list()).toHaveLength(0);
      await dialog.getByRole('button', { name: 'Add device', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expectAddedWithSeed(app, harness, 'scan-test@123456789012');
    } finally {
      await browser.close();
    }
  },
);

screenTest('(a) a screen without a QR code says so and suggests zooming in', async ({ app }) => {
  const dialog = await openScanTab(app, 'Scan screen');
  await dialog.getByRole('button', { name: 'Scan screen' }).click();
  await expect(dialog.getByRole('status')).toContainText(/No QR code found on the screen.*zoom in/);
});

base(
  '(b) a camera that cannot be opened says why and offers the other sources',
  async ({ app }) => {
    // The default harness browser has no fake camera and no auto-accept: getUserMedia fails.
    const dialog = await openScanTab(app, 'Camera');
    await dialog.getByRole('button', { name: 'Start camera' }).click();
    await expect(dialog.getByRole('alert')).toContainText(/camera.*image file or paste/i);
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(dialog.getByRole('button', { name: 'Start camera' })).toBeFocused();
    await dialog.getByRole('tab', { name: 'Image file' }).click();
    await expect(dialog.getByRole('button', { name: 'Choose image file…' })).toBeVisible();
  },
);

// (c) Image files: dropped, and pasted.
async function dropFile(page: Page, selector: string, png: Buffer, name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'image/png' }));
      return transfer;
    },
    { base64: png.toString('base64'), fileName: name },
  );
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

base('(c) a PNG dropped on the dialog adds the device', async ({ app, harness }) => {
  const uri = `otpauth://totp/Dropped:png-user?secret=${SEED_B32}&issuer=Dropped`;
  const dialog = await openScanTab(app);
  await dropFile(app, '[data-testid="scan-drop"]', await qrPng(uri), 'QRCodePNG.png');
  await expect(dialog.getByRole('heading', { name: 'Add this device?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add device', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectAddedWithSeed(app, harness, 'png-user');
});

base(
  '(c) a pasted image is scanned; a non-authenticator code is named, not added',
  async ({ app, harness }) => {
    const dialog = await openScanTab(app);
    const png = await qrPng('https://example.com/welcome');
    await app.evaluate(base64 => {
      const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
    }, png.toString('base64'));
    await expect(
      dialog.getByRole('heading', { name: 'No authenticator code found' }),
    ).toBeVisible();
    await expect(dialog).toContainText("This QR code isn't a 2FA setup code: it is a web link.");
    await expect(dialog.getByRole('button', { name: /^Add/ })).toHaveCount(0);
    expect(harness.app.devices.list()).toHaveLength(0);
  },
);

base('(c) several codes in one image are listed to pick from', async ({ app, harness }) => {
  const frame = qrFrame([
    { text: `otpauth://totp/First:one?secret=${SEED_B32}&issuer=First`, placement: { x: 0 } },
    {
      text: `otpauth://totp/Second:two?secret=JBSWY3DPEHPK3PXP&issuer=Second`,
      placement: { x: 260 },
    },
  ]);
  // The same frame as a PNG, made in the page (no image files on disk).
  const dialog = await openScanTab(app);
  await app.evaluate(
    async ({ width, height, luma }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const image = context.createImageData(width, height);
      luma.forEach((v, i) => {
        image.data.set([v, v, v, 255], i * 4);
      });
      context.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'two.png', { type: 'image/png' }));
      const zone = document.querySelector('[data-testid="scan-drop"]')!;
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    { width: frame.width, height: frame.height, luma: [...frame.data] },
  );
  await expect(dialog.getByRole('heading', { name: 'Choose the codes to add' })).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Second' }).check();
  await dialog.getByRole('button', { name: 'Add device', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(harness.app.devices.list().map(d => d.issuer)).toEqual(['Second']);
});

// (d) A Google Authenticator transfer QR: the whole batch is previewed, then added.
base(
  '(d) a Google Authenticator transfer QR previews its batch and adds every account',
  async ({ app, harness }) => {
    const uri = migrationUri(
      [
        { secret: SEED, name: 'alice@example.com', issuer: 'GitLab' },
        { secret: SEED, name: 'ga-bob', issuer: 'Dropbox', digits: 2 },
      ],
      { size: 2, index: 0, id: 77 },
    );
    const dialog = await openScanTab(app);
    await dropFile(app, '[data-testid="scan-drop"]', await qrPng(uri), 'transfer.png');
    await expect(dialog).toContainText('Google Authenticator transfer (2 accounts)');
    await expect(dialog).toContainText('QR code 1 of 2');
    await dialog.getByRole('button', { name: 'Add 2 devices' }).click();
    await expect(dialog).toBeHidden();
    expect(harness.app.devices.list().map(d => [d.issuer, d.accountName, d.digits])).toEqual([
      ['GitLab', 'alice@example.com', 6],
      ['Dropbox', 'ga-bob', 8],
    ]);
    await expectAddedWithSeed(app, harness, 'alice@example.com');
  },
);
