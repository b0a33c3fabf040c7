// The names README blocks share (a block that uses one without declaring it gets it from here):
// a data set, a model with its optimiser and options, and `show` for printing.
import {
  adam,
  Dataset,
  datasets,
  type FitOptions,
  mlp,
  reshape,
  standardScaler,
  trainTestSplit,
} from '../../lib/index.js';

const cancer = datasets.breastCancer();
/** The breast-cancer data set: standardised features [569, 30], targets 0/1 as a column [569, 1]. */
export const dataset = new Dataset(
  standardScaler().fit(cancer.x).transform(cancer.x),
  reshape(cancer.y, [cancer.length, 1]),
);
export const { train, test } = trainTestSplit(dataset, { testFraction: 0.2, seed: 42 });
export const model = mlp([30, 16, 1], { outputActivation: 'sigmoid', seed: 0 });
export const options: FitOptions = {
  loss: 'binaryCrossEntropy',
  optimizer: adam(model.parameters(), { lr: 0.01 }),
  epochs: 3,
  batchSize: 64,
  seed: 0,
};
export const x = test.x;
export function show(...values: unknown[]): void {
  void values;
}
