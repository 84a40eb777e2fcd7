/**
 * LumaDecoder over zxing-cpp compiled to WebAssembly (node adapter; zxing-wasm 3, reader build).
 * SECURITY: zxing-wasm fetches its .wasm from a CDN unless told otherwise; here the module is
 * always instantiated from bytes read from a local file (`wasmBinary`), and `locateFile` only
 * ever returns that local path, so no network request can happen (tested).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { LumaImage } from '../../core/qr/luma';
import type { LumaCode, LumaDecoder } from '../../core/qr/lumaDecoder';

const WASM_FILE = 'zxing_reader.wasm';

/**
 * Where the reader's .wasm is: next to the built main/CLI bundle (the build copies it there and
 * electron-builder unpacks it from the asar), else in node_modules (sources run by tsx/vitest).
 */
export function zxingWasmPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, WASM_FILE), join(here, '..', WASM_FILE)]) {
    const unpacked = candidate.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (existsSync(unpacked)) return unpacked;
  }
  return createRequire(import.meta.url).resolve(`zxing-wasm/reader/${WASM_FILE}`);
}

const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryDownscale: true,
  tryRotate: false,
  maxNumberOfSymbols: 16,
};

let ready: Promise<unknown> | undefined;

/** Instantiates the wasm module once per thread, from local bytes only. */
async function loadLocally(wasmPath: string): Promise<void> {
  ready ??= readFile(wasmPath).then(bytes => {
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return prepareZXingModule({
      overrides: { wasmBinary, locateFile: () => wasmPath },
      fireImmediately: true,
    });
  });
  try {
    await ready;
  } catch (error) {
    ready = undefined;
    throw new Error(
      `The QR decoder could not be loaded from ${wasmPath} (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}

export async function createZxingLumaDecoder(wasmPath = zxingWasmPath()): Promise<LumaDecoder> {
  await loadLocally(wasmPath);
  return {
    name: 'zxing-wasm',
    async decode(image: LumaImage): Promise<readonly LumaCode[]> {
      const results = await readBarcodes(toGreyRgba(image), READER_OPTIONS);
      return results
        .filter(result => result.isValid)
        .map(({ text, position }) => {
          const xs = [
            position.topLeft.x,
            position.topRight.x,
            position.bottomLeft.x,
            position.bottomRight.x,
          ];
          const ys = [
            position.topLeft.y,
            position.topRight.y,
            position.bottomLeft.y,
            position.bottomRight.y,
          ];
          const x = Math.max(0, Math.min(...xs));
          const y = Math.max(0, Math.min(...ys));
          return {
            text,
            bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y },
          };
        });
    },
  };
}

/**
 * zxing-wasm's public API takes RGBA (it converts to luminance itself, with the same integer
 * weights as core/qr/luma.ts, so grey pixels come back unchanged).
 */
// Shaped like the DOM's ImageData (colorSpace included) so it type-checks with and without lib.dom.
function toGreyRgba({ width, height, data }: LumaImage): {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  colorSpace: 'srgb';
} {
  const rgba = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(rgba.buffer);
  for (let i = 0; i < data.length; i++) words[i] = 0xff000000 | ((data[i] ?? 0) * 0x010101);
  return { data: rgba, width, height, colorSpace: 'srgb' };
}
