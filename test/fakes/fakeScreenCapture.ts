/**
 * A ScreenCapture that "grabs" the frames a test gives it (one per display), or fails like a
 * denied permission. The real adapters (desktopCapturer, the X11 grab) are tested separately.
 */
import { ScreenCaptureError, type ScreenCapture } from '../../main/core/ports';
import type { PixelFrame } from '../../main/core/qr/frame';

export class FakeScreenCapture implements ScreenCapture {
  displays: readonly PixelFrame[] = [];
  /** When set, the next grabs fail with this message (e.g. permission denied). */
  failure: string | undefined;
  grabs = 0;

  captureDisplays(): Promise<readonly PixelFrame[]> {
    this.grabs += 1;
    if (this.failure !== undefined) return Promise.reject(new ScreenCaptureError(this.failure));
    return Promise.resolve(this.displays);
  }
}
