/**
 * QR images for tests, made with the `qrcode` package: luminance frames (any scale, margin,
 * position, inverted), PNG files and data URLs. Test-only; the product never writes QR images.
 */
import QRCode from 'qrcode';
import type { PixelFrame } from '../../main/core/qr/frame';

export interface QrPlacement {
  /** Pixels per module. */
  readonly scale?: number;
  /** Where the code's top-left corner goes (with `width`/`height` larger than the code). */
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  /** Light modules dark and dark modules light (dark-theme pages). */
  readonly invert?: boolean;
}

/** The QR code's modules (true = dark), with the standard 4-module quiet zone. */
export function qrModules(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  return {
    size: size + 2 * quiet,
    dark: (x, y) => {
      const mx = x - quiet;
      const my = y - quiet;
      if (mx < 0 || my < 0 || mx >= size || my >= size) return false;
      return qr.modules.get(my, mx) === 1;
    },
  };
}

/** Draws one or more codes onto a light luminance frame. */
export function qrFrame(
  codes: readonly { text: string; placement?: QrPlacement }[],
  frameSize?: { width: number; height: number },
): PixelFrame {
  const drawn = codes.map(({ text, placement = {} }) => ({ modules: qrModules(text), placement }));
  const width =
    frameSize?.width ??
    Math.max(...drawn.map(d => (d.placement.x ?? 0) + d.modules.size * (d.placement.scale ?? 4)));
  const height =
    frameSize?.height ??
    Math.max(...drawn.map(d => (d.placement.y ?? 0) + d.modules.size * (d.placement.scale ?? 4)));
  const data = new Uint8Array(width * height).fill(235);
  for (const { modules, placement } of drawn) {
    const scale = placement.scale ?? 4;
    const [darkValue, lightValue] = placement.invert === true ? [235, 20] : [20, 235];
    for (let my = 0; my < modules.size; my += 1) {
      for (let mx = 0; mx < modules.size; mx += 1) {
        const value = modules.dark(mx, my) ? darkValue : lightValue;
        for (let dy = 0; dy < scale; dy += 1) {
          const y = (placement.y ?? 0) + my * scale + dy;
          if (y >= height) break;
          const row = y * width;
          for (let dx = 0; dx < scale; dx += 1) {
            const x = (placement.x ?? 0) + mx * scale + dx;
            if (x < width) data[row + x] = value;
          }
        }
      }
    }
  }
  return { width, height, stride: width, format: 'luma', data };
}

/** A PNG of the code (what a user saves or drags in). */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale, margin: 4, errorCorrectionLevel: 'M' });
}

export function qrDataUrl(text: string, scale = 6): Promise<string> {
  return QRCode.toDataURL(text, { scale, margin: 4, errorCorrectionLevel: 'M' });
}
