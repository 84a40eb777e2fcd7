/**
 * Synthetic screens and camera frames with QR codes (test support): codes drawn with the
 * `qrcode` package at any module size (fractional too, like a zoomed page), position, colours
 * and orientation, then blurred, noised and cluttered with text-like marks, and delivered in any
 * pixel format and row stride. Deterministic for a given seed. Test-only: the product never
 * writes QR images.
 */
import QRCode from 'qrcode';
import type { PixelFormat, PixelFrame } from '../../main/core/qr/frame';

export interface SynthCode {
  readonly text: string;
  /** Frame pixels per module (may be fractional). */
  readonly moduleSize: number;
  /** Top-left corner of the code's quiet zone, in frame pixels. */
  readonly x: number;
  readonly y: number;
  /** Light modules on dark (a dark-theme page). */
  readonly invert?: boolean;
  /** Mirrored left to right (a front camera's preview). */
  readonly mirror?: boolean;
}

export interface SynthScene {
  readonly width: number;
  readonly height: number;
  readonly codes: readonly SynthCode[];
  /** Luminance of dark and light (default 20 and 240; closer together for low contrast). */
  readonly dark?: number;
  readonly light?: number;
  /** Page background luminance (default `light`). */
  readonly background?: number;
  /** Standard deviation of Gaussian noise, in luminance levels. */
  readonly noise?: number;
  /** Box-blur radius in pixels (applied twice: close to a Gaussian). */
  readonly blur?: number;
  /** Lines of text-like marks scattered over the page. */
  readonly clutter?: number;
  readonly seed?: number;
  readonly format?: PixelFormat;
  /** Extra bytes at the end of every row. */
  readonly rowPadding?: number;
}

/** Modules of a code with its 4-module quiet zone (true = dark). */
export function qrMatrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  return {
    size: size + 8,
    dark: (x, y) => {
      const mx = x - 4;
      const my = y - 4;
      return mx >= 0 && my >= 0 && mx < size && my < size && qr.modules.get(my, mx) === 1;
    },
  };
}

/** A deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Side of a code's drawing (quiet zone included), in frame pixels. */
export function codeSide(code: Pick<SynthCode, 'text' | 'moduleSize'>): number {
  return Math.ceil(qrMatrix(code.text).size * code.moduleSize);
}

export function synthFrame(scene: SynthScene): PixelFrame {
  const { width, height } = scene;
  const dark = scene.dark ?? 20;
  const light = scene.light ?? 240;
  const random = prng(scene.seed ?? 1);
  const canvas = new Float32Array(width * height).fill(scene.background ?? light);

  for (let line = 0; line < (scene.clutter ?? 0); line++) {
    // A line of "words": short dark strokes 1–2 px wide, ~10 px tall.
    const y0 = Math.floor(random() * Math.max(1, height - 12));
    let x = Math.floor(random() * Math.max(1, width - 200));
    const end = Math.min(width - 1, x + 60 + Math.floor(random() * 400));
    while (x < end) {
      const glyphHeight = 6 + Math.floor(random() * 5);
      for (let y = y0 + 10 - glyphHeight; y < y0 + 10; y++) {
        if (y >= 0 && y < height) canvas[y * width + x] = dark;
      }
      x += 2 + Math.floor(random() * 4);
    }
  }

  for (const code of scene.codes) {
    const matrix = qrMatrix(code.text);
    const side = matrix.size * code.moduleSize;
    const [on, off] = code.invert === true ? [light, dark] : [dark, light];
    for (let y = Math.max(0, Math.floor(code.y)); y < Math.min(height, code.y + side); y++) {
      const my = Math.floor((y - code.y) / code.moduleSize);
      for (let x = Math.max(0, Math.floor(code.x)); x < Math.min(width, code.x + side); x++) {
        let mx = Math.floor((x - code.x) / code.moduleSize);
        if (code.mirror === true) mx = matrix.size - 1 - mx;
        canvas[y * width + x] = matrix.dark(mx, my) ? on : off;
      }
    }
  }

  if ((scene.blur ?? 0) > 0) {
    boxBlur(canvas, width, height, scene.blur ?? 0);
    boxBlur(canvas, width, height, scene.blur ?? 0);
  }
  if ((scene.noise ?? 0) > 0) {
    const sigma = scene.noise ?? 0;
    for (let i = 0; i < canvas.length; i++) {
      // Box-Muller.
      const u = Math.max(1e-9, random());
      const v = random();
      canvas[i] =
        (canvas[i] ?? 0) + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }
  return toFormat(canvas, width, height, scene.format ?? 'rgba', scene.rowPadding ?? 0);
}

function boxBlur(canvas: Float32Array, width: number, height: number, radius: number): void {
  const r = Math.max(1, Math.round(radius));
  const line = new Float32Array(Math.max(width, height));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) line[x] = canvas[y * width + x] ?? 0;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++, count++)
        sum += line[k] ?? 0;
      canvas[y * width + x] = sum / count;
    }
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) line[y] = canvas[y * width + x] ?? 0;
    for (let y = 0; y < height; y++) {
      let sum = 0;
      let count = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++, count++)
        sum += line[k] ?? 0;
      canvas[y * width + x] = sum / count;
    }
  }
}

/** Writes luminance as the given format; colour formats get a slight tint, as real pages have. */
function toFormat(
  canvas: Float32Array,
  width: number,
  height: number,
  format: PixelFormat,
  rowPadding: number,
): PixelFrame {
  const bytesPerPixel = format === 'luma' ? 1 : 4;
  const stride = width * bytesPerPixel + rowPadding;
  const data = new Uint8Array(stride * height).fill(0xa5); // padding bytes are garbage
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = Math.min(255, Math.max(0, Math.round(canvas[y * width + x] ?? 0)));
      const at = y * stride + x * bytesPerPixel;
      if (format === 'luma') {
        data[at] = value;
        continue;
      }
      const red = Math.min(255, value + 4);
      const blue = Math.max(0, value - 4);
      data[at] = format === 'rgba' ? red : blue;
      data[at + 1] = value;
      data[at + 2] = format === 'rgba' ? blue : red;
      data[at + 3] = 255;
    }
  }
  return { width, height, stride, format, data };
}
