import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Demo, DemoResult } from '../../demos/common.js';
import { parseSvg } from '../plot/svg.js';

/** Runs `demo` in fast mode into a fresh temporary folder, silently; returns its result and output. */
export async function runFast(
  demo: Demo,
  extra: { epochs?: number; seed?: number } = {},
): Promise<DemoResult & { output: string[] }> {
  const output: string[] = [];
  const outDir = join(mkdtempSync(join(tmpdir(), 'rxgrad-demo-')), demo.name);
  const result = await demo.run({
    seed: extra.seed ?? 42,
    epochs: extra.epochs,
    outDir,
    fast: true,
    log: (line) => output.push(line),
    progress: false,
  });
  return { ...result, output };
}

/** Every figure the demo reported exists, is a well-formed SVG of a sensible size, and was printed. */
export function expectFigures(
  result: DemoResult & { output: string[] },
  names: readonly string[],
): void {
  expect(result.figures.map((f) => f.split(/[\\/]/).pop())).toEqual(names.map((n) => `${n}.svg`));
  for (const file of result.figures) {
    expect(existsSync(file)).toBe(true);
    const { width, height } = parseSvg(readFileSync(file, 'utf8'));
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
    expect(result.output.join('\n')).toContain(file);
  }
}
