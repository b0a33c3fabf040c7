import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../lib/index.js';

/** One array of a workload, row-major float64 (every peer casts it to its own dtype). */
export interface Named {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Inputs, targets and initial weights of a workload; every peer starts from exactly these. */
export type WorkloadData = Record<string, Named>;

function normal(rng: Random, shape: readonly number[], scale = 1): Named {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = rng.normal() * scale;
  return { shape, data };
}

/** The tutorial network: batch 128, 1000 → 100 relu → 1 (no biases, as in the tutorial). */
export function tutorialData(): WorkloadData {
  const rng = new Random(1);
  return {
    x: normal(rng, [128, 1000]),
    y: normal(rng, [128, 1]),
    w1: normal(rng, [1000, 100]),
    w2: normal(rng, [100, 1]),
  };
}

/** A single sigmoid neuron on 455×30 (the size of the breast-cancer training split). */
export function neuronData(): WorkloadData {
  const rng = new Random(2);
  const x = normal(rng, [455, 30]);
  const truth = normal(rng, [30]);
  const y = new Float64Array(455);
  for (let i = 0; i < 455; i++) {
    let z = 0.5 * rng.normal();
    for (let j = 0; j < 30; j++) z += x.data[i * 30 + j] * truth.data[j];
    y[i] = z > 0 ? 1 : 0;
  }
  return {
    x,
    y: { shape: [455, 1], data: y },
    w: normal(rng, [30, 1], 0.01),
    b: { shape: [1], data: new Float64Array(1) },
  };
}

/** The wider MLP: batch 256, 784 → 512 relu → 512 relu → 10, He-initialised, biases zero. */
export function mlpData(): WorkloadData {
  const rng = new Random(3);
  const labels = new Float64Array(256);
  for (let i = 0; i < 256; i++) labels[i] = rng.int(10);
  return {
    x: normal(rng, [256, 784]),
    labels: { shape: [256], data: labels },
    w1: normal(rng, [784, 512], Math.sqrt(2 / 784)),
    b1: { shape: [512], data: new Float64Array(512) },
    w2: normal(rng, [512, 512], Math.sqrt(2 / 512)),
    b2: { shape: [512], data: new Float64Array(512) },
    w3: normal(rng, [512, 10], Math.sqrt(2 / 512)),
    b3: { shape: [10], data: new Float64Array(10) },
  };
}

/** Bounds U(±1/√fanIn) of PyTorch's default init, drawn from `rng`. */
function uniform(rng: Random, shape: readonly number[], bound: number): Named {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = bound * (2 * rng.uniform() - 1);
  return { shape, data };
}

/**
 * The fashion demo's CNN on one batch: 64 images 1×28×28 (values in [0, 1)), conv 3×3 1 → 32
 * (padding 1) · relu · max-pool 2 · conv 3×3 32 → 64 · relu · max-pool 2 · linear 3136 → 10,
 * weights as PyTorch initialises them (conv weights [O, C, kH, kW]; the linear weight [in, out]
 * with its inputs in NCHW flattening order).
 */
export function cnnData(): WorkloadData {
  const rng = new Random(4);
  const x = {
    shape: [64, 1, 28, 28],
    data: Float64Array.from({ length: 64 * 784 }, () => rng.uniform()),
  };
  const labels = new Float64Array(64);
  for (let i = 0; i < 64; i++) labels[i] = rng.int(10);
  return {
    x,
    labels: { shape: [64], data: labels },
    w1: uniform(rng, [32, 1, 3, 3], 1 / 3),
    b1: uniform(rng, [32], 1 / 3),
    w2: uniform(rng, [64, 32, 3, 3], 1 / Math.sqrt(288)),
    b2: uniform(rng, [64], 1 / Math.sqrt(288)),
    w3: uniform(rng, [3136, 10], 1 / 56),
    b3: uniform(rng, [10], 1 / 56),
  };
}

export const WORKLOADS = {
  tutorial: tutorialData,
  neuron: neuronData,
  mlp: mlpData,
  cnn: cnnData,
};

/** Hyper-parameters every peer uses. */
export const SETTINGS = {
  tutorial: { lr: 1e-6 },
  neuron: { lr: 0.1 },
  mlp: { lr: 0.01 },
  cnn: { lr: 0.05 },
} as const;

/** Writes every workload's arrays as raw float64 files (for the numpy peer); returns the folder. */
export function writeWorkloads(): string {
  const dir = join(tmpdir(), 'rxgrad-bench-data');
  for (const [name, make] of Object.entries(WORKLOADS)) {
    mkdirSync(join(dir, name), { recursive: true });
    const arrays = make();
    const index: Record<string, readonly number[]> = {};
    for (const [key, { shape, data }] of Object.entries(arrays)) {
      writeFileSync(join(dir, name, `${key}.f64`), new Uint8Array(data.buffer));
      index[key] = shape;
    }
    writeFileSync(join(dir, name, 'shapes.json'), JSON.stringify(index));
  }
  return dir;
}
