export { type Batch, Batches, type BatchesOptions, batches } from './batches.js';
export type { EncoderInput } from './cellRows.js';
export { type DataLike, Dataset } from './Dataset.js';
export type { DatasetOptions } from './datasets/cachedDataset.js';
export { datasets } from './datasets/datasets.js';
export { type FromArraysOptions, fromArrays } from './fromArrays.js';
export { gatherRows } from './gatherRows.js';
export { fashionMnistClasses, type IdxDatasetOptions, idxDataset } from './idxDataset.js';
export {
  LabelEncoder,
  type LabelEncoderState,
  labelEncoder,
} from './labelEncoder.js';
export { type LoadCsvOptions, loadCsv } from './loadCsv.js';
export {
  MinMaxScaler,
  type MinMaxScalerOptions,
  type MinMaxScalerState,
  minMaxScaler,
} from './minMaxScaler.js';
export {
  OneHotEncoder,
  type OneHotEncoderOptions,
  type OneHotEncoderState,
  oneHotEncoder,
} from './oneHotEncoder.js';
export { type CsvTable, type ReadCsvOptions, readCsv } from './readCsv.js';
export { decodeIdx, type IdxArray, type IdxType, readIdx } from './readIdx.js';
export type { SeedOptions } from './rngFrom.js';
export { shuffle } from './shuffle.js';
export {
  StandardScaler,
  type StandardScalerOptions,
  type StandardScalerState,
  standardScaler,
} from './standardScaler.js';
export { type Cell, type ColumnRef, isTable, type Table } from './Table.js';
export { type TrainTestSplitOptions, trainTestSplit } from './trainTestSplit.js';
