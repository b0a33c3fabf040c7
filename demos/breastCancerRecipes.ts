/**
 * The breast-cancer tutorial's recipe (`single-layer-perceptron.py` in the article's
 * `neural-network-tutorials` repository) written the way a user of rxgrad would: a `Neuron`, a
 * loss, an optimiser and `fit`. Then the variants the demo compares with it, each the
 * tutorial's recipe with one change.
 */
import type { Observable } from 'rxjs';
import {
  adam,
  Dataset,
  datasets,
  type EpochEvent,
  evaluate,
  fit,
  type Initializer,
  init,
  type LossFn,
  type LossName,
  type MinMaxScaler,
  max,
  minMaxScaler,
  mse,
  mul,
  Neuron,
  type Optimizer,
  Random,
  reshape,
  StandardScaler,
  sgd,
  sse,
  standardScaler,
  type Tensor,
  type TrainEvent,
} from '../lib/index.js';

/** The tutorial's training fraction: the first int(569 · 0.75) = 426 shuffled rows train, the other 143 test. */
export const TRAIN_FRACTION = 0.75;
/** The tutorial's learning rate and number of full-batch epochs. */
export const LEARNING_RATE = 0.5;
export const EPOCHS = 1000;

/** ½·Σ(ŷ − y)²: the loss whose gradient is the tutorial's update, Xᵀ((ŷ − y)·ŷ·(1 − ŷ)). */
export const halfSse: LossFn = (pred, target) => mul(sse(pred, target), 0.5);
/** ½·mean((ŷ − y)²): the same gradient divided by the number of samples. */
export const halfMse: LossFn = (pred, target) => mul(mse(pred, target), 0.5);

/** How the features are scaled: the tutorial's x / max(x), or a per-feature scaler fitted on the training part. */
export type Scaling = 'globalMax' | 'minMax' | 'standard';

/** A way to train the neuron. */
export interface Recipe {
  /** A short key, for the demo's numbers (`${key}TestMean`, ...). */
  key: string;
  /** What it changes in the tutorial's recipe (a row of the demo's table). */
  change: string;
  bias: boolean;
  scaling: Scaling;
  loss: LossFn | LossName;
  optimizer: (params: Tensor[], trainSize: number) => Optimizer;
}

/** The tutorial's recipe: no bias, x / max(x), ½·Σ(ŷ − y)², gradient descent with lr 0.5. */
export const TUTORIAL: Recipe = {
  key: 'tutorial',
  change: "the tutorial's recipe",
  bias: false,
  scaling: 'globalMax',
  loss: halfSse,
  optimizer: (params) => sgd(params, { lr: LEARNING_RATE }),
};

/** The tutorial's recipe with one change each. */
export const VARIANTS: readonly Recipe[] = [
  { ...TUTORIAL, key: 'bias', change: '+ bias (starting at 0)', bias: true },
  {
    ...TUTORIAL,
    key: 'minMax',
    change: 'min-max scaling per feature (fitted on the training part)',
    scaling: 'minMax',
  },
  {
    ...TUTORIAL,
    key: 'standard',
    change: 'standardisation (fitted on the training part)',
    scaling: 'standard',
  },
  {
    ...TUTORIAL,
    key: 'mean',
    change: '½·mean instead of ½·Σ, lr 0.5·426 = 213',
    loss: halfMse,
    // the mean's gradient is the sum's divided by the 426 training samples: the same steps
    optimizer: (params, trainSize) => sgd(params, { lr: LEARNING_RATE * trainSize }),
  },
  {
    ...TUTORIAL,
    key: 'bceAdam',
    change: 'binary cross-entropy (BCE) + Adam, lr 0.01',
    loss: 'binaryCrossEntropy',
    optimizer: (params) => adam(params, { lr: 0.01 }),
  },
];

/** Three changes together: a bias, standardisation and binary cross-entropy with Adam (lr 0.01). */
export const ALL_CHANGES: Recipe = {
  ...TUTORIAL,
  key: 'all',
  change: 'bias + standardisation + BCE + Adam (lr 0.01)',
  bias: true,
  scaling: 'standard',
  loss: 'binaryCrossEntropy',
  optimizer: (params) => adam(params, { lr: 0.01 }),
};

