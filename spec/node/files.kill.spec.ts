import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnapshot, load, Random, fit as train } from '../../lib/index.js';
import { sameSimdArgv } from '../../scripts/relaxedSimd.js';
import { resumeSetup } from '../io/fixtures/resumeSetup.js';

const child = join(import.meta.dirname, '..', 'io', 'fixtures', 'trainAndCheckpoint.ts');
const bitsOf = (d: Float32Array | Float64Array) => [
  ...new Uint8Array(d.buffer, d.byteOffset, d.byteLength),
];

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Runs the training child; resolves when it exits, after `killAfter` checkpoints plus `delayMs` if given. */
function runChild(dir: string, kill?: { after: number; delayMs: number }) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[] }>(
    (resolve, reject) => {
      const proc: ChildProcess = spawn(
        process.execPath,
        [...sameSimdArgv(), '--import', 'tsx', child, dir],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const lines: string[] = [];
      let stderr = '';
      let seen = 0;
      proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) {
          lines.push(line);
          if (kill && line.startsWith('checkpoint') && ++seen === kill.after) {
            setTimeout(() => proc.kill('SIGKILL'), kill.delayMs);
          }
        }
      });
      proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      proc.on('error', reject);
      // NOTE: one process (tsx as a loader, not its CLI, which would run the script in a grandchild).
      proc.on('exit', (code, signal) => {
        if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
        else resolve({ code, signal, lines });
      });
    },
  );
}

describe('exact resume across SIGKILLs (saveFile, checkpoints written atomically)', () => {
  it('is killed at random moments, resumes from the last good checkpoint, and ends bit for bit as the uninterrupted run', async () => {
    const reference = resumeSetup();
    await lastValueFrom(train(reference.model, reference.data, reference.options));
    const expected = reference.model.parameters().map((p) => bitsOf(p.data));

    const dir = await mkdtemp(join(tmpdir(), 'rxgrad-kill-'));
    dirs.push(dir);
    const path = join(dir, 'checkpoint.safetensors');
    // Every few milliseconds, read whatever is on disk under the checkpoint's name: it must decode.
    const corrupt: string[] = [];
    let reads = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        try {
          decodeSnapshot(await readFile(path));
          reads++;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') corrupt.push((e as Error).message);
        }
        await new Promise((r) => setTimeout(r, 3));
      }
    })();

    const rng = new Random(2024);
    const resumedAt: number[] = [];
    let lastStep = 0;
    for (let k = 0; k < 4; k++) {
      const run = await runChild(dir, { after: 5 + rng.int(15), delayMs: rng.int(12) });
      expect(run.signal).toBe('SIGKILL');
      resumedAt.push(Number(run.lines[0].split(' ')[1]));
      const step = decodeSnapshot(await readFile(path)).step;
      expect(step).toBeGreaterThan(lastStep);
      lastStep = step;
    }
    const last = await runChild(dir);
    polling = false;
    await poll;

    expect(last.lines.at(-1)).toBe('done');
    expect(resumedAt[0]).toBe(0);
    expect(resumedAt.slice(1).every((s) => s > 0)).toBe(true);
    expect(Number(last.lines[0].split(' ')[1])).toBe(lastStep);
    expect(corrupt).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    const { model } = load(await readFile(join(dir, 'final.safetensors')));
    expect(model.parameters().map((p) => bitsOf(p.data))).toEqual(expected);
    // Only the two files, plus temporary files of killed writers (never under the real names).
    const names = await readdir(dir);
    expect(names.filter((n) => !n.endsWith('.tmp')).sort()).toEqual([
      'checkpoint.safetensors',
      'final.safetensors',
    ]);
  });
});
