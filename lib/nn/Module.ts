import { noGrad, Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, ShapeError, shapesEqual } from '../core/index.js';

/** Parameters by dotted name (`layers.0.weight`), as `stateDict()` returns them. */
export type StateDict = Record<string, Tensor>;

/**
 * Base class of models and layers. A module finds its parameters by walking its own fields:
 * tensors that require grad, sub-modules, and arrays of either; nothing to register by hand.
 *
 * @example
 * class Net extends Module {
 *   fc = new Linear(3, 1);
 *   forward(x: Tensor) { return sigmoid(this.fc.forward(x)); }
 * }
 */
export abstract class Module {
  /** True in training mode (dropout active), false after `eval()`. */
  training = true;

  /** The computation of this module. */
  abstract forward(x: Tensor): Tensor;

  /** Sub-modules by field name (array elements by index), in field order. */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module) out.push([key, value]);
      else if (Array.isArray(value)) {
        value.forEach((v, i) => {
          if (v instanceof Module) out.push([`${key}.${i}`, v]);
        });
      }
    }
    return out;
  }

  /** Trainable tensors by dotted name, depth first in field order. */
  namedParameters(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seen = new Set<Tensor>();
    const visit = (m: Module, p: string): void => {
      for (const [key, value] of Object.entries(m)) {
        const items: [string, unknown][] = Array.isArray(value)
          ? value.map((v, i) => [`${key}.${i}`, v])
          : [[key, value]];
        for (const [name, v] of items) {
          if (v instanceof Tensor && v.requiresGrad && !seen.has(v)) {
            seen.add(v);
            out.push([p + name, v]);
          } else if (v instanceof Module) visit(v, `${p}${name}.`);
        }
      }
    };
    visit(this, prefix);
    return out;
  }

  /**
   * This module's own buffers: tensors that are part of its state but are not trained (the
   * running statistics of batch normalisation). None by default; a layer that keeps some
   * overrides this. Their values change outside the graph (in `forward`, in training mode).
   */
  protected ownBuffers(): [string, Tensor][] {
    return [];
  }

  /** Buffers by dotted name (`layers.1.runningMean`), depth first as `namedChildren`. */
  namedBuffers(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = this.ownBuffers().map(([n, t]) => [prefix + n, t]);
    for (const [name, child] of this.namedChildren()) {
      out.push(...child.namedBuffers(`${prefix}${name}.`));
    }
    return out;
  }

  /** The trainable tensors, for an optimiser. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, t]) => t);
  }

  /** Total number of trainable values. */
  parameterCount(): number {
    return this.parameters().reduce((n, p) => n + p.size, 0);
  }

  /** Sets training mode on this module and every sub-module. */
  train(mode = true): this {
    this.training = mode;
    for (const [, child] of this.namedChildren()) child.train(mode);
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** Clears the gradient of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /**
   * Copies of the parameters by dotted name, then of the buffers (detached: later training does
   * not change them).
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, p] of [...this.namedParameters(), ...this.namedBuffers()])
      out[name] = new Tensor(p.data.slice(), p.shape);
    return out;
  }

  /**
   * Copies values into the parameters and buffers. Strict: a missing, unexpected or mis-shaped
   * entry is an error naming the key, and then nothing has been changed.
   */
  loadStateDict(state: StateDict): void {
    if (state === null || typeof state !== 'object') {
      throw new ArgumentError(
        `loadStateDict: expected an object of tensors by name, got ${state === null ? 'null' : typeof state}`,
      );
    }
    const buffers = this.namedBuffers();
    const params = new Map([...this.namedParameters(), ...buffers]);
    const what = buffers.length > 0 ? 'parameters and buffers' : 'parameters';
    for (const key of Object.keys(state)) {
      if (!params.has(key)) {
        throw new ArgumentError(
          `loadStateDict: unexpected key '${key}'; the model's ${what} are ${[...params.keys()].map((k) => `'${k}'`).join(', ')}`,
        );
      }
    }
    for (const [key, p] of params) {
      const t = state[key];
      if (t === undefined)
        throw new ArgumentError(
          `loadStateDict: missing key '${key}' (shape ${formatShape(p.shape)}); expected a tensor for every parameter and buffer of the model`,
        );
      if (!(t instanceof Tensor))
        throw new ArgumentError(`loadStateDict: '${key}' must be a Tensor, got ${typeof t}`);
      if (!shapesEqual(t.shape, p.shape)) {
        throw new ShapeError(
          `loadStateDict: '${key}' has shape ${formatShape(t.shape)}, expected ${formatShape(p.shape)}`,
        );
      }
    }
    noGrad(() => {
      for (const [key, p] of params) p.data.set(state[key].data);
    });
  }

  /** One line for this module's own configuration, e.g. `Linear(30 → 1, bias)`. */
  describe(): string {
    return this.constructor.name;
  }

  /** A readable summary: the module tree with parameter counts. */
  toString(): string {
    const lines: string[] = [];
    const walk = (m: Module, name: string, depth: number): void => {
      const count = m.parameterCount();
      const head = `${'  '.repeat(depth)}${name ? `(${name}): ` : ''}${m.describe()}`;
      lines.push(count > 0 ? `${head}  [${count.toLocaleString('en-US')} params]` : head);
      for (const [n, c] of m.namedChildren()) walk(c, n, depth + 1);
    };
    walk(this, '', 0);
    lines.push(`Total trainable parameters: ${this.parameterCount().toLocaleString('en-US')}`);
    return lines.join('\n');
  }
}
