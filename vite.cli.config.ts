import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** zxing-wasm's reader .wasm next to the CLI and its QR worker, loaded from there (never a CDN). */
function zxingWasm(): Plugin {
  return {
    name: 'tessera-zxing-wasm',
    generateBundle() {
      const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
      this.emitFile({ type: 'asset', fileName: 'zxing_reader.wasm', source: readFileSync(wasm) });
    },
  };
}

// The `tessera` CLI: plain Node, ESM, with a shebang; its QR worker (qrWorker.js) and the zxing
// .wasm beside it. keytar and sharp stay external (native addons, loaded from node_modules).
export default defineConfig({
  plugins: [zxingWasm()],
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        tessera: resolve(import.meta.dirname, 'main/cli/tessera.ts'),
        qrWorker: resolve(import.meta.dirname, 'main/node/qr/qrWorker.ts'),
      },
      external: ['keytar', 'sharp', ...builtinModules, ...builtinModules.map(m => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true, external: ['keytar', 'sharp'] },
});
