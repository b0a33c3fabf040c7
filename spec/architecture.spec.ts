import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer table of DESIGN.md: imports only point down it. Folders not listed here fail the
// test until someone decides where they sit.
const allowed: Record<string, readonly string[]> = {
  core: [],
  backend: ['core'],
  autograd: ['core', 'backend'],
  ops: ['core', 'backend', 'autograd'],
  metrics: ['core', 'autograd'],
  nn: ['core', 'autograd', 'ops'],
  optim: ['core', 'backend', 'autograd'], // DESIGN.md: "optim also backend" (its update kernels)
  data: ['core', 'autograd'],
  plot: ['core', 'autograd'],
  io: ['core', 'autograd', 'ops', 'nn', 'optim', 'data'],
  train: ['core', 'backend', 'autograd', 'ops', 'nn', 'optim', 'data', 'metrics', 'io'],
  worker: ['core', 'autograd', 'ops', 'nn', 'optim', 'data', 'metrics', 'train', 'io'],
  testing: ['core', 'autograd', 'ops'],
  node: [
    'core',
    'backend',
    'autograd',
    'ops',
    'nn',
    'optim',
    'data',
    'metrics',
    'train',
    'io',
    'plot',
    'worker',
  ],
};
const NODE_BUILTINS =
  /^(node:|fs$|fs\/|path$|os$|child_process$|worker_threads$|url$|util$|stream$|crypto$)/;

const libDir = join(import.meta.dirname, '..', 'lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g))
    found.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) found.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

const files = sources(libDir).map((f) => relative(libDir, f));
// The package's sub-entries (package.json `exports`) import lib/install.ts, the one module with
// an effect at import time, as lib/index.ts does.
const entries = ['node/index.ts', 'plot/index.ts', 'testing/index.ts'];
const layered = files.filter((f) => f.includes('/'));

describe('architecture (DESIGN.md layers)', () => {
  it('the scan sees the imports it checks (a guard against a broken pattern)', () => {
    expect(importsOf(join(libDir, 'ops', 'matmul.ts'))).toContain('../autograd/index.js');
    expect(layered.length).toBeGreaterThan(20);
  });

  it('every folder in lib/ has a place in the layer table', () => {
    const folders = [...new Set(layered.map((f) => f.split('/')[0]))];
    expect(folders.filter((f) => !(f in allowed))).toEqual([]);
  });

  it('imports only point down the table, and nothing imports lib/index.ts', () => {
    const bad: string[] = [];
    for (const f of layered) {
      const layer = f.split('/')[0];
      for (const spec of importsOf(join(libDir, f))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(libDir, join(libDir, f, '..', spec));
        const targetLayer = target.includes('/') ? target.split('/')[0] : target;
        if (targetLayer === layer) continue;
        if (target === 'install.js' && entries.includes(f)) continue;
        if (!target.includes('/') || !(allowed[layer] ?? []).includes(targetLayer))
          bad.push(`${f} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lib/install.ts, the one module with import-time effects, is imported by the entries alone', () => {
    const importers = files.filter((f) =>
      importsOf(join(libDir, f)).some((spec) => /(^|\/)install\.js$/.test(spec)),
    );
    expect(importers.sort()).toEqual(['index.ts', ...entries].sort());
  });

  it("package.json's sideEffects lists lib/install.ts and the entries, built and as sources", () => {
    const pkg = JSON.parse(readFileSync(join(libDir, '..', 'package.json'), 'utf8')) as {
      sideEffects: string[];
    };
    const modules = ['install.ts', 'index.ts', ...entries];
    expect([...pkg.sideEffects].sort()).toEqual(
      [
        ...modules.map((m) => `./lib/${m}`),
        ...modules.map((m) => `./dist/${m.replace(/\.ts$/, '.js')}`),
      ].sort(),
    );
  });

  it('rxjs is imported only in lib/train (and the Node/worker edges); Node built-ins only in lib/node', () => {
    const bad: string[] = [];
    for (const f of files) {
      const layer = f.split('/')[0];
      for (const spec of importsOf(join(libDir, f))) {
        if (spec.startsWith('rxjs') && !['train', 'node', 'worker'].includes(layer))
          bad.push(`${f} imports ${spec}`);
        if (NODE_BUILTINS.test(spec) && layer !== 'node') bad.push(`${f} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lib/ never calls Math.random (randomness flows from seeds)', () => {
    const bad = files.filter((f) =>
      /Math\.random\s*\(/.test(readFileSync(join(libDir, f), 'utf8')),
    );
    expect(bad).toEqual([]);
  });
});
