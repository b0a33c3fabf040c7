import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What every demo receives from the CLI (or a test). */
export interface DemoOptions {
  /** Seed of every random draw (data shuffles, initial weights). */
  seed: number;
  /** Number of epochs (or loops) instead of the demo's default. */
  epochs?: number;
  /** Folder for this demo's figures (created when missing). */
  outDir: string;
  /** Fewer epochs and restarts, for tests. */
  fast: boolean;
  /** Where the demo prints its text. */
  log: (line: string) => void;
  /** Live progress bars in the terminal. */
  progress: boolean;
  /** A data directory, for the demos that read one (`--data`). */
  data?: string;
}

/** What a demo hands back: its key numbers (checked by the tests) and the figures it wrote. */
export interface DemoResult {
  numbers: Record<string, number>;
  figures: string[];
  /** Whole curves, where a test compares them (e.g. the loss of every loop). */
  series?: Record<string, readonly number[]>;
}

/** A runnable demo. */
export interface Demo {
  name: string;
  summary: string;
  run(options: DemoOptions): Promise<DemoResult>;
}

/** Writes `svg` to `<outDir>/<name>.svg` and returns the path (relative to the working folder when inside it). */
export function writeFigure(outDir: string, name: string, svg: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name}.svg`);
  writeFileSync(file, svg);
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Prints the list of written figures. */
export function logFigures(log: (line: string) => void, figures: readonly string[]): void {
  log('');
  log('Figures:');
  for (const f of figures) log(`  ${f}`);
}

/** A plain-text table with a header row, columns padded to their widest cell. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => c.padEnd(widths[j]))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

/** Mean and (population) standard deviation. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** `0.9049` → `'90.49 %'`. */
export function percent(x: number, digits = 2): string {
  return `${(100 * x).toFixed(digits)} %`;
}
