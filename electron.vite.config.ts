import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * zxing-wasm's reader .wasm, emitted next to the built main and QR worker: the app loads it from
 * there (never from zxing-wasm's default CDN), and electron-builder unpacks it from the asar.
 */
function zxingWasm(): Plugin {
  return {
    name: 'tessera-zxing-wasm',
    generateBundle() {
      const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
      this.emitFile({ type: 'asset', fileName: 'zxing_reader.wasm', source: readFileSync(wasm) });
    },
  };
}

// Three entries pointing at the top-level folders (DESIGN.md §2). The CLI is built separately by
// vite.cli.config.ts because it runs in plain Node, not in Electron.
export default defineConfig({
  main: {
    plugins: [zxingWasm()],
    build: {
      outDir: 'out/main',
      // The QR worker runs from the unpacked asar (a worker thread), where node_modules is out of
      // reach: its decoders are bundled in.
      externalizeDeps: { exclude: ['zxing-wasm', 'jsqr'] },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          qrWorker: resolve(import.meta.dirname, 'main/node/qr/qrWorker.ts'),
        },
        external: ['keytar'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but a few Electron modules: bundle everything.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
