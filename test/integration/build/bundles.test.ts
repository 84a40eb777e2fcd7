/**
 * Properties of the built app (out/, from `npm run build`) that only show after bundling: the
 * sandboxed preload can load nothing but Electron, and the renderer carries no Node code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve(import.meta.dirname, '../../../out');
const requires = (code: string) =>
  [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map(m => m[1]);

describe('the built bundles', () => {
  it('give the sandboxed preload no module but electron to require', () => {
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8');
    expect(new Set(requires(preload))).toEqual(new Set(['electron']));
  });

  it('keep Node, keytar and Electron out of the renderer', () => {
    const assets = join(OUT, 'renderer/assets');
    for (const file of readdirSync(assets).filter(name => name.endsWith('.js'))) {
      const code = readFileSync(join(assets, file), 'utf8');
      expect(requires(code)).toEqual([]);
      expect(code).not.toMatch(/from\s*["'](node:|electron|keytar)/);
    }
  });

  it('serve the renderer with a CSP that allows no inline script', () => {
    const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
