/**
 * Candidate regions (core, pure): where in a low-resolution view a QR code may be, so that only
 * those crops are decoded at full resolution. A QR code is a patch of square modules, about half
 * dark and half light, with edges in both directions; text has edges too, but its ink covers a
 * small minority of its area, and flat backgrounds have no edges at all. Cells that look like a
 * QR code are grown into regions; each region is padded for the quiet zone and mapped back to
 * frame pixels. Codes whose modules are larger than a cell are left to the overview pass.
 */
import type { LumaImage, Rect } from './luma';

/** Side of a cell, in low-resolution pixels (markQrLikeCells divides by shifting: keep 8). */
export const CELL = 8;
/** Least luminance difference between neighbours that counts as an edge (of 255)… */
const MIN_EDGE = 16;
/** …raised above the image's noise (a camera's, a noisy screenshot's): this many sigmas. */
const NOISE_SIGMAS = 3.5;
/** Least number of edges per cell, in each direction. */
const MIN_EDGES = 4;
/** Least share of the minority tone (dark or light) in a QR-like cell. */
const MIN_MINORITY = 0.22;
/** Least number of QR-like cells in a region (the smallest readable code covers ~4). */
const MIN_CELLS = 3;
/** Least extent of a region in each direction, in cells: a line of text or a rule is thinner. */
const MIN_SIDE = 2;

export interface CandidateOptions {
  /** Most regions returned (the densest first). */
  readonly maxRegions?: number;
}

/**
 * Regions of the frame worth decoding, in frame pixels, the most QR-like first.
 * @param low the low-resolution view (sampleLuma)
 * @param factor frame pixels per low-resolution pixel
 * @param frameWidth frame size, to clip the padded regions
 */
export function locateCandidates(
  low: LumaImage,
  factor: number,
  frameWidth: number,
  frameHeight: number,
  options: CandidateOptions = {},
): Rect[] {
  const gridWidth = Math.ceil(low.width / CELL);
  const gridHeight = Math.ceil(low.height / CELL);
  const qrLike = markQrLikeCells(low, gridWidth, gridHeight);
  const regions = growRegions(qrLike, gridWidth, gridHeight);
  const cellPx = CELL * factor;
  // Densest first: a code fills its box; text and pictures that merged into a region do not.
  const density = (r: Region) => r.cells / ((r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1));
  return regions
    .sort((a, b) => density(b) - density(a) || b.cells - a.cells)
    .slice(0, options.maxRegions ?? 12)
    .map(region => {
      // Pad for a finder pattern's edge in an unmarked cell and for the quiet zone (4 of a code's
      // 21–57 modules a side: up to ~20 % of the code, which is at most the region's short side).
      const shortSide = Math.min(region.x1 - region.x0 + 1, region.y1 - region.y0 + 1);
      const pad = 1 + Math.min(4, Math.ceil(0.2 * shortSide));
      const [padX, padY] = [pad, pad];
      const x0 = Math.max(0, (region.x0 - padX) * cellPx);
      const y0 = Math.max(0, (region.y0 - padY) * cellPx);
      const x1 = Math.min(frameWidth, (region.x1 + 1 + padX) * cellPx);
      const y1 = Math.min(frameHeight, (region.y1 + 1 + padY) * cellPx);
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    })
    .filter(rect => rect.width > 0 && rect.height > 0);
}

/**
 * The edge threshold for this image: MIN_EDGE, or more when the image is noisy. The noise is
 * estimated from the median difference between horizontal neighbours on a sample of rows
 * (robust: on a screen most neighbours are equal, and real edges are a minority anyway).
 */
export function edgeThreshold(low: LumaImage): number {
  const { width, height, data } = low;
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let y = 0; y < height; y += 4) {
    const row = y * width;
    for (let x = 0; x + 1 < width; x++) {
      const diff = Math.abs((data[row + x + 1] ?? 0) - (data[row + x] ?? 0));
      histogram[diff] = (histogram[diff] ?? 0) + 1;
      count++;
    }
  }
  let seen = 0;
  let median = 0;
  while (median < 255 && seen + (histogram[median] ?? 0) <= count / 2) {
    seen += histogram[median] ?? 0;
    median++;
  }
  // For Gaussian noise, sigma of a difference ≈ 1.4826 × its median absolute value.
  return Math.max(MIN_EDGE, Math.ceil(NOISE_SIGMAS * 1.4826 * median));
}

