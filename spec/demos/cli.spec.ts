import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, parseDemoArgs } from '../../demos/args.js';
import { demos } from '../../demos/registry.js';

const root = join(import.meta.dirname, '..', '..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'demos/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('demo CLI', () => {
  it('parses a name and the options a user expects', () => {
    expect(parseDemoArgs([])).toMatchObject({
      name: DEFAULT_DEMO,
      seed: 42,
      out: 'out',
      fast: false,
    });
    expect(DEFAULT_DEMO).toBe('breast-cancer');
    expect(
      parseDemoArgs(['digits', '--seed', '7', '--epochs', '3', '--out', 'tmp', '--fast']),
    ).toEqual({
      name: 'digits',
      list: false,
      help: false,
      fast: true,
      seed: 7,
      epochs: 3,
      out: 'tmp',
    });
    expect(() => parseDemoArgs(['--epochs', '0'])).toThrow(
      '--epochs must be an integer ≥ 1, got "0"',
    );
    expect(() => parseDemoArgs(['--seed', 'x'])).toThrow(/--seed must be an integer/);
    expect(() => parseDemoArgs(['a', 'b'])).toThrow('expected at most one demo name, got a b');
    expect(() => parseDemoArgs(['--colour'])).toThrow(/colour/);
  });

  it('has unique demo names, the default among them', () => {
    const names = demos.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(DEFAULT_DEMO);
    expect(names).toEqual([
      'neuron',
      'gradient-descent',
      'two-layer',
      'two-layer-nn',
      'breast-cancer',
      'house-prices',
      'digits',
      'fashion',
    ]);
  });

  it('--list prints every demo and exits 0; a bad name prints the list and exits non-zero', () => {
    const list = cli('--list');
    expect(list.status).toBe(0);
    for (const d of demos) expect(list.stdout).toContain(d.name);
    const bad = cli('no-such-demo');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('no demo named "no-such-demo"');
    for (const d of demos) expect(bad.stderr).toContain(d.name);
  });
});
