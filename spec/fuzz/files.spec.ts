import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as rx from '../../lib/index.js';
import { checkOptimizerState } from '../../lib/optim/index.js';
import {
  editHeader,
  editManifest,
  safetensorsFile,
  savedModel,
  snapshotOf,
  splitFile,
} from '../io/fixtures/files.js';
import { check, judge, judged } from './harness.js';

// Bad-input fuzzing of the readers on mutated real files: bytes flipped, inserted or cut off,
// and header or manifest values replaced with hostile ones. Every read is a named error or a
// correct result; a failed load changes nothing it was given; no read grows the memory by more
// than a few times the file's size.

afterAll(() => {
  console.log(
    `fuzz files: ${judged.cases} cases, ${judged.errors} named errors, ${judged.results} checked results`,
  );
  expect(judged.cases).toBeGreaterThanOrEqual(800);
});

const BASES = {
  model: savedModel(),
  float32: rx.save(rx.mlp([3, 2], { seed: 4, dtype: 'float32' }), {
    preprocessing: {
      x: rx.standardScaler().fit(
        rx.tensor([
          [1, 2, 3],
          [2, 0, 1],
        ]),
      ),
    },
  }),
  snapshot: rx.encodeSnapshot(snapshotOf()),
};
type Base = keyof typeof BASES;

/** Hostile values for a header or manifest field. */
const HOSTILE: unknown[] = [
  null,
  -1,
  1.5,
  2 ** 53,
  1e308,
  12000,
  2 ** 40,
  '',
  'constructor',
  '__proto__',
  'x'.repeat(100_000),
  [],
  [-1],
  Array(10_000).fill(1),
  {},
  { type: 'Linear', inFeatures: 12000, outFeatures: 12000, bias: true, dtype: 'float64' },
  JSON.parse(`${'['.repeat(80)}${']'.repeat(80)}`),
  true,
  'F16',
];

/** Every path (list of keys) into a JSON value, breadth first, at most `limit`. */
function paths(v: unknown, limit = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [unknown, (string | number)[]][] = [[v, []]];
  while (queue.length > 0 && out.length < limit) {
    const [node, path] = queue.shift() as [unknown, (string | number)[]];
    if (path.length > 0) out.push(path);
    if (node !== null && typeof node === 'object') {
      for (const [k, child] of Object.entries(node))
        queue.push([child, [...path, Array.isArray(node) ? Number(k) : k]]);
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, rename: boolean): void {
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (rename && !Array.isArray(node) && typeof value === 'string') {
    const keep = node[last];
    delete node[last];
    Object.defineProperty(node, value, {
      value: keep,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else node[last] = value;
}

const mutation = fc.record({
  base: fc.constantFrom(...(Object.keys(BASES) as Base[])),
  kind: fc.constantFrom('flip', 'truncate', 'insert', 'header', 'manifest', 'duplicate', 'length'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  count: fc.integer({ min: 1, max: 4 }),
  value: fc.nat(HOSTILE.length - 1),
  rename: fc.boolean(),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(m: Mutation): Uint8Array {
  const bytes = BASES[m.base];
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      for (let i = 0; i < m.count; i++)
        out[(m.at + i * 7919) % out.length] ^= 1 << ((m.byte + i) % 8);
      return out;
    }
    case 'truncate':
      return bytes.slice(0, m.at % bytes.length);
    case 'insert': {
      const p = m.at % bytes.length;
      return Uint8Array.from([
        ...bytes.subarray(0, p),
        ...Array(m.count).fill(m.byte),
        ...bytes.subarray(p),
      ]);
    }
    case 'length': {
      const out = bytes.slice();
      new DataView(out.buffer).setBigUint64(0, BigInt(m.at % 2 ? m.at : 2 ** 40 + m.at), true);
      return out;
    }
    case 'duplicate': {
      const { header, data } = splitFile(bytes);
      const keys = [...header.matchAll(/"([^"\\]+)":/g)];
      const k = keys[m.at % keys.length];
      const dup = `${header.slice(0, k.index)}"${k[1]}":${JSON.stringify(HOSTILE[m.value]).slice(0, 200)},${header.slice(k.index)}`;
      return safetensorsFile(dup, data);
    }
    case 'header':
      return editHeader(bytes, (h) => {
        const all = paths(h).filter((p) => p[0] !== '__metadata__' || p.length === 1);
        setAt(h, all[m.at % all.length], HOSTILE[m.value], m.rename);
      });
    case 'manifest':
      return editManifest(bytes, (man) => {
        const all = paths(man);
        setAt(man, all[m.at % all.length], HOSTILE[m.value], m.rename);
      });
  }
}

const bits = (d: Float32Array | Float64Array) =>
  Array.from(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));

/** Fails when one read grew the memory by more than `limit` bytes (the files are a few KB). */
function bounded<T>(read: () => T, limit = 64e6): T {
  const before = process.memoryUsage().arrayBuffers;
  try {
    return read();
  } finally {
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(limit);
  }
}

describe('readers on mutated real files', () => {
  it('decodeSafetensors: a FormatError, or tensors exactly as long as their shapes say', () => {
    check(
      mutation,
      (m) => {
        const bytes = mutate(m);
        judge(
          'decodeSafetensors',
          () => bounded(() => rx.decodeSafetensors(bytes)),
          ({ tensors, metadata }) => {
            for (const t of Object.values(tensors))
              expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
            for (const v of Object.values(metadata)) expect(typeof v).toBe('string');
          },
        );
      },
      400,
    );
  });

  it('load: a named error that changes nothing, or the weights of the file bit for bit', () => {
    check(
      mutation,
      (m) => {
        const bytes = mutate(m);
        const names = ['load', 'buildModel'];
        judge(
          names,
          () => bounded(() => rx.load(bytes)),
          ({ model }) => {
            const { tensors } = rx.decodeSafetensors(bytes);
            for (const [n, p] of model.namedParameters())
              expect(bits(p.data)).toEqual(bits(tensors[n].data));
          },
        );
        if (m.base === 'snapshot') return;
        const into =
          m.base === 'float32'
            ? rx.mlp([3, 2], { seed: 9, dtype: 'float32' })
            : rx.mlp([2, 3, 1], { activation: 'tanh', seed: 9 });
        const optimizer = rx.adam(into.parameters(), { lr: 0.25 });
        const rng = new rx.Random(77);
        const before = { weights: into.parameters().map((p) => bits(p.data)), rng: rng.state() };
        const outcome = judge(names, () =>
          bounded(() =>
            rx.load(bytes, { into, ...(m.base === 'model' ? { optimizer, rng } : {}) }),
          ),
        );
        if (outcome === 'error') {
          expect(into.parameters().map((p) => bits(p.data))).toEqual(before.weights);
          expect(rng.state()).toEqual(before.rng);
          expect(optimizer.stepCount).toBe(0);
          expect(optimizer.lr).toBe(0.25);
        }
      },
      450,
    );
  });

  it('decodeSnapshot: a named error, or weights and optimiser state of matching form', () => {
    check(
      mutation,
      (m) => {
        const bytes = mutate(m);
        judge(
          'decodeSnapshot',
          () => bounded(() => rx.decodeSnapshot(bytes)),
          (s) => {
            for (const w of Object.values(s.weights))
              expect(w.data.length).toBe(w.shape.reduce((a, b) => a * b, 1));
            expect(checkOptimizerState(s.optimizer, 'fuzz')).toBe(s.optimizer);
          },
        );
      },
      300,
    );
  });
});
