import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { mlpData, type Named, neuronData, SETTINGS, tutorialData } from '../data.js';
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

/** One matrix product (materialised with dataSync, then freed). */
export function tfjsMatmul(a: tf.Tensor2D, b: tf.Tensor2D, transA: boolean, transB: boolean): void {
  const c = tf.matMul(a, b, transA, transB);
  c.dataSync();
  c.dispose();
}

export { tf };
