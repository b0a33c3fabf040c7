import type { Tensor } from '../autograd/index.js';
import { ArgumentError, excerpt, ShapeError } from '../core/index.js';
import { Module } from './Module.js';

/**
 * Layers applied in order, each to the output of the previous one. The layers live in the
 * `layers` array, so their parameters are named `layers.0.weight`, `layers.0.bias`, ….
 * A shape error inside a layer is re-thrown naming the layer's position.
 *
 * @example
 * const net = new Sequential(new Linear(30, 16), new ReLU(), new Linear(16, 1), new Sigmoid());
 * net.forward(x);  // [batch, 30] → [batch, 1]
 * net.at(0);       // the first Linear
 */
export class Sequential extends Module {
  /** The layers, in the order they apply. */
  readonly layers: Module[] = [];

  constructor(...layers: Module[]) {
    super();
    this.push(...layers);
  }

  /** Number of layers. */
  get length(): number {
    return this.layers.length;
  }

  /** The layer at `index` (negative counts from the end). */
  at(index: number): Module {
    const n = this.layers.length;
    if (!Number.isInteger(index) || index < -n || index >= n) {
      throw new ArgumentError(
        `Sequential.at: index must be an integer in [${-n}, ${n - 1}], got ${excerpt(index)}`,
      );
    }
    return this.layers[index < 0 ? n + index : index];
  }

  /** Appends layers; returns this, for chaining. */
  push(...layers: Module[]): this {
    layers.forEach((m, i) => {
      if (!(m instanceof Module)) {
        throw new ArgumentError(
          `Sequential: layer ${this.layers.length + i} must be a Module, got ${m === null ? 'null' : typeof m}`,
        );
      }
    });
    this.layers.push(...layers);
    return this;
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (let i = 0; i < this.layers.length; i++) {
      try {
        y = this.layers[i].forward(y);
      } catch (e) {
        if (e instanceof ShapeError) {
          throw new ShapeError(`Sequential layers.${i}: ${e.message}`, { cause: e });
        }
        throw e;
      }
    }
    return y;
  }

  /** The layers, in order: `for (const layer of net)`. */
  [Symbol.iterator](): Iterator<Module> {
    return this.layers[Symbol.iterator]();
  }
}
