/*
 * Its own module so that the public declarations never reach the runtime's, whose WebAssembly
 * types a consumer without the DOM lib cannot resolve.
 */

/** What the WebAssembly backend found on this host. */
export interface WasmInfo {
  /** Relaxed SIMD (fused multiply-add) in use, rather than plain SIMD128. */
  readonly relaxedSimd: boolean;
  /** The memory is shared, so workers can help. */
  readonly sharedMemory: boolean;
  /** Threads a large matmul is split over (the calling one included). */
  readonly threads: number;
  /** Bytes of WebAssembly memory in use (it grows to the largest op and stays there). */
  readonly memoryBytes: number;
}
