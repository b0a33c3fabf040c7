import {
  add,
  binaryCrossEntropy,
  conv2d,
  crossEntropy,
  type DType,
  flatten,
  matmul,
  maxPool2d,
  noGrad,
  relu,
  setBackend,
  sgd,
  sigmoid,
  sse,
  type Tensor,
  tensor,
} from '../../lib/index.js';
import { cnnData, mlpData, type Named, neuronData, SETTINGS, tutorialData } from '../data.js';

/** One training step (forward, backward, update); returns the loss before the update. */
export type Step = () => number;

const input = (n: Named, dtype: DType): Tensor => tensor(n.data, { shape: n.shape, dtype });
const param = (n: Named, dtype: DType): Tensor =>
  tensor(n.data, { shape: n.shape, dtype, requiresGrad: true });

/** Runs `step` on backend `name` (selected before every step, since peers take turns). */
function on(backend: 'js' | 'wasm', step: Step): Step {
  return () => {
    setBackend(backend);
    return step();
  };
}

/** A workload's model on the shared data: its parameters, and its loss as a function of them. */
export interface Model {
  params: Tensor[];
  loss: () => Tensor;
}

/** The dense workloads' models, as benchmarked and fingerprinted (bench/fingerprint.ts). */
export const MODELS: Record<'tutorial' | 'neuron' | 'mlp', (dtype: DType) => Model> = {
  /** Tutorial network: sse(relu(x·w1)·w2, y). */
  tutorial(dtype) {
    const d = tutorialData();
    const [x, y] = [input(d.x, dtype), input(d.y, dtype)];
    const [w1, w2] = [param(d.w1, dtype), param(d.w2, dtype)];
    return { params: [w1, w2], loss: () => sse(matmul(relu(matmul(x, w1)), w2), y) };
  },
  /** Single sigmoid neuron: binaryCrossEntropy(σ(x·w + b), y). */
  neuron(dtype) {
    const d = neuronData();
    const [x, y] = [input(d.x, dtype), input(d.y, dtype)];
    const [w, b] = [param(d.w, dtype), param(d.b, dtype)];
    return { params: [w, b], loss: () => binaryCrossEntropy(sigmoid(add(matmul(x, w), b)), y) };
  },
  /** Wider MLP: crossEntropy of 784 → 512 relu → 512 relu → 10. */
  mlp(dtype) {
    const d = mlpData();
    const x = input(d.x, dtype);
    const labels = Array.from(d.labels.data);
    const ps = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'].map((k) => param(d[k], dtype));
    const [w1, b1, w2, b2, w3, b3] = ps;
    return {
      params: ps,
      loss: () => {
        const h1 = relu(add(matmul(x, w1), b1));
        const h2 = relu(add(matmul(h1, w2), b2));
        return crossEntropy(add(matmul(h2, w3), b3), labels);
      },
    };
  },
};

/** A training step of `model` with SGD at `lr` on `backend`. */
function sgdStep(backend: 'js' | 'wasm', { params, loss: lossOf }: Model, lr: number): Step {
  const opt = sgd(params, { lr });
  return on(backend, () => {
    const loss = lossOf();
    loss.backward();
    opt.step();
    opt.zeroGrad();
    return loss.item();
  });
}

/** Tutorial network, SGD. */
export const rxgradTutorial = (backend: 'js' | 'wasm', dtype: DType): Step =>
  sgdStep(backend, MODELS.tutorial(dtype), SETTINGS.tutorial.lr);

/** Single sigmoid neuron, SGD. */
export const rxgradNeuron = (backend: 'js' | 'wasm', dtype: DType): Step =>
  sgdStep(backend, MODELS.neuron(dtype), SETTINGS.neuron.lr);

/** Wider MLP, SGD. */
export const rxgradMlp = (backend: 'js' | 'wasm', dtype: DType): Step =>
  sgdStep(backend, MODELS.mlp(dtype), SETTINGS.mlp.lr);

/**
 * The fashion demo's CNN: conv · relu · pool · conv · relu · pool · linear, crossEntropy; a
 * training step (SGD), or with `forward` only the loss (no graph, no update).
 */
export function rxgradCnn(backend: 'js' | 'wasm', dtype: DType, forward = false): Step {
  const d = cnnData();
  const x = input(d.x, dtype);
  const labels = Array.from(d.labels.data);
  const ps = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'].map((k) => param(d[k], dtype));
  const [w1, b1, w2, b2, w3, b3] = ps;
  const opt = sgd(ps, { lr: SETTINGS.cnn.lr });
  const lossOf = () => {
    const h1 = maxPool2d(relu(conv2d(x, w1, { bias: b1, padding: 1 })), 2);
    const h2 = maxPool2d(relu(conv2d(h1, w2, { bias: b2, padding: 1 })), 2);
    return crossEntropy(add(matmul(flatten(h2, 1), w3), b3), labels);
  };
  if (forward) return on(backend, () => noGrad(lossOf).item());
  return on(backend, () => {
    const loss = lossOf();
    loss.backward();
    opt.step();
    opt.zeroGrad();
    return loss.item();
  });
}
