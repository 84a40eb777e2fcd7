import { describe, expect, it } from 'vitest';
import { parseXwd, XwdFormatError } from '../../../main/node/xwdImage';
import { xwd, type XwdLayout as Layout } from '../../support/xwdWriter';

const RGB_MASKS: [number, number, number] = [0xff0000, 0xff00, 0xff];
const rgbAt = (x: number, y: number) => ((x * 40) << 16) | ((y * 50) << 8) | 0x33;

function rgbaOf(frame: ReturnType<typeof parseXwd>, x: number, y: number): number[] {
  const at = y * frame.stride + x * 4;
  const px = [...frame.data.subarray(at, at + 4)];
  return frame.format === 'bgra' ? [px[2]!, px[1]!, px[0]!] : px.slice(0, 3);
}

describe('parseXwd', () => {
  it('reads Xvfb’s 32-bit little-endian dump as BGRA without copying, padded rows included', () => {
    const bytes = xwd(
      {
        width: 5,
        height: 3,
        bitsPerPixel: 32,
        byteOrder: 0,
        masks: RGB_MASKS,
        bytesPerLine: 24,
        ncolors: 256,
      },
      rgbAt,
    );
    const frame = parseXwd(bytes);
    expect(frame).toMatchObject({ width: 5, height: 3, stride: 24, format: 'bgra' });
    expect(frame.data.buffer).toBe(bytes.buffer);
    expect(rgbaOf(frame, 4, 2)).toEqual([160, 100, 0x33]);
  });

  it.each([
    ['32-bit big-endian', { bitsPerPixel: 32, byteOrder: 1, masks: RGB_MASKS }],
    ['24-bit little-endian', { bitsPerPixel: 24, byteOrder: 0, masks: RGB_MASKS }],
    ['32-bit BGR masks', { bitsPerPixel: 32, byteOrder: 0, masks: [0xff, 0xff00, 0xff0000] }],
  ] as const)('converts a %s dump to RGBA', (_name, layout) => {
    const swapped = layout.masks[0] === 0xff;
    const frame = parseXwd(
      xwd({ width: 4, height: 2, ...layout, masks: [...layout.masks] }, (x, y) => {
        const v = rgbAt(x, y);
        return swapped ? ((v & 0xff) << 16) | (v & 0xff00) | ((v >>> 16) & 0xff) : v;
      }),
    );
    expect(frame.format).toBe('rgba');
    expect(rgbaOf(frame, 3, 1)).toEqual([120, 50, 0x33]);
  });

  it('scales 16-bit 5-6-5 channels to 8 bits', () => {
    const frame = parseXwd(
      xwd(
        { width: 2, height: 1, bitsPerPixel: 16, byteOrder: 0, masks: [0xf800, 0x07e0, 0x001f] },
        x => (x === 0 ? 0xffff : 0x0000),
      ),
    );
    expect(rgbaOf(frame, 0, 0)).toEqual([255, 255, 255]);
    expect(rgbaOf(frame, 1, 0)).toEqual([0, 0, 0]);
  });

  it.each([
    ['a truncated dump', (b: Uint8Array) => b.subarray(0, b.length - 1)],
    ['a header only', (b: Uint8Array) => b.subarray(0, 60)],
    ['nothing', () => new Uint8Array(0)],
  ])('refuses %s', (_name, cut) => {
    const bytes = xwd(
      { width: 3, height: 3, bitsPerPixel: 32, byteOrder: 0, masks: RGB_MASKS },
      rgbAt,
    );
    expect(() => parseXwd(cut(bytes))).toThrow(XwdFormatError);
  });

  it.each([
    ['another file version', { version: 6 }],
    ['a colour-mapped (PseudoColor) visual', { visualClass: 3 }],
    ['an image over the frame limits', { width: 20_000 }],
    ['rows shorter than the width', { bytesPerLine: 8 }],
  ])('refuses %s', (_name, change) => {
    const layout: Layout = {
      width: 3,
      height: 2,
      bitsPerPixel: 32,
      byteOrder: 0,
      masks: RGB_MASKS,
      ...change,
    };
    const bytes = xwd({ ...layout, width: Math.min(layout.width, 3) }, rgbAt);
    if ('width' in change) new DataView(bytes.buffer).setUint32(16, change.width, false);
    expect(() => parseXwd(bytes)).toThrow(XwdFormatError);
  });
});
