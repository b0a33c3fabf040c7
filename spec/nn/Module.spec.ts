import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  add,
  Linear,
  Module,
  matmul,
  mul,
  ReLU,
  Sequential,
  ShapeError,
  type Tensor,
  tensor,
} from '../../lib/index.js';

class Inner extends Module {
  w = tensor(
    [
      [1, 2],
      [3, 4],
    ],
    { requiresGrad: true },
  );
  b = tensor([0.5], { requiresGrad: true });
  buffer = tensor([9]); // no requiresGrad: not a parameter
  forward(x: Tensor): Tensor {
    return add(matmul(x, this.w), this.b);
  }
}

class Outer extends Module {
  first = new Inner();
  blocks = [new Inner(), new Inner()];
  scale = tensor([2], { requiresGrad: true });
  note = 'not a tensor';
  forward(x: Tensor): Tensor {
    let y = this.first.forward(x);
    for (const b of this.blocks) y = b.forward(y);
    return mul(y, this.scale);
  }
}

describe('Module parameter discovery', () => {
  it('walks fields, sub-modules and arrays depth first with dotted names', () => {
    const names = new Outer().namedParameters().map(([n]) => n);
    expect(names).toEqual([
      'first.w',
      'first.b',
      'blocks.0.w',
      'blocks.0.b',
      'blocks.1.w',
      'blocks.1.b',
      'scale',
    ]);
  });

  it('parameters() are the very tensors of the fields, and counts add up', () => {
    const m = new Outer();
    const ps = m.parameters();
    expect(ps[0]).toBe(m.first.w);
    expect(ps[6]).toBe(m.scale);
    expect(m.parameterCount()).toBe(3 * (4 + 1) + 1);
  });

  it('a tensor shared by two fields (tied weights) is counted once, under its first name', () => {
    const t = tensor([1, 2, 3], { requiresGrad: true });
    class Tied extends Module {
      a = t;
      b = t;
      forward(x: Tensor) {
        return x;
      }
    }
    expect(new Tied().namedParameters()).toEqual([['a', t]]);
    expect(new Tied().parameterCount()).toBe(3);
  });

  it('a module shared by two fields contributes its parameters once', () => {
    const shared = new Linear(2, 2);
    const net = new Sequential(shared, new ReLU(), shared);
    expect(net.namedParameters().map(([n]) => n)).toEqual(['layers.0.weight', 'layers.0.bias']);
  });

  it('nested Sequentials give nested dotted names', () => {
    const net = new Sequential(new Sequential(new Linear(2, 3), new ReLU()), new Linear(3, 1));
    expect(net.namedParameters().map(([n]) => n)).toEqual([
      'layers.0.layers.0.weight',
      'layers.0.layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
    ]);
  });
});

describe('Module modes and gradients', () => {
  it('train()/eval() propagate to every sub-module, arrays included', () => {
    const m = new Outer();
    m.eval();
    expect([m, m.first, ...m.blocks].map((x) => x.training)).toEqual([false, false, false, false]);
    m.train();
    expect([m, m.first, ...m.blocks].every((x) => x.training)).toBe(true);
  });

  it('zeroGrad clears every parameter gradient', () => {
    const m = new Outer();
    m.forward(tensor([[1, 1]]))
      .sum()
      .backward();
    expect(m.parameters().every((p) => p.grad !== null)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === null)).toBe(true);
  });
});

describe('Module stateDict / loadStateDict', () => {
  it('stateDict holds detached copies by dotted name', () => {
    const m = new Inner();
    const sd = m.stateDict();
    expect(Object.keys(sd)).toEqual(['w', 'b']);
    expect(sd.w.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    m.w.data[0] = 100;
    expect(sd.w.data[0]).toBe(1);
    expect(sd.w.requiresGrad).toBe(false);
  });

  it('loadStateDict copies values into the existing parameters', () => {
    const a = new Outer();
    const b = new Outer();
    b.scale.data[0] = 7;
    b.blocks[1].w.data.set([5, 6, 7, 8]);
    const scaleBefore = a.scale;
    a.loadStateDict(b.stateDict());
    expect(a.scale).toBe(scaleBefore);
    expect(a.scale.data[0]).toBe(7);
    expect(Array.from(a.blocks[1].w.data)).toEqual([5, 6, 7, 8]);
  });

  const errors: [string, (sd: Record<string, Tensor>) => void, RegExp, typeof ArgumentError][] = [
    ['a missing key', (sd) => delete sd['blocks.0.b'], /missing key 'blocks\.0\.b'/, ArgumentError],
    [
      'an extra key',
      (sd) => {
        sd['blocks.2.w'] = tensor([1]);
      },
      /unexpected key 'blocks\.2\.w'/,
      ArgumentError,
    ],
    [
      'a mis-shaped entry',
      (sd) => {
        sd['first.w'] = tensor([1, 2, 3, 4]);
      },
      /'first\.w' has shape \[4\], expected \[2,2\]/,
      ShapeError,
    ],
  ];
  for (const [what, corrupt, message, kind] of errors) {
    it(`rejects ${what}, naming the key, and changes nothing`, () => {
      const m = new Outer();
      const before = m.parameters().map((p) => Array.from(p.data));
      const sd = new Outer().stateDict();
      for (const t of Object.values(sd)) t.data.fill(-1);
      corrupt(sd);
      expect(() => m.loadStateDict(sd)).toThrow(kind);
      expect(() => m.loadStateDict(sd)).toThrow(message);
      expect(m.parameters().map((p) => Array.from(p.data))).toEqual(before);
    });
  }

  it('rejects a non-object and a non-tensor entry', () => {
    const m = new Inner();
    expect(() => m.loadStateDict(null as never)).toThrow(/expected an object of tensors/);
    expect(() => m.loadStateDict({ w: [1, 2, 3, 4], b: tensor([1]) } as never)).toThrow(
      /'w' must be a Tensor/,
    );
  });
});

describe('Module toString', () => {
  it('prints the module tree with parameter counts and a total', () => {
    expect(new Outer().toString()).toBe(
      [
        'Outer  [16 params]',
        '  (first): Inner  [5 params]',
        '  (blocks.0): Inner  [5 params]',
        '  (blocks.1): Inner  [5 params]',
        'Total trainable parameters: 16',
      ].join('\n'),
    );
  });

  it('shows layer configurations in a Sequential', () => {
    const net = new Sequential(
      new Linear(30, 16, { seed: 1 }),
      new ReLU(),
      new Linear(16, 1, { bias: false }),
    );
    // 30·16 + 16 = 496; 16·1 = 16; total 512
    expect(net.toString()).toBe(
      [
        'Sequential  [512 params]',
        '  (layers.0): Linear(30 → 16, bias)  [496 params]',
        '  (layers.1): ReLU',
        '  (layers.2): Linear(16 → 1, no bias)  [16 params]',
        'Total trainable parameters: 512',
      ].join('\n'),
    );
  });
});
