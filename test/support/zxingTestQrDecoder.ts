/**
 * TEST STAND-IN for the QrDecoder port: zxing-wasm, in process, on the whole frame. The product
 * decodes in a worker with its own pipeline (main/core/qr, main/node); this one only lets the
 * scan service, the harness and the e2e tests run before that lands — the integrator swaps it
 * out. The .wasm is read from node_modules: zxing-wasm would fetch it from a CDN otherwise.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { FrameRejectedError, type QrDecoder } from '../../main/core/ports';
import {
  bytesPerPixel,
  FRAME_LIMITS,
  type DecodedCode,
  type PixelFrame,
} from '../../main/core/qr/frame';

const WASM_PATH = resolve(
  import.meta.dirname,
  '../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm',
);

let prepared = false;
function prepareLocally(): void {
  if (prepared) return;
  const wasmBinary = readFileSync(WASM_PATH);
  prepareZXingModule({
    overrides: {
      wasmBinary: wasmBinary.buffer.slice(
        wasmBinary.byteOffset,
        wasmBinary.byteOffset + wasmBinary.byteLength,
      ),
      // Never a URL: only the local file (wasmBinary above is what is actually used).
      locateFile: (path: string) => join(resolve(WASM_PATH, '..'), path),
    },
  });
  prepared = true;
}

/** Checks a frame the way the real pipeline must (FRAME_LIMITS, stride, buffer length). */
export function checkFrame(frame: PixelFrame): void {
  const { width, height, stride, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new FrameRejectedError('The image has no pixels.');
  }
  if (
    width > FRAME_LIMITS.maxSide ||
    height > FRAME_LIMITS.maxSide ||
    width * height > FRAME_LIMITS.maxPixels
  ) {
    throw new FrameRejectedError(
      `The image is too large to scan (${width} × ${height}); use a smaller image or crop it around the QR code.`,
    );
  }
  const rowBytes = width * bytesPerPixel(frame.format);
  if (stride < rowBytes || data.length < stride * (height - 1) + rowBytes) {
    throw new FrameRejectedError('The image data is incomplete.');
  }
}

/** RGBA copy of any frame (zxing-wasm's ImageData path takes RGBA). */
function toRgba(frame: PixelFrame): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, stride, data, format } = frame;
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      if (format === 'luma') {
        const v = data[y * stride + x] ?? 0;
        out[o] = v;
        out[o + 1] = v;
        out[o + 2] = v;
      } else {
        const i = y * stride + x * 4;
        const [r, b] = format === 'rgba' ? [i, i + 2] : [i + 2, i];
        out[o] = data[r] ?? 0;
        out[o + 1] = data[i + 1] ?? 0;
        out[o + 2] = data[b] ?? 0;
      }
      out[o + 3] = 255;
    }
  }
  return out;
}

export class ZxingTestQrDecoder implements QrDecoder {
  /** Frames decoded so far (tests check that the camera loop really ran). */
  decodedFrames = 0;

  async decode(frame: PixelFrame): Promise<readonly DecodedCode[]> {
    checkFrame(frame);
    prepareLocally();
    const results = await readBarcodes(
      { data: toRgba(frame), width: frame.width, height: frame.height, colorSpace: 'srgb' },
      { formats: ['QRCode'], tryInvert: true, tryHarder: true, maxNumberOfSymbols: 16 },
    );
    this.decodedFrames += 1;
    const codes: DecodedCode[] = [];
    for (const result of results) {
      if (!result.isValid || codes.some(code => code.text === result.text)) continue;
      const xs = [result.position.topLeft.x, result.position.bottomRight.x];
      const ys = [result.position.topLeft.y, result.position.bottomRight.y];
      codes.push({
        text: result.text,
        bounds: {
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.abs(xs[1]! - xs[0]!),
          height: Math.abs(ys[1]! - ys[0]!),
        },
      });
    }
    return codes;
  }
}
