/**
 * Image files to PixelFrames (node adapter): PNG, JPEG or WebP — a screenshot, a phone photo,
 * or the QRCodePNG that `aws iam create-virtual-mfa-device` writes — decoded by sharp (libvips)
 * into 8-bit luminance, transparency flattened onto white, EXIF orientation applied. Sizes are
 * checked from the header before any pixel is decoded (HOSTILE #25: decompression bombs), and
 * damaged, animated or foreign files end in an ImageFileError a user can act on. Nothing is
 * written anywhere.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';

type Metadata = Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
import { FRAME_LIMITS, type PixelFrame } from '../../core/qr/frame';

/** Largest image file read, in bytes (a lossless 8K screenshot is well under this). */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;

const FORMATS: Readonly<Record<string, string>> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };

export class ImageFileError extends Error {
  override readonly name = 'ImageFileError';
}

/** Reads an image file into a luminance frame. @throws ImageFileError */
export async function readImageFile(path: string): Promise<PixelFrame> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImageFileError(`"${name}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ImageFileError) throw error;
    throw new ImageFileError(`Cannot open "${name}": ${describeFsError(error)}.`, { cause: error });
  }
  if (size > MAX_IMAGE_FILE_BYTES) {
    throw new ImageFileError(
      `"${name}" is too large (${(size / 1024 / 1024).toFixed(0)} MB; at most ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB).`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImageFileError(`Cannot read "${name}": ${describeFsError(error)}.`, { cause: error });
  }
  return decodeImageBytes(bytes, `"${name}"`);
}

/**
 * Decodes image bytes (a file's content, a dropped or pasted image) into a luminance frame.
 * @param what how messages name the image ("this image", `"qr.png"`)
 * @throws ImageFileError
 */
export async function decodeImageBytes(
  bytes: Uint8Array,
  what = 'This image',
): Promise<PixelFrame> {
  if (bytes.length > MAX_IMAGE_FILE_BYTES) {
    throw new ImageFileError(
      `${capitalized(what)} is too large (at most ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB).`,
    );
  }
  const options = { limitInputPixels: FRAME_LIMITS.maxPixels, failOn: 'warning' } as const;
  let metadata: Metadata;
  try {
    // The header only (no pixel is decoded), so the size check below can name the size.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageFileError(
      `${capitalized(what)} is not a PNG, JPEG or WebP image, or it is damaged.`,
      { cause: error },
    );
  }
  const format = FORMATS[metadata.format];
  if (format === undefined) {
    throw new ImageFileError(
      `${capitalized(what)} is a ${metadata.format.toUpperCase()} image; Tessera reads PNG, JPEG and WebP.`,
    );
  }
  if ((metadata.pages ?? 1) > 1) {
    throw new ImageFileError(
      `${capitalized(what)} is animated (${String(metadata.pages)} frames); save a still screenshot of the QR code instead.`,
    );
  }
  const { width, height } = metadata;
  if (
    width > FRAME_LIMITS.maxSide ||
    height > FRAME_LIMITS.maxSide ||
    width * height > FRAME_LIMITS.maxPixels
  ) {
    throw new ImageFileError(
      `${capitalized(what)} is too large to scan (${width}×${height} pixels; at most ${FRAME_LIMITS.maxSide} per side and ${(FRAME_LIMITS.maxPixels / 1e6).toFixed(0)} megapixels). Crop it around the QR code.`,
    );
  }
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`unexpected ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      stride: info.width,
      format: 'luma',
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    throw new ImageFileError(
      `${capitalized(what)} is a damaged or incomplete ${format} file and could not be read.`,
      { cause: error },
    );
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
