import type { Tensor } from '../autograd/index.js';
import { formatShape, normalizeAxes, ShapeError } from '../core/index.js';
import { reshape } from './reshape.js';
import type { Axis } from './sum.js';
import { expectTensor } from './util.js';

/**
 * Removes dimensions of size 1: those at `axis` (which must have size 1), or all of them.
 * A composite of reshape.
 *
 * @example squeeze(zeros([4, 1])).shape  // [4]
 */
export function squeeze(x: Tensor, axis?: Axis): Tensor {
  const t = expectTensor(x, 'squeeze', 'x');
  let axes: number[];
  if (axis === undefined) {
    axes = [];
    t.shape.forEach((d, i) => {
      if (d === 1) axes.push(i);
    });
  } else {
    axes = normalizeAxes(axis, t.rank, 'squeeze');
    for (const a of axes) {
      if (t.shape[a] !== 1) {
        throw new ShapeError(
          `squeeze: dimension ${a} of shape ${formatShape(t.shape)} has size ${t.shape[a]}; only dimensions of size 1 can be removed`,
        );
      }
    }
  }
  return reshape(
    t,
    t.shape.filter((_, i) => !axes.includes(i)),
  );
}
