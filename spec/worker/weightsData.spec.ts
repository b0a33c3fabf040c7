import { describe, expect, it } from 'vitest';
import { ArgumentError, fromWeightsData, Tensor, tensor, toWeightsData } from '../../lib/index.js';

describe('toWeightsData / fromWeightsData', () => {
  it('round-trips a state dict through structuredClone (as postMessage does), both dtypes', () => {
    const state = {
      'fc.weight': tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      'fc.bias': new Tensor(new Float32Array([0.5, -0.25]), [2]),
    };
    const data = structuredClone(toWeightsData(state));
    expect(data['fc.weight']).toEqual({
      shape: [2, 3],
      dtype: 'float64',
      data: new Float64Array([1, 2, 3, 4, 5, 6]),
    });
    const back = fromWeightsData(data);
    expect(back['fc.weight'].shape).toEqual([2, 3]);
    expect(back['fc.weight'].toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(back['fc.bias'].dtype).toBe('float32');
    expect([...back['fc.bias'].data]).toEqual([0.5, -0.25]);
  });

  it('copies: later changes to the source tensors do not show in the data', () => {
    const w = tensor([1, 2]);
    const data = toWeightsData({ w });
    w.data[0] = 99;
    expect([...data.w.data]).toEqual([1, 2]);
  });

  it('rejects entries without typed-array data, naming the key', () => {
    expect(() =>
      fromWeightsData({ w: { shape: [2], dtype: 'float64', data: [1, 2] as never } }),
    ).toThrow(
      new ArgumentError(
        "fromWeightsData: 'w' must hold a Float32Array or Float64Array, got object",
      ),
    );
  });
});
