import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `tessera` CLI: plain Node, ESM, one file with a shebang. keytar stays external (native).
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: { tessera: resolve(import.meta.dirname, 'main/cli/tessera.ts') },
      external: ['keytar', ...builtinModules, ...builtinModules.map(m => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true, external: ['keytar'] },
});
