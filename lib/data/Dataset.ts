import { Tensor } from '../autograd/index.js';
import { ArgumentError, formatShape, inContext, kindOf, ShapeError } from '../core/index.js';
import { gatherRows } from './gatherRows.js';

/**
 * A data set of features `x` (first axis: samples) and targets `y` with the same number of
 * samples. Plain tensors, no gradients.
 *
 * @example
 * const ds = new Dataset(tensor([[1, 2], [3, 4]]), tensor([0, 1]), { featureNames: ['a', 'b'] });
 * ds.length; // 2
 * ds.subset([1]).x.toArray(); // [[3, 4]]
 */
export class Dataset {
  /** Features, one sample per entry of the first axis. */
  readonly x: Tensor;
  /** Targets, as many samples as `x`. */
  readonly y: Tensor;
  /** Names of the feature columns (the last axis of a [n, d] `x`), when known. */
  readonly featureNames: readonly string[] | undefined;
  /** Names of the classes (class k named `classNames[k]`), when known. */
  readonly classNames: readonly string[] | undefined;

  constructor(
    x: Tensor,
    y: Tensor,
    meta: { featureNames?: readonly string[]; classNames?: readonly string[] } = {},
  ) {
    for (const [arg, t] of [
      ['x', x],
      ['y', y],
    ] as const) {
      if (!(t instanceof Tensor)) {
        throw new ArgumentError(
          `Dataset: ${arg} must be a Tensor, got ${kindOf(t)}; make one with tensor(...), or a data set from arrays with fromArrays`,
        );
      }
    }
    if (meta === null || typeof meta !== 'object') {
      throw new ArgumentError(
        `Dataset: meta must be an object { featureNames, classNames }, got ${kindOf(meta)}`,
      );
    }
    for (const key of ['featureNames', 'classNames'] as const) {
      const names = meta[key];
      if (
        names !== undefined &&
        (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
      ) {
        throw new ArgumentError(`Dataset: ${key} must be a list of strings, got ${kindOf(names)}`);
      }
    }
    if (x.rank === 0 || y.rank === 0) {
      throw new ShapeError(
        `Dataset: x and y need a samples axis, got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}`,
      );
    }
    if (x.shape[0] !== y.shape[0]) {
      throw new ShapeError(
        `Dataset: x and y must have the same number of samples, got x ${formatShape(x.shape)} and y ${formatShape(y.shape)}`,
      );
    }
    if (meta.featureNames && x.rank === 2 && meta.featureNames.length !== x.shape[1]) {
      throw new ArgumentError(
        `Dataset: ${meta.featureNames.length} feature names for ${x.shape[1]} features`,
      );
    }
    this.x = x;
    this.y = y;
    this.featureNames = meta.featureNames;
    this.classNames = meta.classNames;
  }

  /** Number of samples. */
  get length(): number {
    return this.x.shape[0];
  }

  /** A new data set of the samples `indices` (rows copied, in that order), with the same names. */
  subset(indices: ArrayLike<number>): Dataset {
    return new Dataset(
      gatherRows(this.x, indices, 'Dataset.subset'),
      gatherRows(this.y, indices, 'Dataset.subset'),
      this,
    );
  }

  /** `Dataset(n=150, x=[150,4], y=[150], classes=3)`. */
  toString(): string {
    const parts = [
      `n=${this.length}`,
      `x=${formatShape(this.x.shape)}`,
      `y=${formatShape(this.y.shape)}`,
    ];
    if (this.classNames) parts.push(`classes=${this.classNames.length}`);
    return `Dataset(${parts.join(', ')})`;
  }
}

/**
 * What `fit`, `evaluate`, `trainTestSplit`, `shuffle` and `batches` take as data: a `Dataset`,
 * or plain `{ x, y }` tensors with one sample per row of both.
 *
 * @example
 * fit(model, { x: tensor([[0, 1], [1, 0]]), y: tensor([[1], [0]]) }, options);
 */
export type DataLike =
  | Dataset
  | {
      /** Features, one sample per entry of the first axis. */
      readonly x: Tensor;
      /** Targets, as many samples as `x`. */
      readonly y: Tensor;
    };

/**
 * `ds` as a `Dataset`: a Dataset itself, or `{ x, y }` tensors (as `fit` takes them), checked
 * as `new Dataset(x, y)` checks them; anything else is an `ArgumentError` naming `where`.
 */
export function expectDataset(ds: unknown, where: string): Dataset {
  if (ds instanceof Dataset) return ds;
  const d = ds as { x?: unknown; y?: unknown } | null;
  if (d !== null && typeof d === 'object' && d.x instanceof Tensor && d.y instanceof Tensor) {
    return inContext(where, () => new Dataset(d.x as Tensor, d.y as Tensor));
  }
  throw new ArgumentError(`${where}: expected a Dataset (or { x, y } tensors), got ${kindOf(ds)}`);
}
