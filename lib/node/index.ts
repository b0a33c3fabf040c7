export { loadFile, loadSnapshot, saveFile, saveSnapshot, writeFileAtomic } from './files.js';
export { loadMnist, readIdxFile } from './mnist.js';
export { type ProgressBarOptions, type ProgressStream, progressBar } from './progressBar.js';
export { nodeWorker } from './worker.js';
