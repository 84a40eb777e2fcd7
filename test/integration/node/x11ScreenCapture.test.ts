/**
 * The harness's screen grab against a real X server: a private Xvfb showing a QR code in a
 * window (`xwud` displaying an XWD image), grabbed with `xwd` and decoded (Debian: xvfb,
 * x11-apps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenCaptureError } from '../../../main/core/ports';
import { createInProcessQrDecoder } from '../../../main/node/qr/inProcessQrDecoder';
import { X11ScreenCapture } from '../../../main/node/x11ScreenCapture';
import { qrFrame } from '../../support/qrFrames';
import { lumaToXwd } from '../../support/xwdWriter';
import { startXvfb, type Xvfb } from '../../support/xvfb';

const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

let xvfb: Xvfb;
let window: ChildProcess | undefined;
beforeAll(async () => {
  xvfb = await startXvfb({ width: 640, height: 360 });
});
afterAll(async () => {
  window?.kill();
  await xvfb.stop();
});

/** Shows an image at (x, y) on the display and resolves once it is on screen. */
async function show(image: Uint8Array, x: number, y: number): Promise<void> {
  window = spawn('xwud', ['-display', xvfb.display, '-geometry', `+${x}+${y}`, '-noclick'], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  window.stdin?.end(image);
  const capture = new X11ScreenCapture([xvfb.display]);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const [frame] = await capture.captureDisplays();
    const at = (y + 5) * frame!.stride + (x + 5) * 4;
    if (frame!.data[at] !== 0) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the window never appeared');
}

describe('X11ScreenCapture', () => {
  it('grabs the whole Xvfb screen, and the QR code shown on it decodes', async () => {
    const qr = qrFrame([{ text: URI, placement: { scale: 4 } }]);
    await show(lumaToXwd(qr), 200, 40);
    const frames = await new X11ScreenCapture([xvfb.display]).captureDisplays();
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ width: 640, height: 360, format: 'bgra' });
    // The image's light grey (235) at its top-left corner, read back as BGRA.
    const at = 45 * frames[0]!.stride + 205 * 4;
    expect([...frames[0]!.data.subarray(at, at + 3)]).toEqual([235, 235, 235]);
    const codes = await (await createInProcessQrDecoder()).decode(frames[0]!);
    expect(codes.map(code => code.text)).toEqual([URI]);
  });

  it('says which display could not be captured', async () => {
    const capture = new X11ScreenCapture([':65000']);
    await expect(capture.captureDisplays()).rejects.toThrow(ScreenCaptureError);
    await expect(capture.captureDisplays()).rejects.toThrow(/:65000/);
  });
});
