import { describe, expect, it } from 'vitest';
import * as rx from '../../lib/index.js';
import { type Tensor, tensor } from '../../lib/index.js';

const x = tensor([
  [0.5, -1.5, 2],
  [1, 0.25, -0.75],
]);
const pos = tensor([
  [0.5, 1.5, 2],
  [1, 0.25, 0.75],
]);
const w = tensor([[1], [2], [3]]);

// Each method against its function: [method call, function call].
const pairs: [string, (t: Tensor) => Tensor, (t: Tensor) => Tensor][] = [
  ['add', (t) => t.add(1), (t) => rx.add(t, 1)],
  ['sub', (t) => t.sub(x), (t) => rx.sub(t, x)],
  ['mul', (t) => t.mul(2), (t) => rx.mul(t, 2)],
  ['div', (t) => t.div(4), (t) => rx.div(t, 4)],
  ['neg', (t) => t.neg(), rx.neg],
  ['exp', (t) => t.exp(), rx.exp],
  ['log', (t) => t.abs().log(), (t) => rx.log(rx.abs(t))],
  ['relu', (t) => t.relu(), rx.relu],
  ['sigmoid', (t) => t.sigmoid(), rx.sigmoid],
  ['tanh', (t) => t.tanh(), rx.tanh],
  ['matmul', (t) => t.matmul(w), (t) => rx.matmul(t, w)],
  ['transpose', (t) => t.transpose(), (t) => rx.transpose(t)],
  ['reshape', (t) => t.reshape([3, 2]), (t) => rx.reshape(t, [3, 2])],
  ['broadcastTo', (t) => t.broadcastTo([2, 2, 3]), (t) => rx.broadcastTo(t, [2, 2, 3])],
  ['sum', (t) => t.sum(1, true), (t) => rx.sum(t, 1, true)],
  ['mean', (t) => t.mean(0), (t) => rx.mean(t, 0)],
  ['cast', (t) => t.cast('float32'), (t) => rx.cast(t, 'float32')],
  ['pow', (t) => t.pow(3), (t) => rx.pow(t, 3)],
  ['sqrt', (t) => t.abs().sqrt(), (t) => rx.sqrt(rx.abs(t))],
  ['abs', (t) => t.abs(), rx.abs],
  ['square', (t) => t.square(), rx.square],
  ['maximum', (t) => t.maximum(0.3), (t) => rx.maximum(t, 0.3)],
  ['minimum', (t) => t.minimum(pos), (t) => rx.minimum(t, pos)],
  ['clip', (t) => t.clip(-1, 1), (t) => rx.clip(t, -1, 1)],
  ['leakyRelu', (t) => t.leakyRelu(0.2), (t) => rx.leakyRelu(t, 0.2)],
  ['softplus', (t) => t.softplus(), rx.softplus],
  ['erf', (t) => t.erf(), rx.erf],
  ['gelu', (t) => t.gelu(), rx.gelu],
  ['identity', (t) => t.identity(), rx.identity],
  ['softmax', (t) => t.softmax(0), (t) => rx.softmax(t, 0)],
  ['logSoftmax', (t) => t.logSoftmax(), (t) => rx.logSoftmax(t)],
  ['flatten', (t) => t.flatten(), (t) => rx.flatten(t)],
  ['expandDims', (t) => t.expandDims(1), (t) => rx.expandDims(t, 1)],
  ['squeeze', (t) => t.reshape([1, 6]).squeeze(), (t) => rx.squeeze(rx.reshape(t, [1, 6]))],
  ['slice', (t) => t.slice([0, 1], [2, 2]), (t) => rx.slice(t, [0, 1], [2, 2])],
  ['gather', (t) => t.gather([1, 0, 1]), (t) => rx.gather(t, [1, 0, 1])],
  ['max', (t) => t.max(1), (t) => rx.max(t, 1)],
  ['min', (t) => t.min(), (t) => rx.min(t)],
  ['logSumExp', (t) => t.logSumExp(1, true), (t) => rx.logSumExp(t, 1, true)],
];

describe('every op is also a Tensor method (x.matmul(w).add(b).relu())', () => {
  it.each(pairs)('%s', (_name, method, fn) => {
    const a = method(x);
    const b = fn(x);
    expect(a.shape).toEqual(b.shape);
    expect(a.dtype).toBe(b.dtype);
    expect([...a.data]).toEqual([...b.data]);
  });

  it('chains left to right', () => {
    const b = tensor([0.5]);
    const y = x.matmul(w).add(b).relu();
    expect(y.toArray()).toEqual([[4], [0]]); // relu([0.5 − 3 + 6 + 0.5, 1 + 0.5 − 2.25 + 0.5])
  });
});
