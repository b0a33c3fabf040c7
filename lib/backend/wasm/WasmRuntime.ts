import type { MatrixView } from '../Backend.js';
import type { ProductDims } from '../matrixView.js';
import { CTRL, JOB_FN } from './control.js';
import {
  canShareMemory,
  coreCount,
  decodeBase64,
  hasWebAssembly,
  validateRelaxed,
} from './host.js';
import { inflateRaw } from './inflate.js';
import {
  KERNELS_SHARED_FLAG_OFFSET,
  KERNELS_SOURCE_HASH,
  KERNELS_WASM,
  KERNELS_WASM_SIZE,
} from './kernels.generated.js';
import { type JobStats, type PartRange, ThreadPool } from './ThreadPool.js';

interface Kernels {
  gemmF64: GemmFn;
  gemmF32: GemmFn;
  gemmPackBF64: PackFn;
  gemmPackBF32: PackFn;
  gemmWorkBytes(elementBytes: number): number;
  gemmPackedBBytes(elementBytes: number, k: number, n: number): number;
  gemvF64: GemvFn;
  gemvF32: GemvFn;
  unaryF64: UnaryFn;
  unaryF32: UnaryFn;
  binaryF64: BinaryFn;
  binaryF32: BinaryFn;
  reduceF64: ReduceFn;
  reduceF32: ReduceFn;
}
type GemmFn = (...args: number[]) => void;
type GemvFn = (a: number, b: number, c: number, m: number, k: number, transA: number) => void;
type PackFn = (b: number, k: number, n: number, transB: number, dst: number) => void;
type UnaryFn = (op: number, x: number, out: number, n: number, a: number, b: number) => number;
type BinaryFn = (...args: number[]) => number;
type ReduceFn = (...args: number[]) => number;
/** A kernel export: numbers in (byte offsets, sizes), a number out. */
export type KernelFn = (...args: number[]) => number;

type Variant = keyof typeof KERNELS_WASM;
const binaries: Partial<Record<Variant, Uint8Array<ArrayBuffer>>> = {};

/** A variant's WebAssembly binary, inflated once and kept (callers get their own copy). */
function binary(variant: Variant): Uint8Array<ArrayBuffer> {
  const bytes = (binaries[variant] ??= inflateRaw(
    decodeBase64(KERNELS_WASM[variant]),
    KERNELS_WASM_SIZE[variant],
  ));
  return bytes.slice();
}

const PAGE = 65536;
const MAX_PAGES = 32768;
/** Scratch starts here; below are the control block and room for the kernels' own data. */
const SCRATCH_BASE = 65536;
/**
 * Most bytes of WebAssembly memory that keep resident copies of stable operands, below the
 * scratch: an operand that the kernels read again (a data set's inputs every step, an
 * activation in the forward and again in the backward pass) is then copied in once. The area
 * holds RESIDENT_OPERANDS times the largest operand kept (at least RESIDENT_MIN bytes, at most
 * RESIDENT_BYTES); when the copies outgrow it they are all dropped and it fills again, so
 * memory stays bounded and small models keep a small area.
 */
const RESIDENT_BYTES = 32 << 20;
const RESIDENT_MIN = 1 << 20;
const RESIDENT_OPERANDS = 16;
/** Operands larger than this are never kept (they would push out everything else). */
const RESIDENT_MAX_OPERAND = RESIDENT_BYTES / 4;
/** Products below this many multiply-adds run on one thread (waking a helper costs more). */
export const PARALLEL_MIN_MACS = 1 << 20;
/**
 * Multiply-adds per part of a shared product. Parts are claimed one at a time, so a thread
 * that the OS leaves waiting (a busy machine) holds back at most one part.
 */
const PART_MACS = 1 << 19;

type Float = Float32Array | Float64Array;

/** Variants a caller rules out (both are used where the host has them). */
interface Preference {
  relaxedSimd?: boolean;
  sharedMemory?: boolean;
}

function tryMemory(shared: boolean): WebAssembly.Memory | undefined {
  try {
    return new WebAssembly.Memory({ initial: 32, maximum: MAX_PAGES, shared });
  } catch {
    return undefined;
  }
}