function markQrLikeCells(low: LumaImage, gridWidth: number, gridHeight: number): Uint8Array {
  const { width, height, data } = low;
  const edge = edgeThreshold(low);
  const cells = gridWidth * gridHeight;
  const horizontal = new Uint16Array(cells);
  const vertical = new Uint16Array(cells);
  const sum = new Uint32Array(cells);
  const min = new Uint8Array(cells).fill(255);
  const max = new Uint8Array(cells);
  // One pass in memory order: edges, tonal range and mean of every cell.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const below = y + 1 < height ? row + width : row;
    const cellRow = (y >> 3) * gridWidth;
    for (let x = 0; x < width; x++) {
      const value = data[row + x] ?? 0;
      const cell = cellRow + (x >> 3);
      sum[cell] = (sum[cell] ?? 0) + value;
      if (value < (min[cell] ?? 0)) min[cell] = value;
      if (value > (max[cell] ?? 0)) max[cell] = value;
      const right = x + 1 < width ? (data[row + x + 1] ?? value) : value;
      if (right - value >= edge || value - right >= edge) {
        horizontal[cell] = (horizontal[cell] ?? 0) + 1;
      }
      const under = data[below + x] ?? value;
      if (under - value >= edge || value - under >= edge) {
        vertical[cell] = (vertical[cell] ?? 0) + 1;
      }
    }
  }
  const marks = new Uint8Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    if ((horizontal[cell] ?? 0) < MIN_EDGES || (vertical[cell] ?? 0) < MIN_EDGES) continue;
    const gx = cell % gridWidth;
    const gy = (cell - gx) / gridWidth;
    const area =
      (Math.min(width, (gx + 1) * CELL) - gx * CELL) *
      (Math.min(height, (gy + 1) * CELL) - gy * CELL);
    const low = min[cell] ?? 0;
    const high = max[cell] ?? 0;
    // Share of dark in a two-tone cell, from its mean: (high − mean) / (high − low).
    const darkShare = (high - (sum[cell] ?? 0) / area) / Math.max(1, high - low);
    if (Math.min(darkShare, 1 - darkShare) >= MIN_MINORITY) marks[cell] = 1;
  }
  return marks;
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
}

/**
 * Connected regions of marked cells, bridging one-cell gaps (a finder pattern's solid centre, a
 * blank module run) by treating cells up to two apart as neighbours.
 */
function growRegions(marks: Uint8Array, gridWidth: number, gridHeight: number): Region[] {
  const seen = new Uint8Array(marks.length);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < marks.length; start++) {
    if (marks[start] !== 1 || seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
    const region: Region = {
      x0: gridWidth,
      y0: gridHeight,
      x1: -1,
      y1: -1,
      cells: 0,
    };
    for (let cell = stack.pop(); cell !== undefined; cell = stack.pop()) {
      const cx = cell % gridWidth;
      const cy = (cell - cx) / gridWidth;
      region.cells++;
      if (cx < region.x0) region.x0 = cx;
      if (cx > region.x1) region.x1 = cx;
      if (cy < region.y0) region.y0 = cy;
      if (cy > region.y1) region.y1 = cy;
      for (let dy = -2; dy <= 2; dy++) {
        const ny = cy + dy;
        if (ny < 0 || ny >= gridHeight) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          if (nx < 0 || nx >= gridWidth) continue;
          const next = ny * gridWidth + nx;
          if (marks[next] === 1 && seen[next] === 0) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    // No test on the shape: a code next to text may merge with it into any shape of region.
    const thick = region.x1 - region.x0 + 1 >= MIN_SIDE && region.y1 - region.y0 + 1 >= MIN_SIDE;
    if (region.cells >= MIN_CELLS && thick) regions.push(region);
  }
  return regions;
}
