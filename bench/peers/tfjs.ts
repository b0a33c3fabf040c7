import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { cnnData, mlpData, type Named, neuronData, SETTINGS, tutorialData } from '../data.js';
import type { Step } from './rxgrad.js';

export type TfBackend = 'cpu' | 'wasm';

/** Selects a tfjs backend (async in tfjs; benchmarks call it in their `setup`). */
export async function useTf(name: TfBackend): Promise<void> {
  if (tf.getBackend() !== name) await tf.setBackend(name);
  await tf.ready();
}

// tfjs computes in float32 only.
const t = (n: Named) => tf.tensor(Float32Array.from(n.data), [...n.shape]);
const v = (n: Named) => tf.variable(t(n));

/** Minimises `loss` with tfjs's SGD and returns the loss before the update. */
function stepper(lr: number, vars: tf.Variable[], loss: () => tf.Scalar): Step {
  const opt = tf.train.sgd(lr);
  return () => {
    const cost = opt.minimize(loss, true, vars);
    const value = cost?.dataSync()[0] ?? Number.NaN;
    cost?.dispose();
    return value;
  };
}

export function tfjsTutorial(): Step {
  const d = tutorialData();
  const [x, y, w1, w2] = [t(d.x), t(d.y), v(d.w1), v(d.w2)];
  return stepper(
    SETTINGS.tutorial.lr,
    [w1, w2],
    () => tf.sum(tf.square(tf.sub(tf.matMul(tf.relu(tf.matMul(x, w1)), w2), y))) as tf.Scalar,
  );
}

export function tfjsNeuron(): Step {
  const d = neuronData();
  const [x, y, w, b] = [t(d.x), t(d.y), v(d.w), v(d.b)];
  return stepper(SETTINGS.neuron.lr, [w, b], () => {
    // as rxgrad's binaryCrossEntropy: probabilities clipped below at 1e-12
    const p = tf.sigmoid(tf.add(tf.matMul(x, w), b));
    const pos = tf.mul(y, tf.log(tf.maximum(p, 1e-12)));
    const neg = tf.mul(tf.sub(1, y), tf.log(tf.maximum(tf.sub(1, p), 1e-12)));
    return tf.neg(tf.mean(tf.add(pos, neg))) as tf.Scalar;
  });
}

export function tfjsMlp(): Step {
  const d = mlpData();
  const x = t(d.x);
  const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(d.labels.data), 'int32'), 10);
  const vars = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'].map((k) => v(d[k]));
  const [w1, b1, w2, b2, w3, b3] = vars;
  return stepper(SETTINGS.mlp.lr, vars, () => {
    const h1 = tf.relu(tf.add(tf.matMul(x, w1), b1));
    const h2 = tf.relu(tf.add(tf.matMul(h1, w2), b2));
    return tf.losses.softmaxCrossEntropy(onehot, tf.add(tf.matMul(h2, w3), b3)) as tf.Scalar;
  });
}

/**
 * The fashion demo's CNN in tfjs's layout, NHWC (its convolutions' native one): the same
 * weights permuted (filters [kH, kW, C, O]; the linear weight's rows from NCHW to NHWC order).
 * Returns a training step, and a forward pass that returns the loss without training.
 */
function tfjsCnnModel(): { step: Step; forward: Step } {
  const d = cnnData();
  const nhwc = (n: Named, perm: number[]) => tf.transpose(t(n), perm);
  const x = nhwc(d.x, [0, 2, 3, 1]) as tf.Tensor4D;
  const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(d.labels.data), 'int32'), 10);
  const w1 = tf.variable(nhwc(d.w1, [2, 3, 1, 0]));
  const w2 = tf.variable(nhwc(d.w2, [2, 3, 1, 0]));
  // rows (c, h, w) of the NCHW flattening → (h, w, c)
  const w3 = tf.variable(
    tf.reshape(tf.transpose(tf.reshape(t(d.w3), [64, 7, 7, 10]), [1, 2, 0, 3]), [3136, 10]),
  );
  const [b1, b2, b3] = [v(d.b1), v(d.b2), v(d.b3)];
  const block = (h: tf.Tensor4D, w: tf.Variable, b: tf.Variable) =>
    tf.maxPool(
      tf.relu(tf.add(tf.conv2d(h, w as tf.Tensor4D, 1, 'same'), b)) as tf.Tensor4D,
      2,
      2,
      'valid',
    );
  const loss = () => {
    const h2 = block(block(x, w1, b1), w2, b2);
    const z = tf.add(tf.matMul(tf.reshape(h2, [64, 3136]), w3), b3);
    return tf.losses.softmaxCrossEntropy(onehot, z) as tf.Scalar;
  };
  const forward = () => {
    const value = tf.tidy(loss);
    const out = value.dataSync()[0];
    value.dispose();
    return out;
  };
  return { step: stepper(SETTINGS.cnn.lr, [w1, b1, w2, b2, w3, b3], loss), forward };
}

/** A training step of the demo's CNN (tfjs's wasm backend lacks Conv2DBackpropFilter: cpu only). */
export function tfjsCnn(): Step {
  return tfjsCnnModel().step;
}

/** The demo's CNN forward pass and loss, no training (what tfjs's wasm backend can run). */
export function tfjsCnnForward(): Step {
  return tfjsCnnModel().forward;
}

/** One matrix product (materialised with dataSync, then freed). */
export function tfjsMatmul(a: tf.Tensor2D, b: tf.Tensor2D, transA: boolean, transB: boolean): void {
  const c = tf.matMul(a, b, transA, transB);
  c.dataSync();
  c.dispose();
}

export { tf };
