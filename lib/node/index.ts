import '../install.js';

export { loadCsvFile, readCsvFile } from './csvFiles.js';
export { loadFile, loadSnapshot, saveFile, saveSnapshot, writeFileAtomic } from './files.js';
export { type ProgressBarOptions, type ProgressStream, progressBar } from './progressBar.js';
export { nodeWorker } from './worker.js';
