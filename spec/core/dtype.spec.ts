import { describe, expect, it } from 'vitest';
import { allocate, checkDType, DTypeError, dtypeOf, promoteTypes } from '../../lib/core/index.js';
import { expectError } from './helpers.js';

describe('dtypes', () => {
  it('promotes as numpy: the wider float wins', () => {
    expect(promoteTypes('float32', 'float32')).toBe('float32');
    expect(promoteTypes('float32', 'float64')).toBe('float64');
    expect(promoteTypes('float64', 'float32')).toBe('float64');
  });

  it('allocates zeroed storage of the right kind', () => {
    const a = allocate('float32', 3);
    expect(a).toBeInstanceOf(Float32Array);
    expect([...a]).toEqual([0, 0, 0]);
    expect(allocate('float64', 2)).toBeInstanceOf(Float64Array);
  });

  it('names the dtype of typed arrays and rejects others', () => {
    expect(dtypeOf(new Float32Array(1), 'Tensor')).toBe('float32');
    expect(dtypeOf(new Float64Array(1), 'Tensor')).toBe('float64');
    expectError(
      () => dtypeOf(new Int32Array(1), 'Tensor'),
      DTypeError,
      'Tensor: expected a Float32Array or Float64Array, got Int32Array',
    );
  });

  it('rejects unknown dtype names with the accepted ones in the message', () => {
    expect(checkDType('float32', 'zeros')).toBe('float32');
    expectError(
      () => checkDType('int32', 'zeros'),
      DTypeError,
      `zeros: dtype must be 'float32' or 'float64', got "int32"`,
    );
  });
});
