/**
 * Frames the QR pipeline reads (core, pure): a screen grab, a camera frame or a decoded image
 * file, as 8-bit RGBA/BGRA or luminance rows. Shared by the pipeline, the worker, the scan
 * service and the contract's size checks. Frames live in memory only; never written to disk.
 */

export const PIXEL_FORMATS = ['rgba', 'bgra', 'luma'] as const;
export type PixelFormat = (typeof PIXEL_FORMATS)[number];

export interface PixelFrame {
  readonly width: number;
  readonly height: number;
  /** Bytes from the start of one row to the next (≥ width × bytes per pixel; rows may be padded). */
  readonly stride: number;
  readonly format: PixelFormat;
  readonly data: Uint8Array;
}

/** One code found in a frame. `text` goes no further than main (DESIGN.md §6). */
export interface DecodedCode {
  readonly text: string;
  /** Where it was found, in frame pixels (for "pick one" on multi-code screens). */
  readonly bounds?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * Largest frame accepted (HOSTILE #25): a 2 × 8K multi-monitor desktop fits, anything larger is
 * refused with a clear error before any pixel is read.
 */
export const FRAME_LIMITS = {
  maxSide: 16_384,
  maxPixels: 2 * 7680 * 4320,
} as const;

export function bytesPerPixel(format: PixelFormat): number {
  return format === 'luma' ? 1 : 4;
}
