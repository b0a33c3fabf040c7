import { RxgradError } from '../../core/index.js';
import { CTRL } from './control.js';
import { canBlock, type HostWorker, spawnWorker } from './host.js';
import { workerSource } from './workerSource.js';

/** One part of a job: the rows i0…i1 and columns j0…j1 of the output. */
export type PartRange = readonly [i0: number, i1: number, j0: number, j1: number];

/** A kernel a part runs on the calling thread: (part index, its range, this thread's number). */
export type RunPart = (range: PartRange, thread: number) => void;

/** How long an idle worker polls for the next job before it sleeps (waking one costs ~50 µs). */
const SPIN_MS = 0.5;

/** How a shared job went: parts the calling thread ran itself, and time it waited for workers. */
export interface JobStats {
  readonly ownParts: number;
  readonly waitedMs: number;
  /** Whether every worker was running when the job started (a new one takes ~50 ms to boot). */
  readonly allReady: boolean;
}

/**
 * Workers sharing the kernels' WebAssembly memory. The calling (main) thread always runs part 0
 * and takes any part no worker has claimed yet, so a job never waits for a worker to start or
 * wake: a busy or sleeping worker only means less help.
 */
export class ThreadPool {
  private readonly workers: HostWorker[] = [];
  private readonly ctrl: Int32Array;
  private seq = 0;
  private failed = false;
  private blocking = canBlock();

  constructor(
    private readonly module: WebAssembly.Module,
    private readonly memory: WebAssembly.Memory,
  ) {
    this.ctrl = new Int32Array(memory.buffer, CTRL.offset, CTRL.size);
  }

  /** Workers started so far. */
  get size(): number {
    return this.workers.length;
  }

  /** Starts workers until there are `count` (fewer if the host has none). */
  grow(count: number): void {
    while (!this.failed && this.workers.length < Math.min(count, CTRL.maxThreads - 1)) {
      const worker = spawnWorker(workerSource);
      if (!worker) {
        this.failed = true;
        return;
      }
      const id = this.workers.length + 1;
      worker.onError(() => {
        this.failed = true;
      });
      worker.post({ module: this.module, memory: this.memory, id, spinMs: SPIN_MS });
      this.workers.push(worker);
    }
  }

  /** Whether the workers can still be used (none failed to start or crashed). */
  get healthy(): boolean {
    return !this.failed;
  }

  /** Byte offset for thread `t`'s work buffer (0 is the calling thread). */
  setWork(t: number, ptr: number): void {
    this.ctrl[CTRL.work + t] = ptr;
  }

  /**
   * Runs kernel `fn` with `args` over `parts`, with the workers' help; returns when every part
   * is done. `runHere` runs a part on the calling thread.
   */
  run(
    fn: number,
    args: readonly number[],
    parts: readonly PartRange[],
    runHere: RunPart,
  ): JobStats {
    const I = this.ctrl;
    this.seq = this.seq >= 1 << 27 ? 1 : this.seq + 1;
    const free = this.seq << 2;
    let allReady = true;
    for (let w = 1; w <= this.workers.length; w++)
      if (Atomics.load(I, CTRL.ready + w) !== 1) allReady = false;
    I[CTRL.fn] = fn;
    for (let i = 0; i < args.length; i++) I[CTRL.args + i] = args[i];
    I[CTRL.parts] = parts.length;
    I[CTRL.error] = 0;
    parts.forEach((r, p) => {
      for (let i = 0; i < 4; i++) I[CTRL.ranges + 4 * p + i] = r[i];
      Atomics.store(I, CTRL.state + p, free);
    });
    Atomics.store(I, CTRL.seq, this.seq);
    Atomics.notify(I, CTRL.seq);
    runHere(parts[0], 0);
    let ownParts = 1;
    for (let p = 1; p < parts.length; p++) {
      if (Atomics.compareExchange(I, CTRL.state + p, free, free | 1) !== free) continue;
      runHere(parts[p], 0);
      ownParts++;
      Atomics.store(I, CTRL.state + p, free | 2);
    }
    const waitStart = performance.now();
    for (let p = 1; p < parts.length; p++) this.waitDone(p, free | 2);
    if (I[CTRL.error] !== 0) throw new RxgradError('wasm backend: a kernel failed in a worker');
    return { ownParts, waitedMs: performance.now() - waitStart, allReady };
  }

  private waitDone(p: number, done: number): void {
    const I = this.ctrl;
    let spins = 0;
    while (Atomics.load(I, CTRL.state + p) !== done) {
      if (++spins < 20_000 || !this.blocking) continue;
      try {
        Atomics.wait(I, CTRL.state + p, done - 1, 1);
      } catch {
        this.blocking = false;
      }
    }
  }

  /** Stops the workers (they are also ended with the process). */
  terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