/** Whether a product may keep a resident copy of operand `v` (stable, and not too large). */
function keepable(v: MatrixView): boolean {
  return v.stable === true && v.data.byteLength > 0 && v.data.byteLength <= RESIDENT_MAX_OPERAND;
}

/** The first index of `vs` whose array is `vs[i]`'s (the same array passed twice is kept once). */
function firstWith(vs: readonly MatrixView[], i: number): number {
  for (let j = 0; j < i; j++) if (vs[j].data === vs[i].data) return j;
  return i;
}

/**
 * The kernels instantiated on one WebAssembly memory, with a scratch area that each call lays
 * its operands in from the start (so it never grows past the largest op), and a lazily started
 * pool of workers for large products.
 *
 * NOTE: tensors stay in JS typed arrays; each call copies its operands in and its result out,
 * except matmul operands marked stable, which stay resident below the scratch (see
 * RESIDENT_BYTES). The copies cost a few percent of a matmul, and a long run's memory stays
 * flat with nothing to free: the scratch is reused by every call, the resident area bounded.
 */
export class WasmRuntime {
  readonly info: { relaxedSimd: boolean; sharedMemory: boolean };
  private readonly kernels: Kernels;
  private buffer: ArrayBufferLike;
  private f64: Float64Array;
  private f32: Float32Array;
  private top = SCRATCH_BASE;
  /** Bytes reserved for resident copies, from SCRATCH_BASE; the scratch starts above them. */
  private residentCap = 0;
  /** Where the next resident copy goes. */
  private residentTop = SCRATCH_BASE;
  /** Resident copies made in an earlier epoch were dropped. */
  private epoch = 0;
  private readonly residents = new WeakMap<Float, { ptr: number; epoch: number }>();
  /** The largest operand kept so far: the area's size follows it. */
  private residentLargest = 0;
  /** Operands served from a resident copy, and copied in to become one (for tests). */
  private readonly residentCounts = { hits: 0, copies: 0 };
  /** Compare every resident copy with its array before use (the test suite turns this on). */
  private verifyResidents = false;
  private pool: ThreadPool | undefined;
  private wantThreads: number;
  /** Shared-eligible products left to run alone because the workers did not help lately. */
  private backoff = 0;
  private nextBackoff = 2;

  private constructor(
    private readonly module: WebAssembly.Module,
    instance: WebAssembly.Instance,
    private readonly memory: WebAssembly.Memory,
    relaxedSimd: boolean,
    sharedMemory: boolean,
  ) {
    this.kernels = instance.exports as unknown as Kernels;
    this.info = { relaxedSimd, sharedMemory };
    this.buffer = memory.buffer;
    this.f64 = new Float64Array(this.buffer);
    this.f32 = new Float32Array(this.buffer);
    this.wantThreads = sharedMemory ? Math.min(coreCount(), 4) : 1;
  }

  /** Whether this host runs WebAssembly SIMD128 (the least the kernels need). */
  static supported(): boolean {
    return hasWebAssembly() && WebAssembly.validate(binary('simd'));
  }

  /** The variant to compile and the memory to give it; undefined if the host has neither. */
  private static choose(prefer: Preference):
    | {
        bytes: Uint8Array<ArrayBuffer>;
        memory: WebAssembly.Memory;
        relaxed: boolean;
        shared: boolean;
      }
    | undefined {
    if (!WasmRuntime.supported()) return undefined;
    const relaxed = prefer.relaxedSimd !== false && validateRelaxed(binary('relaxed'));
    const sharedMemory =
      prefer.sharedMemory !== false && canShareMemory() ? tryMemory(true) : undefined;
    const memory = sharedMemory ?? tryMemory(false);
    if (!memory) return undefined;
    const shared = sharedMemory !== undefined;
    const bytes = binary(relaxed ? 'relaxed' : 'simd');
    // NOTE: the shared-memory build differs in one byte, the memory import's limits flag
    // (scripts/buildWasm.ts checks it): 0x03 = has a maximum and is shared.
    if (shared) bytes[KERNELS_SHARED_FLAG_OFFSET] = 0x03;
    return { bytes, memory, relaxed, shared };
  }

