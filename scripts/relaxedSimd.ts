/**
 * The repository's own runners (vitest, the benchmarks) run the WebAssembly kernels with relaxed
 * SIMD (fused multiply-add), as a Node 22+ or Chrome user has it. The library never switches V8
 * flags itself; on Node 20 relaxed SIMD sits behind `--experimental-wasm-relaxed-simd`, which
 * these runners pass to the processes they start (vitest's workers through `execArgv`; a script
 * through `ensureRelaxedSimd`, which starts itself again with the flag).
 */
import { spawnSync } from 'node:child_process';

export const RELAXED_SIMD_FLAG = '--experimental-wasm-relaxed-simd';

// The smallest module that uses a relaxed-SIMD instruction: () -> v128 returning
// f32x4.relaxed_madd(0, 0, 0).
const zeros = (n: number) => new Array<number>(n).fill(0);
const V128_CONST = [0xfd, 0x0c, ...zeros(16)];
const PROBE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b], // type: () -> v128
  ...[0x03, 0x02, 0x01, 0x00], // one function of that type
  ...[0x0a, 0x3d, 0x01, 0x3b, 0x00, ...V128_CONST, ...V128_CONST, ...V128_CONST],
  ...[0xfd, 0x85, 0x02, 0x0b], // f32x4.relaxed_madd, end
]);

/** Whether this process runs relaxed SIMD. */
export function hasRelaxedSimd(): boolean {
  return WebAssembly.validate(PROBE);
}

/**
 * The node arguments a child process needs to run relaxed SIMD: none where the host has it on
 * already, the V8 flag where this Node knows it (Node 20), none where it knows neither.
 */
export function relaxedSimdArgv(): string[] {
  if (hasRelaxedSimd()) return [];
  const probe = `process.exit(WebAssembly.validate(new Uint8Array([${[...PROBE].join(',')}])) ? 0 : 1)`;
  const run = spawnSync(process.execPath, [RELAXED_SIMD_FLAG, '-e', probe], { stdio: 'ignore' });
  return run.status === 0 ? [RELAXED_SIMD_FLAG] : [];
}

/**
 * For a script of this repository: if this process lacks relaxed SIMD and the flag would give
 * it, runs the same script again in a child process with the flag and exits with its status.
 * Call it first thing, before any work.
 */
export function ensureRelaxedSimd(): void {
  if (hasRelaxedSimd()) return;
  const argv = relaxedSimdArgv();
  if (argv.length === 0) return;
  const run = spawnSync(
    process.execPath,
    [...argv, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(run.status ?? 1);
}

/**
 * The flag a child process started from this one needs to run the same kernel build (for specs
 * that compare a child's results with their own bit for bit).
 */
export function sameSimdArgv(): string[] {
  return process.execArgv.includes(RELAXED_SIMD_FLAG) ? [RELAXED_SIMD_FLAG] : [];
}
