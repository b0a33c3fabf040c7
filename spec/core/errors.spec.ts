import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  DTypeError,
  FormatError,
  GradError,
  NonFiniteError,
  RxgradError,
  ShapeError,
} from '../../lib/index.js';

describe('named errors', () => {
  it('each kind is an RxgradError and an Error, with its own name', () => {
    const kinds = [ShapeError, DTypeError, ArgumentError, NonFiniteError, GradError, FormatError];
    for (const Kind of kinds) {
      const e = new Kind('op: what went wrong');
      expect(e).toBeInstanceOf(RxgradError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(Kind.name);
      expect(e.message).toBe('op: what went wrong');
      expect(String(e)).toBe(`${Kind.name}: op: what went wrong`);
    }
  });

  it('kinds are distinct', () => {
    expect(new ShapeError('x')).not.toBeInstanceOf(DTypeError);
    expect(new GradError('x')).not.toBeInstanceOf(ArgumentError);
  });
});
