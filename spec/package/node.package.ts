// rxgrad installed from its tarball into a fresh project with nothing else: plain Node ESM,
// CommonJS, the sub-entries, and what the install brings.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { project, run } from './consumer.js';

let dir: string;

beforeAll(async () => {
  dir = await project('node', inject('tarball'));
});

function bytesUnder(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, name) => n + bytesUnder(join(path, name)), 0);
}

describe('npm install rxgrad, in a project with nothing else', () => {
  it('brings only what autograd and training need, and runs no install script', () => {
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const installed = Object.keys(lock.packages)
      .filter((k) => k.startsWith('node_modules/'))
      .map((k) => k.slice('node_modules/'.length));
    expect(installed).toContain('rxgrad');
    expect(installed).toContain('rxjs');
    // the plotting stack and graph drawing are optional peers; no types from devDependencies
    for (const heavy of ['vega', 'vega-lite', '@viz-js/viz', 'fast-check', 'typescript'])
      expect(installed).not.toContain(heavy);
    expect(installed.filter((p) => p.startsWith('@types/'))).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(join(dir, 'node_modules', 'rxgrad', 'package.json'), 'utf8'),
    ) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts?.[hook]).toBeUndefined();
    const bytes = bytesUnder(join(dir, 'node_modules'));
    const own = bytesUnder(join(dir, 'node_modules', 'rxgrad'));
    // the README's install figures come from this report
    writeFileSync(
      join(import.meta.dirname, '..', '..', 'out', 'package-install.json'),
      `${JSON.stringify({ packages: installed.length, bytes, rxgradBytes: own, installed }, null, 2)}\n`,
    );
    expect(bytes).toBeLessThan(40e6);
  });

  it('a plain ES module script trains a network on the WebAssembly backend', async () => {
    const out = JSON.parse(await run('node', ['app.mjs'], dir));
    expect(out.backend).toBe('wasm');
    expect(out.epochs).toBe(30);
    expect(out.lastLoss).toBeLessThan(out.firstLoss / 2);
    expect(out.accuracy).toBeGreaterThan(0.8);
  });

  it('require() from CommonJS gets the same library', async () => {
    const out = JSON.parse(await run('node', ['app.cjs'], dir));
    expect(out).toEqual({ backend: 'wasm', grad: [12, 3], node: 'function' });
  });

  it('rxgrad/node works; rxgrad/plot and rxgrad/testing name the packages they need', async () => {
    const out = JSON.parse(await run('node', ['subpaths.mjs'], dir));
    expect(out.node).toEqual(['function', 'function', 'function']);
    expect(out.plotExports).toContain('linePlot');
    expect(out.plot).toBe(
      'DependencyError: renderSpec: rxgrad/plot needs vega and vega-lite (optional peer dependencies), which are not installed: npm install vega vega-lite',
    );
    expect(out.testing).toMatch(/^ERR_MODULE_NOT_FOUND: Cannot find package 'fast-check'/);
  });
});
