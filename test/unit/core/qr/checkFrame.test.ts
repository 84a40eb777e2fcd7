/**
 * Frame checks (HOSTILE #25): malformed or oversized frames are refused with a message that says
 * what is wrong, before a pixel is read; odd but valid shapes are accepted.
 */
import { describe, expect, it } from 'vitest';
import { FrameRejectedError } from '../../../../main/core/ports';
import { checkFrame } from '../../../../main/core/qr/checkFrame';
import { FRAME_LIMITS, type PixelFrame } from '../../../../main/core/qr/frame';

const frame = (overrides: Partial<PixelFrame>): PixelFrame => ({
  width: 3,
  height: 2,
  stride: 12,
  format: 'rgba',
  data: new Uint8Array(24),
  ...overrides,
});

function rejection(bad: PixelFrame): string {
  try {
    checkFrame(bad);
  } catch (error) {
    expect(error).toBeInstanceOf(FrameRejectedError);
    return (error as Error).message;
  }
  throw new Error('expected the frame to be refused');
}

describe('checkFrame', () => {
  it('accepts 1×1 frames, padded rows, an unpadded last row and widths not a multiple of 4', () => {
    expect(() => {
      checkFrame(frame({ width: 1, height: 1, stride: 4, data: new Uint8Array(4) }));
    }).not.toThrow();
    expect(() => {
      checkFrame(frame({ width: 3, height: 2, stride: 16, data: new Uint8Array(16 + 12) }));
    }).not.toThrow();
    expect(() => {
      checkFrame(
        frame({ width: 5, height: 3, stride: 8, format: 'luma', data: new Uint8Array(24) }),
      );
    }).not.toThrow();
    expect(() => {
      checkFrame(frame({ format: 'bgra' }));
    }).not.toThrow();
  });

  it('refuses empty and non-integer sizes', () => {
    expect(rejection(frame({ width: 0, height: 0, data: new Uint8Array(0) }))).toMatch(/empty/);
    expect(rejection(frame({ width: 2.5 }))).toMatch(/size is invalid/);
    expect(rejection(frame({ height: Number.NaN }))).toMatch(/size is invalid/);
  });

  it('refuses frames over FRAME_LIMITS before looking at the data', () => {
    const tooWide = frame({ width: FRAME_LIMITS.maxSide + 1, height: 1, data: new Uint8Array(0) });
    expect(rejection(tooWide)).toMatch(/too large to scan \(16385×1 pixels; at most 16384/);
    const tooMany = frame({ width: 10_000, height: 10_000, data: new Uint8Array(0) });
    expect(rejection(tooMany)).toMatch(/too large to scan \(100\.0 megapixels; at most 66\.4\)/);
  });

  it('refuses a stride shorter than a row, and buffers that do not match the size', () => {
    expect(rejection(frame({ stride: 11 }))).toMatch(
      /row stride is invalid \(11 bytes; .* at least 12\)/,
    );
    expect(rejection(frame({ data: new Uint8Array(23) }))).toMatch(/does not match its size/);
    expect(rejection(frame({ data: new Uint8Array(25) }))).toMatch(/does not match its size/);
  });

  it('refuses unknown formats and missing data', () => {
    expect(rejection(frame({ format: 'argb' as PixelFrame['format'] }))).toMatch(/pixel format/);
    expect(rejection(frame({ data: [1, 2, 3] as unknown as Uint8Array }))).toMatch(/no pixel data/);
  });
});
