import { breastCancer } from './breastCancer.js';
import { digits } from './digits.js';
import { housePrices } from './housePrices.js';
import { iris } from './iris.js';
import { wine } from './wine.js';

/**
 * The bundled classic data sets, loadable by name without network or file system (their CSV
 * text is embedded). Each call returns a fresh copy; the text is parsed once.
 *
 * @example
 * const ds = datasets.breastCancer(); // Dataset(n=569, x=[569,30], y=[569], classes=2)
 * const f32 = datasets.iris({ dtype: 'float32' });
 */
export const datasets = { breastCancer, digits, housePrices, iris, wine } as const;
