/**
 * ScreenCapture through Electron's desktopCapturer (glue): every display at its native
 * resolution (size × scale factor), with the Tessera window hidden during the grab so it never
 * covers the QR code, then shown again. Pixels come from NativeImage.toBitmap(), which is
 * Skia's N32 layout: BGRA on every platform Electron ships for. Frames stay in memory.
 */
import {
  desktopCapturer,
  screen,
  systemPreferences,
  type BrowserWindow,
  type DesktopCapturerSource,
} from 'electron';
import { ScreenCaptureError, type ScreenCapture } from '../core/ports';
import type { PixelFrame } from '../core/qr/frame';

/** Time for the window manager to take the hidden window off the screen before the grab. */
const HIDE_SETTLE_MS = 250;

const MAC_PERMISSION =
  'Tessera is not allowed to record the screen. Open System Settings → Privacy & Security → Screen & System Audio Recording, turn Tessera on, then quit and reopen Tessera. Meanwhile, save the QR code as an image and choose "Image file", or copy it and paste it.';
const NOTHING_CAPTURED =
  'The screen could not be captured. If your desktop asked whether to share the screen, allow it; otherwise save the QR code as an image and choose "Image file", or copy it and paste it.';

export class ElectronScreenCapture implements ScreenCapture {
  /** @param window the Tessera window, hidden during the grab (absent before it exists). */
  constructor(private readonly window: () => BrowserWindow | undefined) {}

  async captureDisplays(): Promise<readonly PixelFrame[]> {
    if (process.platform === 'darwin') {
      const access = systemPreferences.getMediaAccessStatus('screen');
      // macOS then hands out wallpaper-only images instead of failing: refuse up front.
      if (access === 'denied' || access === 'restricted') {
        throw new ScreenCaptureError(MAC_PERMISSION);
      }
    }
    const window = this.window();
    const hide = window !== undefined && !window.isDestroyed() && window.isVisible();
    if (hide) {
      window.hide();
      await new Promise(resolve => setTimeout(resolve, HIDE_SETTLE_MS));
    }
    let frames: PixelFrame[];
    try {
      frames = await grabEveryDisplay();
    } catch {
      throw new ScreenCaptureError(
        process.platform === 'darwin' ? MAC_PERMISSION : NOTHING_CAPTURED,
      );
    } finally {
      if (hide && !window.isDestroyed()) window.show();
    }
    if (frames.length === 0) {
      throw new ScreenCaptureError(
        process.platform === 'darwin' ? MAC_PERMISSION : NOTHING_CAPTURED,
      );
    }
    return frames;
  }
}

/**
 * One getSources call per distinct native display size: the thumbnail is scaled to fit
 * `thumbnailSize`, so each display is read from the call made for its own size.
 */
async function grabEveryDisplay(): Promise<PixelFrame[]> {
  const displays = screen.getAllDisplays();
  const bySize = new Map<string, { width: number; height: number; ids: Set<string> }>();
  for (const display of displays) {
    const width = Math.round(display.size.width * display.scaleFactor);
    const height = Math.round(display.size.height * display.scaleFactor);
    const key = `${width}x${height}`;
    const entry = bySize.get(key) ?? { width, height, ids: new Set<string>() };
    entry.ids.add(String(display.id));
    bySize.set(key, entry);
  }
  const frames: PixelFrame[] = [];
  const taken = new Set<string>();
  for (const { width, height, ids } of bySize.values()) {
    const sources = await desktopCapturer.getSources({
      types: ['screen'],
      thumbnailSize: { width, height },
    });
    // display_id is '' on some platforms: with a single size group every source belongs to it.
    const mine = sources.filter(
      source =>
        !taken.has(source.id) &&
        (ids.has(source.display_id) || source.display_id === '' || bySize.size === 1),
    );
    for (const source of mine) {
      taken.add(source.id);
      const frame = toFrame(source);
      if (frame !== undefined) frames.push(frame);
    }
  }
  return frames;
}

function toFrame(source: DesktopCapturerSource): PixelFrame | undefined {
  const image = source.thumbnail;
  if (image.isEmpty()) return undefined;
  const { width, height } = image.getSize();
  const bitmap = image.toBitmap();
  return {
    width,
    height,
    stride: Math.floor(bitmap.byteLength / height),
    format: 'bgra',
    data: new Uint8Array(bitmap.buffer, bitmap.byteOffset, bitmap.byteLength),
  };
}
