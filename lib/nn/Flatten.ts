import type { Tensor } from '../autograd/index.js';
import { ArgumentError } from '../core/index.js';
import { flatten } from '../ops/index.js';
import { Module } from './Module.js';

/**
 * Merges axes startAxis…endAxis into one, as PyTorch's `nn.Flatten`: by default every axis but
 * the batch, [N, C, H, W] → [N, C·H·W], the step from convolutions to a linear head.
 *
 * @example new Flatten().forward(x)  // [64, 32, 7, 7] → [64, 1568]
 */
export class Flatten extends Module {
  /** First axis merged (1: keep the batch axis). */
  readonly startAxis: number;
  /** Last axis merged (negative counts from the end). */
  readonly endAxis: number;

  constructor(startAxis = 1, endAxis = -1) {
    super();
    if (!Number.isInteger(startAxis) || !Number.isInteger(endAxis)) {
      throw new ArgumentError(
        `Flatten: startAxis and endAxis must be integers, got ${startAxis} and ${endAxis}`,
      );
    }
    this.startAxis = startAxis;
    this.endAxis = endAxis;
  }

  forward(x: Tensor): Tensor {
    if ((x as Tensor)?.shape === undefined) {
      throw new ArgumentError(`${this.describe()}: input must be a Tensor, got ${typeof x}`);
    }
    return flatten(x, this.startAxis, this.endAxis);
  }

  override describe(): string {
    return this.startAxis === 1 && this.endAxis === -1
      ? 'Flatten'
      : `Flatten(${this.startAxis}, ${this.endAxis})`;
  }
}
