import { Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  allocate,
  checkDType,
  checkOptions,
  type DType,
  FormatError,
} from '../core/index.js';
import { Dataset } from './Dataset.js';
import { checkedText, parseCsvTable, READ_CSV_OPTIONS, type ReadCsvOptions } from './readCsv.js';
import { resolveColumn, resolveColumns } from './resolveColumn.js';
import type { ColumnRef } from './Table.js';

/** Options of `loadCsv`: those of `readCsv` (except `columns`) plus the target and features. */
export interface LoadCsvOptions extends Omit<ReadCsvOptions, 'columns'> {
  /** The target column (name or index; negative counts from the end). Default `-1`, the last. */
  target?: ColumnRef;
  /** The feature columns, in order. Default: every column but the target. */
  features?: readonly ColumnRef[];
  /** dtype of `x` and `y`. Default `'float64'`. */
  dtype?: DType;
  /** Class names of the data set (for a numeric class target). */
  classNames?: readonly string[];
}

/**
 * Loads a numeric CSV into a `Dataset` (features `x` of shape [n, features], targets `y` of
 * shape [n]). Only the chosen columns are converted, so other columns may hold anything.
 * A target listed in `categorical` is label-encoded (labels sorted) and its labels become
 * `classNames`; categorical features need `readCsv` and `oneHotEncoder` instead.
 *
 * @example
 * const ds = loadCsv('a,b,label\n1,2,0\n3,4,1\n', { target: 'label' });
 * ds.x.shape; // [2, 2]
 * ds.featureNames; // ['a', 'b']
 */
export function loadCsv(text: string, options: LoadCsvOptions = {}): Dataset {
  const where = 'loadCsv';
  checkedText(text, where);
  if (options !== null && typeof options === 'object' && 'columns' in options) {
    throw new ArgumentError(`${where}: choose columns with features and target, not columns`);
  }
  checkOptions(
    options,
    [
      ...READ_CSV_OPTIONS.filter((k) => k !== 'columns'),
      'target',
      'features',
      'dtype',
      'classNames',
    ],
    where,
  );
  const dtype = checkDType(options.dtype ?? 'float64', where);
  let features: number[] = [];
  let target = -1;
  let targetIsCategorical = false;
  const table = parseCsvTable(
    text,
    options,
    where,
    (names) => {
      const width = names.length;
      target = resolveColumn(options.target ?? -1, names, width, where, 'target');
      features = options.features
        ? resolveColumns(options.features, names, width, where, 'features')
        : names.map((_, i) => i).filter((i) => i !== target);
      if (features.includes(target)) {
        throw new ArgumentError(
          `${where}: column "${names[target]}" (index ${target}) is both the target and a feature`,
        );
      }
      const categorical = resolveColumns(
        options.categorical ?? [],
        names,
        width,
        where,
        'categorical',
      );
      for (const f of features) {
        if (categorical.includes(f)) {
          throw new ArgumentError(
            `${where}: feature column "${names[f]}" is categorical; read it with readCsv and encode it with oneHotEncoder`,
          );
        }
      }
      targetIsCategorical = categorical.includes(target);
      return [...features, target];
    },
    dtype === 'float32',
  );
  const n = table.rows.length;
  const f = features.length;
  if (n === 0) throw new FormatError(`${where}: the CSV has no data rows`);

  const x = allocate(dtype, n * f);
  const y = allocate(dtype, n);
  let classNames = options.classNames;
  let classIndex: Map<string, number> | undefined;
  if (targetIsCategorical) {
    const labels = [...new Set(table.rows.map((r) => r[f] as string))].sort();
    classIndex = new Map(labels.map((l, i) => [l, i]));
    classNames ??= labels;
  }
  for (let i = 0; i < n; i++) {
    const row = table.rows[i];
    for (let j = 0; j < f; j++) x[i * f + j] = row[j] as number;
    y[i] = classIndex ? (classIndex.get(row[f] as string) as number) : (row[f] as number);
  }
  return new Dataset(new Tensor(x, [n, f]), new Tensor(y, [n]), {
    featureNames: table.names.slice(0, f),
    classNames,
  });
}
