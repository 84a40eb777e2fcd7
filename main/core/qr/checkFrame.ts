/**
 * Frame validation (core, pure): the single gate every frame passes before a pixel is read,
 * in the caller's thread and again in the worker. Rejections are FrameRejectedError with a
 * message a user (or the scan service) can act on; nothing here reads the pixel data.
 */
import { FrameRejectedError } from '../ports';
import { bytesPerPixel, FRAME_LIMITS, PIXEL_FORMATS, type PixelFrame } from './frame';

const isDimension = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

/**
 * Checks a frame's shape against its buffer and FRAME_LIMITS (HOSTILE #25).
 * The last row may omit its padding; a buffer longer than `stride × height` is refused, as it
 * means the caller's width, height or stride is wrong.
 * @throws FrameRejectedError
 */
export function checkFrame(frame: PixelFrame): void {
  const { width, height, stride, format, data } = frame as Partial<PixelFrame>;
  if (!(PIXEL_FORMATS as readonly unknown[]).includes(format) || format === undefined) {
    throw new FrameRejectedError(
      `This image has an unsupported pixel format (expected one of ${PIXEL_FORMATS.join(', ')}).`,
    );
  }
  if (!isDimension(width) || !isDimension(height)) {
    throw new FrameRejectedError(
      'This image is empty or its size is invalid (width and height must be whole numbers of at least 1 pixel).',
    );
  }
  if (width > FRAME_LIMITS.maxSide || height > FRAME_LIMITS.maxSide) {
    throw new FrameRejectedError(
      `This image is too large to scan (${width}×${height} pixels; at most ${FRAME_LIMITS.maxSide} pixels per side). Capture a smaller area or scale it down.`,
    );
  }
  if (width * height > FRAME_LIMITS.maxPixels) {
    throw new FrameRejectedError(
      `This image is too large to scan (${((width * height) / 1e6).toFixed(1)} megapixels; at most ${(FRAME_LIMITS.maxPixels / 1e6).toFixed(1)}). Capture a smaller area or scale it down.`,
    );
  }
  const rowBytes = width * bytesPerPixel(format);
  if (typeof stride !== 'number' || !Number.isSafeInteger(stride) || stride < rowBytes) {
    throw new FrameRejectedError(
      `This image's row stride is invalid (${String(stride)} bytes; a ${width}-pixel ${format} row needs at least ${rowBytes}).`,
    );
  }
  if (!(data instanceof Uint8Array)) {
    throw new FrameRejectedError('This image has no pixel data.');
  }
  const minimum = stride * (height - 1) + rowBytes;
  const maximum = stride * height;
  if (data.length < minimum || data.length > maximum) {
    throw new FrameRejectedError(
      `This image's pixel data does not match its size (${data.length} bytes for ${width}×${height} ${format} with a ${stride}-byte stride; expected ${minimum === maximum ? String(minimum) : `${minimum}–${maximum}`}).`,
    );
  }
}
