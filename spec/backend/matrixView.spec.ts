import { describe, expect, it } from 'vitest';
import { jsBackend, wasmBackend } from '../../lib/backend/index.js';
import { matrixView, productDims } from '../../lib/backend/matrixView.js';
import { ShapeError } from '../../lib/core/index.js';

describe('matrix views of the matmul kernels', () => {
  it('are the array itself for a whole matrix and a subarray (no copy) inside a batch', () => {
    const data = Float64Array.from({ length: 12 }, (_, i) => i);
    expect(matrixView(data, 3, 4, false).data).toBe(data);
    const second = matrixView(data, 2, 3, true, 6);
    expect(Array.from(second.data)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(second.data.buffer).toBe(data.buffer);
    expect(productDims(second, matrixView(data, 2, 6, false), new Float64Array(18))).toEqual({
      m: 3,
      k: 2,
      n: 6,
    });
  });

  it('multiply one matrix of a batch in place of the offsets they replace', () => {
    const a = Float32Array.of(9, 9, 1, 2, 3, 4, 9); // [[1, 2], [3, 4]] at offset 2
    const b = Float32Array.of(1, 0, 0, 1, 5, 6); // [[5], [6]] at offset 4
    const out = new Float32Array(5).fill(-1);
    for (const backend of [jsBackend, wasmBackend]) {
      backend.matmul(
        matrixView(a, 2, 2, false, 2),
        matrixView(b, 2, 1, false, 4),
        out.subarray(1, 3),
      );
      expect(Array.from(out)).toEqual([-1, 17, 39, -1, -1]);
      backend.matmul(
        matrixView(a, 2, 2, true, 2),
        matrixView(b, 1, 2, true, 4),
        out.subarray(3, 5),
      );
      expect(Array.from(out)).toEqual([-1, 17, 39, 23, 34]);
      out.fill(-1);
    }
  });

  it('reject inconsistent sizes with a ShapeError that names them', () => {
    const a = new Float64Array(6);
    for (const backend of [jsBackend, wasmBackend]) {
      expect(() =>
        backend.matmul(matrixView(a, 2, 3, false), matrixView(a, 2, 3, false), new Float64Array(9)),
      ).toThrow(ShapeError);
      expect(() =>
        backend.matmul(matrixView(a, 2, 3, false), matrixView(a, 2, 3, false), new Float64Array(9)),
      ).toThrow('inner sizes differ, op(a) is 2×3 and op(b) is 2×3');
      expect(() =>
        backend.matmul(
          { data: a, rows: 2, cols: 2, transposed: false },
          matrixView(a, 2, 3, false),
          new Float64Array(6),
        ),
      ).toThrow('a holds 6 elements, expected 2×2 = 4');
      expect(() =>
        backend.matmul(matrixView(a, 2, 3, false), matrixView(a, 2, 3, true), new Float64Array(5)),
      ).toThrow('out holds 5 elements, expected 2×2 = 4');
    }
  });
});