/** The data set with y as a column [569, 1], the shape of the neuron's output. */
export function loadData(): Dataset {
  const ds = datasets.breastCancer();
  return new Dataset(ds.x, reshape(ds.y, [ds.length, 1]), ds);
}

/** The tutorial's initial weights, `2 * np.random.random((30, 1)) - 1`: uniform in [−1, 1). */
const uniformPlusMinusOne: Initializer = (shape, options) =>
  init.uniform(shape, { ...options, low: -1, high: 1 });

/**
 * The scaler of a recipe. The tutorial's `x /= np.max(x)` divides every value by the largest
 * value of the whole matrix (4254): a `StandardScaler` that does not centre and divides every
 * column by that number, so that it is saved and exported with the model like any scaler.
 */
function scalerFor(scaling: Scaling, all: Dataset, train: Dataset): StandardScaler | MinMaxScaler {
  if (scaling === 'minMax') return minMaxScaler().fit(train.x);
  if (scaling === 'standard') return standardScaler().fit(train.x);
  const largest = max(all.x).item(); // np.max(x)
  const cols = all.x.shape[1];
  return StandardScaler.fromState({
    name: 'standardScaler',
    mean: new Array<number>(cols).fill(0),
    scale: new Array<number>(cols).fill(largest),
    withMean: false,
    withStd: true,
  });
}

/** One restart of a recipe, ready to train. */
export interface Restart {
  /** The row order: `np.random.permutation(569)`; the first 426 rows train. */
  permutation: number[];
  /** The initial weights, [30, 1] (a copy: the model's own are trained in place). */
  initialWeight: number[];
  model: Neuron;
  optimizer: Optimizer;
  scaler: StandardScaler | MinMaxScaler;
  /** Scaled data: the training part, the test part and all 569 rows in the original order. */
  train: Dataset;
  test: Dataset;
  all: Dataset;
  /** The full-batch training run (cold: nothing happens until it is subscribed to). */
  run$: (options?: { trace?: boolean; epochs?: number }) => Observable<TrainEvent>;
  /** Accuracy, mean(y == round(ŷ)), of the model as it is now. */
  accuracy: (d: Dataset) => number;
}

/**
 * Restart `seed` of `recipe`: one generator draws the permutation of the rows, then the
 * initial weights (the order of the tutorial's script), so every recipe gets the same split
 * and the same initial weights for a given seed.
 */
export function restart(all: Dataset, seed: number, recipe: Recipe): Restart {
  const rng = new Random(seed);
  const permutation = rng.permutation(all.length);
  const trainSize = Math.trunc(all.length * TRAIN_FRACTION);
  const model = new Neuron(all.x.shape[1], {
    activation: 'sigmoid',
    bias: recipe.bias,
    init: uniformPlusMinusOne,
    rng,
  });
  const initialWeight = Array.from(model.weight.data);
  const shuffled = all.subset(permutation);
  const rows = (from: number, to: number) =>
    shuffled.subset(Array.from({ length: to - from }, (_, i) => from + i));
  const rawTrain = rows(0, trainSize);
  const scaler = scalerFor(recipe.scaling, all, rawTrain);
  const scaled = (d: Dataset) => new Dataset(scaler.transform(d.x), d.y);
  const train = scaled(rawTrain);
  const test = scaled(rows(trainSize, all.length));
  const optimizer = recipe.optimizer(model.parameters(), trainSize);
  return {
    permutation,
    initialWeight,
    model,
    optimizer,
    scaler,
    train,
    test,
    all: scaled(all),
    run$: ({ trace = false, epochs = EPOCHS } = {}) =>
      fit(model, train, {
        loss: recipe.loss,
        optimizer,
        epochs,
        batchSize: train.length,
        shuffle: false,
        ...(trace ? { metrics: ['binaryAccuracy'], validation: test } : {}),
      }),
    accuracy: (d) => evaluate(model, d, ['binaryAccuracy']).metrics.binaryAccuracy,
  };
}

/** What the restarts of one recipe gave. */
export interface RecipeResult {
  recipe: Recipe;
  test: number[];
  total: number[];
  /** Restarts whose neuron ends up calling all 569 tumours the same class. */
  oneClass: number;
  /** The final weights of each restart, [30] each. */
  weights: number[][];
  /** The epoch events of the first restart (only when traced). */
  trace: EpochEvent[];
  /** The first restart (its model trained), for the export. */
  first: Restart;
}
