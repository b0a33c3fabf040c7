// vitest setup file: runs a whole suite on the plain-JS kernels (see docs/benchmarks.md,
// "Running the suite on each backend").
import { setBackend } from '../../../lib/backend/index.js';

setBackend('js');
