/** Writes XWD images the way `xwd` does (big-endian header, pixels in the given byte order), for tests. */
import type { PixelFrame } from '../../main/core/qr/frame';

export interface XwdLayout {
  width: number;
  height: number;
  bitsPerPixel: 16 | 24 | 32;
  byteOrder: 0 | 1;
  masks: [number, number, number];
  bytesPerLine?: number;
  ncolors?: number;
  version?: number;
  visualClass?: number;
  name?: string;
}

export function xwd(layout: XwdLayout, pixel: (x: number, y: number) => number): Uint8Array {
  const pixelBytes = layout.bitsPerPixel / 8;
  const bytesPerLine = layout.bytesPerLine ?? layout.width * pixelBytes;
  const name = new TextEncoder().encode(`${layout.name ?? 'xwdump'}\0`);
  const headerSize = 100 + name.length;
  const ncolors = layout.ncolors ?? 0;
  const bytes = new Uint8Array(headerSize + ncolors * 12 + bytesPerLine * layout.height);
  const view = new DataView(bytes.buffer);
  const fields = [
    headerSize,
    layout.version ?? 7,
    2,
    24,
    layout.width,
    layout.height,
    0,
    layout.byteOrder,
    32,
    layout.byteOrder,
    32,
    layout.bitsPerPixel,
    bytesPerLine,
    layout.visualClass ?? 4,
    ...layout.masks,
    8,
    ncolors,
    ncolors,
    layout.width,
    layout.height,
    0,
    0,
    0,
  ];
  fields.forEach((value, i) => {
    view.setUint32(i * 4, value, false);
  });
  bytes.set(name, 100);
  const start = headerSize + ncolors * 12;
  for (let y = 0; y < layout.height; y += 1) {
    for (let x = 0; x < layout.width; x += 1) {
      const value = pixel(x, y);
      for (let b = 0; b < pixelBytes; b += 1) {
        const shift = 8 * (layout.byteOrder === 0 ? b : pixelBytes - 1 - b);
        bytes[start + y * bytesPerLine + x * pixelBytes + b] = (value >>> shift) & 0xff;
      }
    }
  }
  return bytes;
}

/** A luminance frame as a 32-bit TrueColor XWD (grey pixels), e.g. for `xwud` to display. */
export function lumaToXwd(frame: PixelFrame): Uint8Array {
  return xwd(
    {
      width: frame.width,
      height: frame.height,
      bitsPerPixel: 32,
      byteOrder: 0,
      masks: [0xff0000, 0xff00, 0xff],
    },
    (x, y) => {
      const v = frame.data[y * frame.stride + x] ?? 0;
      return (v << 16) | (v << 8) | v;
    },
  );
}
