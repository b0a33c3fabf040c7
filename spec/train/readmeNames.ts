// The names README blocks outside the training section take as given: a data set, a model
// with its optimiser and fit options, and `show` for printing.
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
const dataset = new Dataset(
  standardScaler().fit(cancer.x).transform(cancer.x),
  reshape(cancer.y, [cancer.length, 1]),
);
export const { train } = trainTestSplit(dataset, { testFraction: 0.2, seed: 42 });
export const model = mlp([30, 16, 1], { outputActivation: 'sigmoid', seed: 0 });
export const options: FitOptions = {
  loss: 'binaryCrossEntropy',
  optimizer: adam(model.parameters(), { lr: 0.01 }),
  epochs: 3,
  batchSize: 64,
  seed: 0,
};
export function show(...values: unknown[]): void {
  void values;
}
