/**
 * The control block the main thread and the workers share, as Int32 indices from its start.
 * One job at a time: the main thread writes the kernel, its arguments and the parts, marks each
 * part free for this job's sequence number, then publishes the number in SEQ. Each part's STATE
 * holds `seq << 2 | s` with s = 0 free, 1 claimed, 2 done, so a claim from a stale job fails.
 */
export const CTRL = {
  /** Byte offset of the block in the WebAssembly memory. */
  offset: 1024,
  /** Int32 slots in the block. */
  size: 512,
  seq: 0,
  parts: 1,
  fn: 2,
  /** a, packed b, c, m, k, n, transA (a conv2d job: its 7 pointer and size arguments) */
  args: 3,
  /** 0, or 1 when a part failed */
  error: 11,
  /** work buffer (byte offset) of each thread, the main thread's first */
  work: 16,
  /** i0, i1, j0, j1 of each part */
  ranges: 32,
  state: 320,
  /** 1 once worker i (1…) runs its loop */
  ready: 400,
  /** Most parts of one job. */
  maxParts: 64,
  /** Most threads (main included) a job is split over. */
  maxThreads: 8,
} as const;

/** Kernel numbers a worker can run (index into its table). */
export const JOB_FN = {
  gemmF64: 0,
  gemmF32: 1,
  conv2dF64: 2,
  conv2dF32: 3,
  conv2dBackpropInputF64: 4,
  conv2dBackpropInputF32: 5,
  conv2dBackpropFilterF64: 6,
  conv2dBackpropFilterF32: 7,
} as const;
