/**
 * Pixels → the 8-bit luminance frames `scan.frame` takes (renderer). The renderer converts, so
 * a 1280×720 camera frame crosses IPC as 0.9 MB instead of 3.7 MB of RGBA. Frames are never
 * stored: each lives for one call.
 */

/**
 * FRAME_LIMITS of the QR pipeline (main/core/qr/frame.ts, mirrored in the contract as
 * SCAN_FRAME_LIMITS). The renderer may not import values from there; a unit test keeps these
 * equal. Larger images are scaled down to fit before they are sent.
 */
export const MAX_FRAME_SIDE = 16_384;
export const MAX_FRAME_PIXELS = 2 * 7680 * 4320;

export interface LumaFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Rec. 601 luma of RGBA pixels (alpha ignored: screenshots and camera frames are opaque). */
export function rgbaToLuma(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0, o = 0; o < out.length; i += 4, o += 1) {
    // 0.299 R + 0.587 G + 0.114 B in fixed point (×1024).
    out[o] =
      (306 * (rgba[i] ?? 0) + 601 * (rgba[i + 1] ?? 0) + 117 * (rgba[i + 2] ?? 0) + 512) >> 10;
  }
  return out;
}

/** The largest size with the same aspect ratio that fits the frame limits (never upscaled). */
export function fitFrame(width: number, height: number): { width: number; height: number } {
  const bySide = Math.min(1, MAX_FRAME_SIDE / width, MAX_FRAME_SIDE / height);
  const byPixels = Math.min(1, Math.sqrt(MAX_FRAME_PIXELS / (width * height)));
  const scale = Math.min(bySide, byPixels);
  return {
    width: Math.max(1, Math.floor(width * scale)),
    height: Math.max(1, Math.floor(height * scale)),
  };
}

/** Draws any image source (bitmap, video) at the given size and returns its luminance. */
export function drawToLuma(
  source: CanvasImageSource,
  width: number,
  height: number,
  canvas: OffscreenCanvas = new OffscreenCanvas(width, height),
): LumaFrame {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('No 2D canvas available to read the image.');
  context.drawImage(source, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return { width, height, data: rgbaToLuma(data, width, height) };
}

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** Larger files are refused before decoding (a 5K PNG screenshot is ~15 MB). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

export class ImageReadError extends Error {
  override readonly name = 'ImageReadError';
}

/**
 * Decodes a PNG/JPEG/WebP file or pasted image to luminance, scaled down to the frame limits
 * if needed. @throws ImageReadError with a message for the user.
 */
export async function imageToLuma(blob: Blob): Promise<LumaFrame> {
  if (!(IMAGE_TYPES as readonly string[]).includes(blob.type)) {
    throw new ImageReadError(
      'This is not a PNG, JPEG or WebP image. Choose a screenshot or a saved QR code image.',
    );
  }
  if (blob.size > MAX_IMAGE_BYTES) {
    throw new ImageReadError(
      'This image file is too large to scan. Crop it around the QR code and try again.',
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageReadError('This image could not be read; the file may be damaged.');
  }
  try {
    const size = fitFrame(bitmap.width, bitmap.height);
    if (size.width !== bitmap.width || size.height !== bitmap.height) {
      const full = bitmap;
      bitmap = await createImageBitmap(full, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      });
      full.close();
    }
    return drawToLuma(bitmap, size.width, size.height);
  } finally {
    bitmap.close();
  }
}
