/**
 * ScreenCapture for X11 (node adapter), used by the e2e harness to grab its Xvfb display for
 * real: `xwd -root -silent` (Debian package x11-apps) per display, read by parseXwd. The
 * Electron app uses desktopCapturer instead (main/electron/screenCapture.ts). Pixels stay in
 * memory: xwd writes to a pipe, never to a file.
 */
import { execFile } from 'node:child_process';
import { ScreenCaptureError, type ScreenCapture } from '../core/ports';
import type { PixelFrame } from '../core/qr/frame';
import { parseXwd, XwdFormatError } from './xwdImage';

/** A 16384 × 16384 × 4 dump plus headers. */
const MAX_XWD_BYTES = 16_384 * 16_384 * 4 + 1024 * 1024;

export class X11ScreenCapture implements ScreenCapture {
  /** @param displays X displays to grab, e.g. [':99'] (one frame each). */
  constructor(private readonly displays: readonly string[]) {}

  async captureDisplays(): Promise<readonly PixelFrame[]> {
    const frames: PixelFrame[] = [];
    for (const display of this.displays) frames.push(await grab(display));
    return frames;
  }
}

function grab(display: string): Promise<PixelFrame> {
  return new Promise((resolve, reject) => {
    execFile(
      'xwd',
      ['-root', '-silent', '-display', display],
      { encoding: 'buffer', maxBuffer: MAX_XWD_BYTES, timeout: 20_000 },
      (error, stdout) => {
        if (error !== null) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new ScreenCaptureError(
              missing
                ? 'The screen cannot be captured: the "xwd" program is missing (Debian: apt install x11-apps).'
                : `The X display ${display} could not be captured.`,
            ),
          );
          return;
        }
        try {
          resolve(parseXwd(new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength)));
        } catch (parseError) {
          reject(
            parseError instanceof XwdFormatError
              ? new ScreenCaptureError(`The X display ${display} gave an unreadable image.`)
              : new ScreenCaptureError(`The X display ${display} could not be read.`),
          );
        }
      },
    );
  });
}
