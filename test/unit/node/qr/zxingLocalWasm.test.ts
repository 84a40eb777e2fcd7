/**
 * zxing-wasm is instantiated from the local .wasm only (SECURITY: its default fetches from a
 * CDN). This file runs in its own process, so the module is loaded here for the first time, with
 * fetch and XMLHttpRequest replaced by traps.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createZxingLumaDecoder, zxingWasmPath } from '../../../../main/node/qr/zxingLumaDecoder';
import { qrMatrix } from '../../../support/qrSynth';

const fetchTrap = vi.fn(() => Promise.reject(new Error('network access attempted')));
vi.stubGlobal('fetch', fetchTrap);
vi.stubGlobal(
  'XMLHttpRequest',
  vi.fn(() => {
    throw new Error('network access attempted');
  }),
);
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('createZxingLumaDecoder', () => {
  it('loads the decoder from a local file and decodes without any network request', async () => {
    const path = zxingWasmPath();
    expect(isAbsolute(path)).toBe(true);
    expect(path).toMatch(/zxing_reader\.wasm$/);
    expect(existsSync(path)).toBe(true);

    const decoder = await createZxingLumaDecoder();
    const { size, dark } = qrMatrix('https://example.com/offline');
    const scale = 4;
    const side = size * scale;
    const data = new Uint8Array(side * side);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++)
        data[y * side + x] = dark(Math.floor(x / scale), Math.floor(y / scale)) ? 0 : 255;
    }
    const codes = await decoder.decode({ width: side, height: side, data });
    expect(codes.map(code => code.text)).toEqual(['https://example.com/offline']);
    expect(fetchTrap).not.toHaveBeenCalled();
  });

  it('says where it looked when the .wasm file is missing', async () => {
    vi.resetModules();
    const fresh = await import('../../../../main/node/qr/zxingLumaDecoder');
    await expect(fresh.createZxingLumaDecoder('/nonexistent/zxing_reader.wasm')).rejects.toThrow(
      /The QR decoder could not be loaded from \/nonexistent\/zxing_reader\.wasm/,
    );
    expect(fetchTrap).not.toHaveBeenCalled();
  });
});