  private static imports(memory: WebAssembly.Memory): WebAssembly.Imports {
    return {
      env: {
        memory,
        abort: () => {
          throw new Error('rxgrad: WebAssembly kernel aborted');
        },
      },
    };
  }

  /**
   * Compiles the best variant this host runs, synchronously; undefined where there is no
   * WebAssembly SIMD. Throws where the host refuses to compile synchronously (a page's main
   * thread may): then use createAsync. `prefer` can rule out relaxed SIMD or shared memory
   * (tests use it to try every variant).
   */
  static create(prefer: Preference = {}): WasmRuntime | undefined {
    const c = WasmRuntime.choose(prefer);
    if (!c) return undefined;
    const module = new WebAssembly.Module(c.bytes);
    const instance = new WebAssembly.Instance(module, WasmRuntime.imports(c.memory));
    return new WasmRuntime(module, instance, c.memory, c.relaxed, c.shared);
  }

  /** As create, compiling in the background. */
  static async createAsync(prefer: Preference = {}): Promise<WasmRuntime | undefined> {
    const c = WasmRuntime.choose(prefer);
    if (!c) return undefined;
    const module = await WebAssembly.compile(c.bytes);
    const instance = await WebAssembly.instantiate(module, WasmRuntime.imports(c.memory));
    return new WasmRuntime(module, instance, c.memory, c.relaxed, c.shared);
  }

  /** Threads large products are split over. */
  get threads(): number {
    return this.wantThreads;
  }

  /** Sets the threads for large products (1 keeps everything on the calling thread). */
  setThreads(n: number): void {
    this.wantThreads = this.info.sharedMemory ? Math.max(1, Math.min(n, CTRL.maxThreads)) : 1;
  }

  /** Bytes of WebAssembly memory. */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** Ends the workers (they also end with the process). */
  terminate(): void {
    this.pool?.terminate();
    this.pool = undefined;
  }

  // --- scratch: reset, allocate, commit (grow), then copy in / run / copy out -------------

  private reset(): void {
    this.top = SCRATCH_BASE + this.residentCap;
  }

  private alloc(bytes: number): number {
    const p = (this.top + 63) & ~63;
    this.top = p + bytes;
    return p;
  }

  /** Makes the memory large enough for what was allocated; false if it cannot grow. */
  private commit(): boolean {
    return this.ensure(this.top);
  }

