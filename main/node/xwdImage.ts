/**
 * Reads an XWD image (X Window Dump, as written by `xwd` from x11-apps) into a PixelFrame. Pure:
 * bytes in, frame out, no I/O. Layout (X11 XWDFile.h, file version 7): a 100-byte header of 25
 * big-endian CARD32 fields, the window name up to `header_size`, `ncolors` 12-byte colour
 * entries, then the pixels in the server's byte order. Only ZPixmap TrueColor/DirectColor images
 * of 16, 24 or 32 bits per pixel are read — what every modern X server (Xvfb included) produces.
 */
import { FRAME_LIMITS, type PixelFrame } from '../core/qr/frame';

export class XwdFormatError extends Error {
  override readonly name = 'XwdFormatError';
}

const HEADER_FIELDS = [
  'headerSize',
  'fileVersion',
  'pixmapFormat',
  'pixmapDepth',
  'width',
  'height',
  'xOffset',
  'byteOrder',
  'bitmapUnit',
  'bitmapBitOrder',
  'bitmapPad',
  'bitsPerPixel',
  'bytesPerLine',
  'visualClass',
  'redMask',
  'greenMask',
  'blueMask',
  'bitsPerRgb',
  'colormapEntries',
  'ncolors',
] as const;
type XwdHeader = Record<(typeof HEADER_FIELDS)[number], number>;

const HEADER_BYTES = 100;
const COLOR_ENTRY_BYTES = 12;
const ZPIXMAP = 2;
const TRUE_COLOR = 4;
const DIRECT_COLOR = 5;
const LSB_FIRST = 0;

export function readXwdHeader(bytes: Uint8Array): XwdHeader {
  if (bytes.length < HEADER_BYTES) throw new XwdFormatError('XWD data shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = {} as XwdHeader;
  HEADER_FIELDS.forEach((field, i) => {
    header[field] = view.getUint32(i * 4, false);
  });
  return header;
}

/**
 * The image as a frame. 32-bit little-endian pixels with the usual masks are returned as BGRA
 * without copying; other layouts are converted to RGBA.
 * @throws XwdFormatError for anything that is not a complete, supported XWD image.
 */
export function parseXwd(bytes: Uint8Array): PixelFrame {
  const h = readXwdHeader(bytes);
  if (h.fileVersion !== 7) throw new XwdFormatError(`unsupported XWD version ${h.fileVersion}`);
  if (h.headerSize < HEADER_BYTES) throw new XwdFormatError('XWD header size too small');
  if (h.pixmapFormat !== ZPIXMAP) throw new XwdFormatError('only ZPixmap XWD images are read');
  if (h.visualClass !== TRUE_COLOR && h.visualClass !== DIRECT_COLOR) {
    throw new XwdFormatError('only TrueColor/DirectColor XWD images are read');
  }
  if (![16, 24, 32].includes(h.bitsPerPixel)) {
    throw new XwdFormatError(`unsupported XWD pixel size ${h.bitsPerPixel}`);
  }
  const { width, height } = h;
  if (width < 1 || height < 1 || width > FRAME_LIMITS.maxSide || height > FRAME_LIMITS.maxSide) {
    throw new XwdFormatError(`XWD image size ${width}×${height} out of range`);
  }
  if (width * height > FRAME_LIMITS.maxPixels) throw new XwdFormatError('XWD image too large');
  const pixelBytes = h.bitsPerPixel / 8;
  if (h.bytesPerLine < width * pixelBytes) throw new XwdFormatError('XWD rows shorter than width');
  const start = h.headerSize + h.ncolors * COLOR_ENTRY_BYTES;
  const end = start + h.bytesPerLine * height;
  if (bytes.length < end) throw new XwdFormatError('XWD pixel data is truncated');
  const pixels = bytes.subarray(start, end);

  const little = h.byteOrder === LSB_FIRST;
  if (
    h.bitsPerPixel === 32 &&
    little &&
    h.redMask === 0xff0000 &&
    h.greenMask === 0xff00 &&
    h.blueMask === 0xff
  ) {
    return { width, height, stride: h.bytesPerLine, format: 'bgra', data: pixels };
  }
  return { width, height, stride: width * 4, format: 'rgba', data: toRgba(pixels, h, little) };
}

function toRgba(pixels: Uint8Array, h: XwdHeader, little: boolean): Uint8Array {
  const { width, height, bytesPerLine } = h;
  const pixelBytes = h.bitsPerPixel / 8;
  const channels = [h.redMask, h.greenMask, h.blueMask].map(channelOf);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * bytesPerLine + x * pixelBytes;
      let value = 0;
      for (let b = 0; b < pixelBytes; b += 1) {
        const byte = pixels[at + (little ? pixelBytes - 1 - b : b)] ?? 0;
        value = value * 256 + byte;
      }
      const o = (y * width + x) * 4;
      channels.forEach((channel, c) => {
        out[o + c] = channel(value);
      });
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Extracts one colour channel by its mask and scales it to 8 bits. */
function channelOf(mask: number): (pixel: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift += 1;
  const max = mask >>> shift;
  return pixel => Math.round((((pixel >>> 0) & mask) >>> shift) * (255 / max));
}
