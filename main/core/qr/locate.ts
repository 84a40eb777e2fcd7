/**
 * Candidate regions (core, pure): where in a low-resolution view a QR code may be, so that only
 * those crops are decoded at full resolution. A QR code is a patch of square modules, about half
 * dark and half light, with edges in both directions; text has edges too, but its ink covers a
 * small minority of its area, and flat backgrounds have no edges at all. Cells that look like a
 * QR code are grown into regions; each region is padded for the quiet zone and mapped back to
 * frame pixels. Codes whose modules are larger than a cell are left to the overview pass.
 */
import type { LumaImage, Rect } from './luma';

/** Side of a cell, in low-resolution pixels. */
export const CELL = 8;
/** Least luminance difference between neighbours that counts as an edge (of 255). */
const EDGE = 24;
/** Least number of edges per cell, in each direction. */
const MIN_EDGES = 4;
/** Least share of the minority tone (dark or light) in a QR-like cell. */
const MIN_MINORITY = 0.22;
/** Least number of QR-like cells in a region (the smallest readable code covers ~4). */
const MIN_CELLS = 3;
/** Regions longer than this ratio (a line of text, a rule) are ignored. */
const MAX_ASPECT = 5;

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
  return regions
    .sort((a, b) => b.cells - a.cells)
    .slice(0, options.maxRegions ?? 12)
    .map(region => {
      // Pad by one cell (the quiet zone and a finder pattern's edge may fall in unmarked cells).
      const x0 = Math.max(0, (region.x0 - 1) * cellPx);
      const y0 = Math.max(0, (region.y0 - 1) * cellPx);
      const x1 = Math.min(frameWidth, (region.x1 + 2) * cellPx);
      const y1 = Math.min(frameHeight, (region.y1 + 2) * cellPx);
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    })
    .filter(rect => rect.width > 0 && rect.height > 0);
}

function markQrLikeCells(low: LumaImage, gridWidth: number, gridHeight: number): Uint8Array {
  const { width, height, data } = low;
  const marks = new Uint8Array(gridWidth * gridHeight);
  for (let gy = 0; gy < gridHeight; gy++) {
    const yStart = gy * CELL;
    const yEnd = Math.min(height, yStart + CELL);
    for (let gx = 0; gx < gridWidth; gx++) {
      const xStart = gx * CELL;
      const xEnd = Math.min(width, xStart + CELL);
      let min = 255;
      let max = 0;
      let horizontal = 0;
      let vertical = 0;
      for (let y = yStart; y < yEnd; y++) {
        const row = y * width;
        for (let x = xStart; x < xEnd; x++) {
          const value = data[row + x] ?? 0;
          if (value < min) min = value;
          if (value > max) max = value;
          if (x + 1 < width && Math.abs((data[row + x + 1] ?? 0) - value) >= EDGE) horizontal++;
          if (y + 1 < height && Math.abs((data[row + width + x] ?? 0) - value) >= EDGE) vertical++;
        }
      }
      if (horizontal < MIN_EDGES || vertical < MIN_EDGES) continue;
      const middle = (min + max) >> 1;
      let dark = 0;
      for (let y = yStart; y < yEnd; y++) {
        const row = y * width;
        for (let x = xStart; x < xEnd; x++) if ((data[row + x] ?? 0) <= middle) dark++;
      }
      const area = (yEnd - yStart) * (xEnd - xStart);
      if (Math.min(dark, area - dark) >= MIN_MINORITY * area) marks[gy * gridWidth + gx] = 1;
    }
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
    const regionWidth = region.x1 - region.x0 + 1;
    const regionHeight = region.y1 - region.y0 + 1;
    const aspect = Math.max(regionWidth, regionHeight) / Math.min(regionWidth, regionHeight);
    if (region.cells >= MIN_CELLS && aspect <= MAX_ASPECT) regions.push(region);
  }
  return regions;
}
