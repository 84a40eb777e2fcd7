/**
 * The QR pipeline (core, pure): frame → luminance → candidate regions located at low
 * resolution → each region decoded at full resolution → all codes, deduplicated, in reading
 * order. When no region yields a code, the whole low-resolution view is decoded too (codes with
 * modules larger than a cell: a phone held close to a camera, a code enlarged on screen), and
 * small frames are simply decoded whole. Inverted and mirrored codes are the decoder's job
 * (see LumaDecoder). No clock and no I/O here: the worker enforces the time limit.
 */
import { checkFrame } from './checkFrame';
import type { DecodedCode, PixelFrame } from './frame';
import { cropLuma, cropLumaImage, sampleLuma, type Rect } from './luma';
import type { LumaCode, LumaDecoder } from './lumaDecoder';
import { locateCandidates } from './locate';

/** Frames up to this many pixels are decoded whole, at full resolution (fast enough anyway). */
const SMALL_FRAME_PIXELS = 400 * 400;
/** The low-resolution view is at most about this many pixels on its long side. */
const LOW_RES_LONG_SIDE = 1280;
/**
 * Share of a frame's pixels decoded at full resolution. Regions beyond it (a page of dense text
 * or pictures that all looked QR-like) are decoded from the low-resolution view instead, which
 * keeps the worst case well under one full-frame decode.
 */
const FULL_RESOLUTION_BUDGET = { share: 0.2, atLeastPixels: 1024 * 1024 };

export interface PipelineOptions {
  /** Most candidate regions decoded per frame. */
  readonly maxRegions?: number;
}

/** Frame pixels per low-resolution pixel: at least 2, so small modules still show as texture. */
export function lowResFactor(width: number, height: number): number {
  return Math.max(2, Math.ceil(Math.max(width, height) / LOW_RES_LONG_SIDE));
}

/**
 * Every QR code in `frame`.
 * @throws FrameRejectedError for a malformed or oversized frame (before any pixel is read)
 */
export async function decodeFrame(
  frame: PixelFrame,
  decoder: LumaDecoder,
  options: PipelineOptions = {},
): Promise<DecodedCode[]> {
  checkFrame(frame);
  const found = new Map<string, DecodedCode>();
  const whole: Rect = { x: 0, y: 0, width: frame.width, height: frame.height };

  if (frame.width * frame.height <= SMALL_FRAME_PIXELS) {
    collect(found, await decoder.decode(cropLuma(frame, whole)), 0, 0, 1);
    return inReadingOrder(found);
  }

  const factor = lowResFactor(frame.width, frame.height);
  const low = sampleLuma(frame, factor);
  const regions = locateCandidates(low, factor, frame.width, frame.height, options);
  let budget = Math.max(
    FULL_RESOLUTION_BUDGET.share * frame.width * frame.height,
    FULL_RESOLUTION_BUDGET.atLeastPixels,
  );
  for (const region of regions) {
    budget -= region.width * region.height;
    if (budget >= 0) {
      collect(found, await decoder.decode(cropLuma(frame, region)), region.x, region.y, 1);
      continue;
    }
    const x = Math.floor(region.x / factor);
    const y = Math.floor(region.y / factor);
    const lowRegion = {
      x,
      y,
      width: Math.min(low.width - x, Math.ceil(region.width / factor)),
      height: Math.min(low.height - y, Math.ceil(region.height / factor)),
    };
    if (lowRegion.width < 1 || lowRegion.height < 1) continue;
    const codes = await decoder.decode(cropLumaImage(low, lowRegion));
    collect(found, codes, lowRegion.x * factor, lowRegion.y * factor, factor);
  }
  if (found.size === 0) {
    collect(found, await decoder.decode(low), 0, 0, factor);
  }
  return inReadingOrder(found);
}

function collect(
  found: Map<string, DecodedCode>,
  codes: readonly LumaCode[],
  offsetX: number,
  offsetY: number,
  scale: number,
): void {
  for (const { text, bounds } of codes) {
    if (text.length === 0 || found.has(text)) continue;
    found.set(
      text,
      bounds === undefined
        ? { text }
        : {
            text,
            bounds: {
              x: offsetX + bounds.x * scale,
              y: offsetY + bounds.y * scale,
              width: bounds.width * scale,
              height: bounds.height * scale,
            },
          },
    );
  }
}

/** Top to bottom, then left to right (codes without bounds last), for stable pick lists. */
function inReadingOrder(found: Map<string, DecodedCode>): DecodedCode[] {
  return [...found.values()].sort((a, b) => {
    if (a.bounds === undefined || b.bounds === undefined) {
      return (a.bounds === undefined ? 1 : 0) - (b.bounds === undefined ? 1 : 0);
    }
    const rowA = a.bounds.y + a.bounds.height / 2;
    const rowB = b.bounds.y + b.bounds.height / 2;
    // Codes side by side (centres within half a code's height) read left to right.
    if (Math.abs(rowA - rowB) < Math.min(a.bounds.height, b.bounds.height) / 2) {
      return a.bounds.x - b.bounds.x;
    }
    return rowA - rowB;
  });
}
