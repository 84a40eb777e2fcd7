/**
 * LumaDecoder over jsQR (node adapter): the decoder the project was first specified with, kept
 * as the benchmark's reference and as a fallback. It reads one code per image, so the pipeline's
 * regions are what lets it find several; mirrored codes are tried by flipping the image.
 */
import jsQR, { type QRCode } from 'jsqr';
import type { LumaImage } from '../../core/qr/luma';
import type { LumaCode, LumaDecoder } from '../../core/qr/lumaDecoder';

export function createJsqrLumaDecoder(
  options: { readonly tryMirrored?: boolean } = {},
): LumaDecoder {
  return {
    name: 'jsqr',
    decode(image: LumaImage): Promise<readonly LumaCode[]> {
      const direct = jsQR(greyRgba(image, false), image.width, image.height, {
        inversionAttempts: 'attemptBoth',
      });
      if (direct !== null) return Promise.resolve([toCode(direct, image.width, false)]);
      if (options.tryMirrored !== true) return Promise.resolve([]);
      const mirrored = jsQR(greyRgba(image, true), image.width, image.height, {
        inversionAttempts: 'attemptBoth',
      });
      return Promise.resolve(mirrored === null ? [] : [toCode(mirrored, image.width, true)]);
    },
  };
}

function greyRgba({ width, height, data }: LumaImage, mirror: boolean): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(rgba.buffer);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      words[row + x] = 0xff000000 | ((data[row + (mirror ? width - 1 - x : x)] ?? 0) * 0x010101);
    }
  }
  return rgba;
}

function toCode({ data, location }: QRCode, width: number, mirrored: boolean): LumaCode {
  const corners = [
    location.topLeftCorner,
    location.topRightCorner,
    location.bottomLeftCorner,
    location.bottomRightCorner,
  ];
  const xs = corners.map(point => (mirrored ? width - 1 - point.x : point.x));
  const ys = corners.map(point => point.y);
  const x = Math.max(0, Math.min(...xs));
  const y = Math.max(0, Math.min(...ys));
  return { text: data, bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
}
