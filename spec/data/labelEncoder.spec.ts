import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  LabelEncoder,
  labelEncoder,
  NonFiniteError,
  tensor,
} from '../../lib/index.js';

describe('labelEncoder', () => {
  it('maps sorted string labels to 0..k-1 and back', () => {
    const enc = labelEncoder().fit(['dog', 'cat', 'dog', 'emu']);
    expect(enc.classes).toEqual(['cat', 'dog', 'emu']);
    expect(enc.transform(['emu', 'cat']).toArray()).toEqual([2, 0]);
    expect(enc.inverseTransform([1, 2])).toEqual(['dog', 'emu']);
    expect(enc.inverseTransform(tensor([0]))).toEqual(['cat']);
  });

  it('sorts numeric labels numerically and accepts tensors', () => {
    const enc = labelEncoder({ dtype: 'float32' });
    const y = enc.fitTransform(tensor([10, 2, 33, 2]));
    expect(enc.classes).toEqual([2, 10, 33]);
    expect(y.toArray()).toEqual([1, 0, 2, 0]);
    expect(y.dtype).toBe('float32');
  });

  it('round-trips its state through JSON', () => {
    const enc = LabelEncoder.fromState(
      JSON.parse(JSON.stringify(labelEncoder().fit(['b', 'a']).state())),
    );
    expect(enc.transform(['a', 'b']).toArray()).toEqual([0, 1]);
  });

  it('rejects unknown labels, bad indices, bad inputs and bad states', () => {
    const enc = labelEncoder().fit(['a', 'b']);
    expect(() => enc.transform(['c'])).toThrow(
      'labelEncoder.transform: unknown label "c" at position 0; known: "a", "b"',
    );
    expect(() => enc.inverseTransform([2])).toThrow(
      /index 2 at position 0 is not a class index in 0..1/,
    );
    expect(() => enc.inverseTransform([0.5])).toThrow(ArgumentError);
    expect(() => labelEncoder().fit([])).toThrow(/no labels/);
    expect(() => labelEncoder().fit([1, Number.NaN])).toThrow(NonFiniteError);
    expect(() => labelEncoder().fit([1, Number.NaN])).toThrow('labelEncoder.fit: label 1 is NaN');
    expect(() => labelEncoder().fit([true as never])).toThrow(ArgumentError);
    expect(() => labelEncoder().fit(tensor([[1, 2]]))).toThrow(/one column/);
    expect(() => labelEncoder().transform(['a'])).toThrow(/not fitted/);
    expect(() => LabelEncoder.fromState({ name: 'labelEncoder' } as never)).toThrow(
      'labelEncoder.loadState: state is missing key "classes"',
    );
    expect(() => LabelEncoder.fromState({ name: 'labelEncoder', classes: ['a', 'a'] })).toThrow(
      /distinct/,
    );
  });
});
