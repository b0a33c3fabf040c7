import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('wasm backend workers', () => {
  it('never keep a finished Node process alive', () => {
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'exitAfterMatmul.ts');
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    // a hung process is killed by the timeout: status null, signal SIGTERM
    expect(run.signal).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    // 160 ones dotted with 160 ones, computed with two threads
    expect(JSON.parse(run.stdout)).toEqual({ value: 160, threads: 2 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
