/**
 * How the QR decoder ships (out/, from `npm run build`): the worker script and zxing's .wasm sit
 * next to the built main process and CLI (electron-builder unpacks them from the asar), the wasm
 * is byte for byte the one zxing-wasm publishes, and the built worker imports nothing from
 * node_modules (it runs from the unpacked asar, where node_modules is out of reach).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../../out');
const published = readFileSync(
  createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
);
const bareImports = (code: string) =>
  [...code.matchAll(/^import[^'"]*["']([^"'.][^"']*)["']/gm)]
    .map(match => match[1] ?? '')
    .filter(name => !name.startsWith('node:'));

describe('the built QR worker', () => {
  for (const folder of ['main', 'cli']) {
    it(`is in out/${folder} with the zxing .wasm beside it`, () => {
      expect(existsSync(join(OUT, folder, 'qrWorker.js'))).toBe(true);
      expect(readFileSync(join(OUT, folder, 'zxing_reader.wasm')).equals(published)).toBe(true);
    });
  }

  it('in the app bundles its decoders instead of importing them from node_modules', () => {
    const worker = readFileSync(join(OUT, 'main/qrWorker.js'), 'utf8');
    expect(bareImports(worker)).toEqual([]);
  });
});
