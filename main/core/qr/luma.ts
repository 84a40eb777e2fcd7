/**
 * Luminance (core, pure): 8-bit grey images cut or sampled from a PixelFrame. The weights are
 * zxing-cpp's integer BT.601 ones ((306 R + 601 G + 117 B + 512) >> 10), so a grey pixel keeps
 * its exact value. Alpha is ignored: image files are flattened onto white before they get here.
 */
import type { PixelFrame } from './frame';

/** An 8-bit luminance image, rows packed (stride = width). */
export interface LumaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A rectangle in frame pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Byte offsets of R, G, B within a pixel, by format. */
function channelOffsets(format: PixelFrame['format']): readonly [number, number, number] {
  return format === 'bgra' ? [2, 1, 0] : [0, 1, 2];
}

/** Full-resolution luminance of `rect` (which must lie inside the frame). */
export function cropLuma(frame: PixelFrame, rect: Rect): LumaImage {
  const { x, y, width, height } = rect;
  const out = new Uint8Array(width * height);
  const { data, stride } = frame;
  if (frame.format === 'luma') {
    for (let row = 0; row < height; row++) {
      const start = (y + row) * stride + x;
      out.set(data.subarray(start, start + width), row * width);
    }
    return { width, height, data: out };
  }
  const [r, g, b] = channelOffsets(frame.format);
  let o = 0;
  for (let row = 0; row < height; row++) {
    let i = (y + row) * stride + x * 4;
    for (let col = 0; col < width; col++, i += 4) {
      out[o++] =
        (306 * (data[i + r] ?? 0) + 601 * (data[i + g] ?? 0) + 117 * (data[i + b] ?? 0) + 512) >>
        10;
    }
  }
  return { width, height, data: out };
}

/**
 * A low-resolution view for locating codes: one sample per `factor × factor` block, taken as
 * the mean of two diagonal pixels of the block (cheap, and it keeps a module's contrast better
 * than one sample when modules are about as small as the block).
 */
export function sampleLuma(frame: PixelFrame, factor: number): LumaImage {
  const width = Math.floor(frame.width / factor);
  const height = Math.floor(frame.height / factor);
  const out = new Uint8Array(width * height);
  const { data, stride } = frame;
  const half = factor >> 1;
  if (frame.format === 'luma') {
    for (let row = 0, o = 0; row < height; row++) {
      const a = row * factor * stride;
      const b = (row * factor + half) * stride + half;
      for (let col = 0; col < width; col++) {
        out[o++] = ((data[a + col * factor] ?? 0) + (data[b + col * factor] ?? 0) + 1) >> 1;
      }
    }
    return { width, height, data: out };
  }
  const [r, g, bb] = channelOffsets(frame.format);
  const step = factor * 4;
  for (let row = 0, o = 0; row < height; row++) {
    let a = row * factor * stride;
    let b = (row * factor + half) * stride + half * 4;
    for (let col = 0; col < width; col++, a += step, b += step) {
      const first = 306 * (data[a + r] ?? 0) + 601 * (data[a + g] ?? 0) + 117 * (data[a + bb] ?? 0);
      const second =
        306 * (data[b + r] ?? 0) + 601 * (data[b + g] ?? 0) + 117 * (data[b + bb] ?? 0);
      out[o++] = (first + second + 1024) >> 11;
    }
  }
  return { width, height, data: out };
}

/** A rectangle (inside the image) of a luminance image. */
export function cropLumaImage(image: LumaImage, rect: Rect): LumaImage {
  return cropLuma(
    {
      width: image.width,
      height: image.height,
      stride: image.width,
      format: 'luma',
      data: image.data,
    },
    rect,
  );
}
