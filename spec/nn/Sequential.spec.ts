import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  Linear,
  ReLU,
  randn,
  Sequential,
  ShapeError,
  Sigmoid,
  sigmoid,
  tensor,
} from '../../lib/index.js';

describe('Sequential', () => {
  it('chains forward through its layers', () => {
    const a = new Linear(3, 4, { seed: 1 });
    const b = new Linear(4, 2, { seed: 2 });
    const net = new Sequential(a, new ReLU(), b, new Sigmoid());
    const x = randn([5, 3], { seed: 3 });
    const manual = sigmoid(b.forward(a.forward(x).relu()));
    expect(net.forward(x).toArray()).toEqual(manual.toArray());
  });

  it('keeps its layers in `layers`, so names are layers.i.*', () => {
    const net = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
    expect(net.namedParameters().map(([n]) => n)).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.2.weight',
      'layers.2.bias',
    ]);
  });

  it('indexes (negative from the end), counts, iterates and pushes', () => {
    const first = new Linear(2, 2);
    const net = new Sequential(first, new ReLU());
    expect(net.at(0)).toBe(first);
    expect(net.at(-1)).toBeInstanceOf(ReLU);
    expect(net.length).toBe(2);
    const last = new Linear(2, 1);
    expect(net.push(last)).toBe(net);
    expect(net.length).toBe(3);
    expect([...net]).toEqual([first, net.at(1), last]);
    expect(net.forward(randn([4, 2])).shape).toEqual([4, 1]);
    expect(net.namedParameters().map(([n]) => n)).toContain('layers.2.weight');
  });

  it('rejects out-of-range indices and non-modules', () => {
    const net = new Sequential(new ReLU());
    expect(() => net.at(1)).toThrow('Sequential.at: index must be an integer in [-1, 0], got 1');
    expect(() => net.push({} as never)).toThrow(ArgumentError);
    expect(() => new Sequential(new ReLU(), null as never)).toThrow(
      'Sequential: layer 1 must be a Module, got null',
    );
  });

  it('an empty Sequential is the identity', () => {
    const x = tensor([1, 2]);
    expect(new Sequential().forward(x)).toBe(x);
  });

  it('a shape error names the position of the failing layer and keeps the cause', () => {
    const net = new Sequential(new Linear(3, 4), new ReLU(), new Linear(5, 1));
    let caught: unknown;
    try {
      net.forward(randn([2, 3]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ShapeError);
    expect((caught as Error).message).toBe(
      'Sequential layers.2: Linear(5 → 1, bias): expected input with 5 features in its last axis, got shape [2,4]',
    );
    expect((caught as Error).cause).toBeInstanceOf(ShapeError);
  });

  it('train/eval reach its layers', () => {
    const net = new Sequential(new Linear(1, 1), new Sequential(new ReLU()));
    net.eval();
    expect(net.at(1).training).toBe(false);
    expect((net.at(1) as Sequential).at(0).training).toBe(false);
  });
});
