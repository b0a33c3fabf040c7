/**
 * rxgrad/node: the Node-only edge: files (save, load, checkpoints, CSV) with atomic writes, the
 * terminal progress bar, and worker threads for `fitInWorker`.
 *
 * @module rxgrad/node
 */

import '../install.js';

export { loadCsvFile, readCsvFile } from './csvFiles.js';
export { loadFile, loadSnapshot, saveFile, saveSnapshot, writeFileAtomic } from './files.js';
export { loadMnist, readIdxFile } from './mnist.js';
export { type ProgressBarOptions, type ProgressStream, progressBar } from './progressBar.js';
export { nodeWorker } from './worker.js';
