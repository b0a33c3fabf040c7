import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wasmInfo, wasmReady } from '../../../lib/backend/index.js';
import { RELAXED_SIMD_FLAG } from '../../../scripts/relaxedSimd.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'relaxedSimdProbe.ts');
const probe = (flags: string[]) => {
  const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', fixture], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    before: boolean;
    chose: boolean;
    after: boolean;
    diag: number;
  };
};

describe('relaxed SIMD', () => {
  it('is detected, never switched on by the library', () => {
    const plain = probe([]);
    // Node 20 has it behind a flag: the library runs the SIMD128 build and leaves V8 as it was.
    expect(plain.after).toBe(plain.before);
    expect(plain.chose).toBe(plain.before);
    if (process.versions.node.startsWith('20.')) expect(plain.chose).toBe(false);
    // 1² + 2² + 3² + 4²
    expect(plain.diag).toBe(30);
  });

  it('is used when the host has it enabled (node --experimental-wasm-relaxed-simd on Node 20)', () => {
    // (this worker already has the flag, so relaxedSimdArgv() answers [] here)
    const flags = process.versions.node.startsWith('20.') ? [RELAXED_SIMD_FLAG] : [];
    const enabled = probe(flags);
    expect(enabled.chose).toBe(true);
    expect(enabled.diag).toBe(30);
  });

  it('runs in this suite, whose workers get the flag from vitest.config.ts', async () => {
    expect(await wasmReady()).toBe(true);
    expect(wasmInfo()?.relaxedSimd).toBe(true);
  });
});
