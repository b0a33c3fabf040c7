import { CTRL } from './control.js';

/**
 * The script of a kernel worker, plain JavaScript for Node's `worker_threads` and a page's
 * `Worker` alike. It instantiates the kernels on the shared memory, then loops: wait for a new
 * job (spinning `spinMs` first, since waking a sleeping thread costs tens of microseconds),
 * claim parts, run them, mark them done. A worker only ever blocks in `Atomics.wait`; the
 * host ends it with the process (Node: it is unref'd).
 */
export const workerSource = `
const C = ${JSON.stringify(CTRL)};
function onStart(data) {
  const { module, memory, id, spinMs } = data;
  const k = new WebAssembly.Instance(module, {
    env: { memory, abort() { throw new Error('rxgrad: WebAssembly kernel aborted'); } },
  }).exports;
  const fns = [k.gemmF64, k.gemmF32, k.conv2dF64, k.conv2dF32, k.conv2dBackpropInputF64,
    k.conv2dBackpropInputF32, k.conv2dBackpropFilterF64, k.conv2dBackpropFilterF32];
  const I = new Int32Array(memory.buffer, C.offset, C.size);
  const run = (p) => {
    const a = C.args;
    const r = C.ranges + 4 * p;
    fns[I[C.fn]](I[a], I[a + 1], I[a + 2], I[a + 3], I[a + 4], I[a + 5], I[a + 6],
      I[r], I[r + 1], I[r + 2], I[r + 3], I[C.work + id]);
  };
  Atomics.store(I, C.ready + id, 1);
  let seen = -1;
  for (;;) {
    let seq = Atomics.load(I, C.seq);
    if (seq === seen) {
      const until = performance.now() + spinMs;
      do seq = Atomics.load(I, C.seq); while (seq === seen && performance.now() < until);
      if (seq === seen) {
        Atomics.wait(I, C.seq, seen);
        continue;
      }
    }
    seen = seq;
    const n = I[C.parts];
    const free = seq << 2;
    for (let q = 0; q < n - 1; q++) {
      const p = 1 + ((id - 1 + q) % (n - 1));
      if (Atomics.compareExchange(I, C.state + p, free, free | 1) !== free) continue;
      try {
        run(p);
      } catch {
        Atomics.store(I, C.error, 1);
      }
      Atomics.store(I, C.state + p, free | 2);
      Atomics.notify(I, C.state + p);
    }
  }
}
`;
