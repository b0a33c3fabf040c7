import type { Tensor } from '../autograd/index.js';
import { expectRank } from './conv2dGeometry.js';
import { mean } from './mean.js';
import { expectTensor } from './util.js';

/**
 * Global average pooling: the mean of each channel of x [N,C,H,W] over its H×W positions, kept
 * as [N, C, 1, 1] (as PyTorch's `adaptive_avg_pool2d(x, 1)` and ONNX's GlobalAveragePool).
 * A composite: mean over axes 2 and 3.
 *
 * @example flatten(globalAvgPool2d(x), 1)  // [64,32,7,7] → [64,32]
 */
export function globalAvgPool2d(x: Tensor): Tensor {
  const t = expectTensor(x, 'globalAvgPool2d', 'x');
  expectRank(t.shape, 4, 'globalAvgPool2d', 'input');
  return mean(t, [2, 3], true);
}
