import { describe, expect, it } from 'vitest';
import { ArgumentError, add, mul, relu, sum, tensor, toDot } from '../../lib/index.js';

function neuronGraph() {
  const x = tensor([2, 3, 4]);
  x.label = 'x';
  const w = tensor([1, -1, 5]).requireGrad();
  w.label = 'w';
  const y = relu(sum(mul(x, w)));
  y.label = 'y';
  return { x, w, y };
}

describe('toDot', () => {
  it('draws one box per tensor and one ellipse per op, inputs → op → output', () => {
    const { y } = neuronGraph();
    const dot = toDot(y);
    expect(dot.startsWith('digraph rxgrad {')).toBe(true);
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    // x, w, mul(x, w), sum, relu: 5 tensors; 3 ops
    expect(dot.match(/shape=record/g)).toHaveLength(5);
    expect([...dot.matchAll(/shape=ellipse[^\]]*label="(\w+)"/g)].map((m) => m[1])).toEqual([
      'mul',
      'sum',
      'relu',
    ]);
    // edges: op → output (3) and input → op (2 + 1 + 1)
    expect(dot.match(/->/g)).toHaveLength(7);
    expect(dot).toContain('data [2, 3, 4]');
    expect(dot).toContain('rankdir=LR');
  });

  it('shows gradients after backward, and nothing about them before', () => {
    const { w, y } = neuronGraph();
    expect(toDot(y)).not.toMatch(/\| grad /);
    y.backward();
    // d relu(Σ xᵢwᵢ)/dw = x where the sum is positive (19)
    expect(Array.from(w.grad!.data)).toEqual([2, 3, 4]);
    expect(toDot(y)).toContain('grad [2, 3, 4]');
  });

  it('shows ‖grad‖ instead of the values of a large tensor', () => {
    const w = tensor([
      [3, 0],
      [0, 0],
      [0, 0],
    ]).requireGrad();
    const loss = sum(
      mul(
        w,
        tensor([
          [3, 4],
          [0, 0],
          [0, 0],
        ]),
      ),
    );
    loss.backward();
    const dot = toDot(loss, { maxValues: 4 });
    // grad of Σ w ⊙ c is c; ‖(3, 4, 0, 0, 0, 0)‖ = 5
    expect(dot).toContain('grad ‖g‖ = 5');
    expect(dot).not.toContain('data [3, 0');
    expect(dot).toContain('[3,2] float64');
  });

  it('escapes record syntax in labels and quotes in the title', () => {
    const a = tensor(1).requireGrad();
    a.label = 'a {x|y} <z> "q"';
    const dot = toDot(add(a, 1), { title: 'say "hi"' });
    expect(dot).toContain('a \\{x\\|y\\} \\<z\\> \\"q\\"');
    expect(dot).toContain('label="say \\"hi\\""');
  });

  it('walks deep graphs iteratively and refuses ones larger than maxNodes', () => {
    let t = tensor(1).requireGrad();
    for (let i = 0; i < 20_000; i++) t = add(t, 1);
    expect(() => toDot(t)).toThrow(ArgumentError);
    expect(() => toDot(t)).toThrow(/more than maxNodes = 500 tensors/);
    expect(toDot(t, { maxNodes: 50_000 }).match(/label="add"/g)).toHaveLength(20_000);
  });

  it('checks its options', () => {
    const { y } = neuronGraph();
    expect(toDot(y, { rankdir: 'TB' })).toContain('rankdir=TB');
    // @ts-expect-error: a bad direction from untyped code
    expect(() => toDot(y, { rankdir: 'XY' })).toThrow(
      `toDot: rankdir must be 'LR' or 'TB', got "XY"`,
    );
  });
});