  /** Makes the memory at least `end` bytes long (and the views current); false if it cannot grow. */
  private ensure(end: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      try {
        this.memory.grow(pages);
      } catch {
        return false;
      }
    }
    if (this.memory.buffer !== this.buffer) {
      this.buffer = this.memory.buffer;
      this.f64 = new Float64Array(this.buffer);
      this.f32 = new Float32Array(this.buffer);
    }
    return true;
  }

  // --- resident copies of stable operands ----------------------------------------------

  /** Operands served from resident copies and copied in to become one, so far; the area's bytes. */
  residentStats(): { hits: number; copies: number; bytes: number } {
    return { ...this.residentCounts, bytes: this.residentCap };
  }

  /** Turns on the check of every resident copy against its array before use (for tests). */
  setVerifyResidents(on: boolean): void {
    this.verifyResidents = on;
  }

  /**
   * Pointers to resident copies of the stable operands among `vs` (MatrixView.stable: the
   * caller promises the array holds the same values whenever it comes back stable), copying in
   * those not resident yet; −1 for the others, which the caller copies into its scratch. All
   * returned pointers stay valid together until the next call.
   */
  private resident(vs: readonly MatrixView[]): number[] {
    const ptrs = vs.map(() => -1);
    let need = 0;
    for (let i = 0; i < vs.length; i++) {
      if (!keepable(vs[i])) continue;
      const x = vs[i].data as Float;
      const r = this.residents.get(x);
      if (r !== undefined && r.epoch === this.epoch) {
        if (this.verifyResidents) this.verifyResident(x, r.ptr);
        ptrs[i] = r.ptr;
        this.residentCounts.hits++;
      } else if (firstWith(vs, i) === i) {
        need += x.byteLength + 63;
        this.residentLargest = Math.max(this.residentLargest, x.byteLength);
      }
    }
    if (need === 0) return ptrs;
    const used = this.residentTop - SCRATCH_BASE;
    if (used + need > this.residentCap) {
      const room = Math.min(
        RESIDENT_BYTES,
        Math.max(RESIDENT_MIN, RESIDENT_OPERANDS * this.residentLargest),
      );
      if (used + need > room) {
        // full: drop every copy and start again (the arrays of this call are copied anew)
        this.epoch++;
        this.residentTop = SCRATCH_BASE;
        return this.resident(vs);
      }
      const cap = Math.min(room, Math.max(2 * this.residentCap, used + need, PAGE));
      if (!this.ensure(SCRATCH_BASE + cap)) return vs.map(() => -1);
      this.residentCap = cap;
    }
    for (let i = 0; i < vs.length; i++) {
      if (ptrs[i] >= 0 || !keepable(vs[i])) continue;
      const first = firstWith(vs, i);
      if (first < i) {
        ptrs[i] = ptrs[first];
        continue;
      }
      const x = vs[i].data as Float;
      const ptr = (this.residentTop + 63) & ~63;
      this.residentTop = ptr + x.byteLength;
      this.view(x).set(x, ptr / x.BYTES_PER_ELEMENT);
      this.residents.set(x, { ptr, epoch: this.epoch });
      ptrs[i] = ptr;
      this.residentCounts.copies++;
    }
    return ptrs;
  }

  private verifyResident(x: Float, ptr: number): void {
    const copy = new Uint8Array(this.buffer, ptr, x.byteLength);
    const own = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    for (let i = 0; i < own.length; i++) {
      if (copy[i] !== own[i]) {
        throw new Error(
          `rxgrad internal error: the resident copy of a stable ${x.constructor.name}(${x.length}) differs from it at byte ${i}: an array passed as stable was written in between`,
        );
      }
    }
  }

  private view(like: Float): Float {
    return like instanceof Float64Array ? this.f64 : this.f32;
  }

  private put(src: Float, start: number, length: number, ptr: number): void {
    const bytes = src.BYTES_PER_ELEMENT;
    const whole = start === 0 && length === src.length;
    this.view(src).set(whole ? src : src.subarray(start, start + length), ptr / bytes);
  }

  private get(dst: Float, start: number, length: number, ptr: number): void {
    const first = ptr / dst.BYTES_PER_ELEMENT;
    dst.set(this.view(dst).subarray(first, first + length), start);
  }

  /** out (m×n) = op(a)·op(b); false if the memory cannot hold the operands. */
  matmul(av: MatrixView, bv: MatrixView, out: Float, dims: ProductDims): boolean {
    const { m, k, n } = dims;
    const a = av.data as Float;
    const b = bv.data as Float;
    const transA = av.transposed;
    const e = a.BYTES_PER_ELEMENT;
    if (n === 1) return this.gemv(av, bv, out, m, k);
    let parts = this.split(m, k, n, e);
    if (parts.length > 1 && this.backoff > 0) {
      this.backoff--;
      parts = [[0, m, 0, n]];
    }
    const threads = parts.length > 1 ? this.wantThreads : 1;
    const [ra, rb] = this.resident([av, bv]);
    this.reset();
    const pa = ra >= 0 ? ra : this.alloc(m * k * e);
    const pb = rb >= 0 ? rb : this.alloc(k * n * e);
    const pc = this.alloc(m * n * e);
    const pp = this.alloc(this.kernels.gemmPackedBBytes(e, k, n));
    const work: number[] = [];
    for (let t = 0; t < threads; t++) work.push(this.alloc(this.kernels.gemmWorkBytes(e)));
    if (!this.commit()) return false;
    if (ra < 0) this.put(a, 0, m * k, pa);
    if (rb < 0) this.put(b, 0, k * n, pb);
    const k64 = e === 8;
    (k64 ? this.kernels.gemmPackBF64 : this.kernels.gemmPackBF32)(
      pb,
      k,
      n,
      bv.transposed ? 1 : 0,
      pp,
    );
    const gemm = k64 ? this.kernels.gemmF64 : this.kernels.gemmF32;
    const args = [pa, pp, pc, m, k, n, transA ? 1 : 0];
    const pool = parts.length > 1 ? this.poolFor(threads) : undefined;
    if (!pool) {
      for (const r of parts) gemm(...args, r[0], r[1], r[2], r[3], work[0]);
    } else {
      for (let t = 0; t < work.length; t++) pool.setWork(t, work[t]);
      const started = performance.now();
      const stats = pool.run(k64 ? JOB_FN.gemmF64 : JOB_FN.gemmF32, args, parts, (r) =>
        gemm(...args, r[0], r[1], r[2], r[3], work[0]),
      );
      this.judge(stats, parts.length, performance.now() - started);
    }
    this.get(out, 0, m * n, pc);
    return true;
  }

  /** out (m) = op(A)·b, one column: the same values as the general product, unpacked. */
  private gemv(av: MatrixView, bv: MatrixView, out: Float, m: number, k: number): boolean {
    const a = av.data as Float;
    const b = bv.data as Float;
    const transA = av.transposed;
    const e = a.BYTES_PER_ELEMENT;
    const [ra, rb] = this.resident([av, bv]);
    this.reset();
    const pa = ra >= 0 ? ra : this.alloc(m * k * e);
    const pb = rb >= 0 ? rb : this.alloc(k * e);
    const pc = this.alloc(m * e);
    if (!this.commit()) return false;
    if (ra < 0) this.put(a, 0, m * k, pa);
    if (rb < 0) this.put(b, 0, k, pb);
    (e === 8 ? this.kernels.gemvF64 : this.kernels.gemvF32)(pa, pb, pc, m, k, transA ? 1 : 0);
    this.get(out, 0, m, pc);
    return true;
  }

  /**
   * Parts of an m×n output for the threads: blocks of rows (each packs only its own rows of A),
   * or of columns when there are too few rows, about PART_MACS multiply-adds each.
   */
  private split(m: number, k: number, n: number, e: number): PartRange[] {
    const t = this.wantThreads;
    const macs = m * n * k;
    if (t <= 1 || macs < PARALLEL_MIN_MACS) return [[0, m, 0, n]];
    const count = Math.max(t, Math.min(Math.floor(macs / PART_MACS), 8 * t, CTRL.maxParts));
    const byRows = m >= 4 * t;
    const len = byRows ? m : n;
    const unit = byRows ? 4 : e === 8 ? 4 : 8;
    const step = Math.max(unit, Math.ceil(len / count / unit) * unit);
    const parts: PartRange[] = [];
    for (let s = 0; s < len; s += step) {
      const end = Math.min(len, s + step);
      parts.push(byRows ? [s, end, 0, n] : [0, m, s, end]);
    }
    return parts;
  }

  /**
   * Backs off from sharing when running workers did not help: they ran under a quarter of the
   * parts, or the calling thread spent over a third of the job waiting for them (a machine busy
   * with other work). Each miss doubles how many products then run alone (2 … 64); a hit resets
   * it. Jobs while a worker is still booting are not judged.
   */
  private judge(stats: JobStats, parts: number, ms: number): void {
    if (!stats.allReady) return;
    const helped = parts - stats.ownParts;
    if (helped * 4 < parts || stats.waitedMs * 3 > ms) {
      this.backoff = this.nextBackoff;
      this.nextBackoff = Math.min(this.nextBackoff * 2, 64);
    } else this.nextBackoff = 2;
  }

  private poolFor(threads: number): ThreadPool | undefined {
    if (!this.info.sharedMemory) return undefined;
    this.pool ??= new ThreadPool(this.module, this.memory);
    this.pool.grow(threads - 1);
    return this.pool.healthy ? this.pool : undefined;
  }

  /** out = f(x); false if the op has no kernel or the memory cannot hold it. */
  unary(code: number, x: Float, out: Float, a: number, b: number): boolean {
    const n = x.length;
    const e = x.BYTES_PER_ELEMENT;
    this.reset();
    const px = this.alloc(n * e);
    if (!this.commit()) return false;
    this.put(x, 0, n, px);
    const f = e === 8 ? this.kernels.unaryF64 : this.kernels.unaryF32;
    if (f(code, px, px, n, a, b) !== 0) return false;
    this.get(out, 0, n, px);
    return true;
  }

  /** out (r×c) = a ∘ b with the operand layouts of LAYOUT. */
  binary(
    code: number,
    a: Float,
    aLayout: number,
    b: Float,
    bLayout: number,
    out: Float,
    r: number,
    c: number,
  ): boolean {
    const e = a.BYTES_PER_ELEMENT;
    this.reset();
    const pa = this.alloc(a.length * e);
    const pb = this.alloc(b.length * e);
    const po = this.alloc(out.length * e);
    if (!this.commit()) return false;
    this.put(a, 0, a.length, pa);
    this.put(b, 0, b.length, pb);
    const f = e === 8 ? this.kernels.binaryF64 : this.kernels.binaryF32;
    if (f(code, pa, aLayout, pb, bLayout, po, r, c) !== 0) return false;
    this.get(out, 0, out.length, po);
    return true;
  }

  /** out[o, i] = ⊕ₘ x[o, m, i]. */
  reduce(code: number, x: Float, out: Float, outer: number, mid: number, inner: number): boolean {
    const e = x.BYTES_PER_ELEMENT;
    this.reset();
    const px = this.alloc(x.length * e);
    const po = this.alloc(out.length * e);
    if (!this.commit()) return false;
    this.put(x, 0, x.length, px);
    const f = e === 8 ? this.kernels.reduceF64 : this.kernels.reduceF32;
    if (f(code, px, po, outer, mid, inner) !== 0) return false;
    this.get(out, 0, out.length, po);
    return true;
  }

  /**
   * Runs a kernel of its own file (conv2dWasm.ts and the like) on scratch: copies `inputs` in
   * (a null input gets offset 0), reserves room for `outputs` and `workBytes`, calls `run` with
   * the kernels' exports, the operands' byte offsets (inputs, then outputs) and the work
   * offset, then copies the outputs back. False if the memory cannot hold them.
   */
  runWith(
    inputs: readonly (Float | Int32Array | null)[],
    outputs: readonly (Float | Int32Array)[],
    workBytes: number,
    run: (kernels: Record<string, KernelFn>, pointers: number[], work: number) => void,
  ): boolean {
    this.reset();
    const pointers = [...inputs, ...outputs].map((a) => (a ? this.alloc(a.byteLength) : 0));
    const work = this.alloc(workBytes);
    if (!this.commit()) return false;
    const view = (a: Float | Int32Array, ptr: number) =>
      new (a.constructor as Float64ArrayConstructor)(this.buffer, ptr, a.length);
    inputs.forEach((a, i) => {
      if (a) view(a, pointers[i]).set(a);
    });
    run(this.kernels as unknown as Record<string, KernelFn>, pointers, work);
    outputs.forEach((a, i) => {
      a.set(view(a, pointers[inputs.length + i]));
    });
    return true;
  }

  /** Threads a job of `macs` multiply-adds may be split over (1 below the threshold, or alone). */
  threadsFor(macs: number): number {
    return macs >= PARALLEL_MIN_MACS ? this.wantThreads : 1;
  }

  /**
   * Runs the `parts` of one job of kernel `fn` of the workers' table (JOB_FN), shared with the
   * workers when there are several threads' `work` buffers and sharing helped lately (as for
   * matmul); otherwise every part on this thread. Each part calls the kernel with `args` (7
   * numbers), its range and its thread's work buffer. Call it inside `runWith`.
   */
  runParts(
    fn: number,
    kernel: KernelFn,
    args: readonly number[],
    parts: readonly PartRange[],
    work: readonly number[],
  ): void {
    const here = (r: PartRange) => kernel(...args, r[0], r[1], r[2], r[3], work[0]);
    let pool: ThreadPool | undefined;
    if (parts.length > 1 && work.length > 1) {
      if (this.backoff > 0) this.backoff--;
      else pool = this.poolFor(work.length);
    }
    if (!pool) {
      for (const r of parts) here(r);
      return;
    }
    for (let t = 0; t < work.length; t++) pool.setWork(t, work[t]);
    const started = performance.now();
    const stats = pool.run(fn, args, parts, here);
    this.judge(stats, parts.length, performance.now() - started);
  }

  /** The source hash of the kernels this runtime was built from (to share it safely). */
  static readonly sourceHash = KERNELS_SOURCE_HASH;
}
