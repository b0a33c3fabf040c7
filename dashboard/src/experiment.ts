import {
  Conv2d,
  Dataset,
  datasets,
  Flatten,
  MaxPool2d,
  type Module,
  mlp,
  noGrad,
  ReLU,
  reshape,
  Sequential,
  standardScaler,
  type Tensor,
  tensor,
  trainTestSplit,
} from 'rxgrad';
import type { LabelledPoint } from './boundary.js';
import type { RunConfig } from './config.js';
import type { LayerWeights, NetworkLabels } from './network.js';
import { circles, spirals, type ToySet, xor } from './toys.js';

/**
 * A run's data and model, built from its plain-data config. The worker builds one to train;
 * the page builds the same one (same seed: same split, same initial weights) to draw
 * predictions with the weights the worker sends back.
 */
export interface Experiment {
  readonly config: RunConfig;
  readonly kind: 'toy' | 'breastCancer' | 'digits';
  readonly model: Module;
  readonly sizes: readonly number[];
  readonly parameterCount: number;
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly classNames: readonly string[];
  readonly stepsPerEpoch: number;
  /** The 2-D points, for the decision boundary (toy sets). */
  readonly points: readonly LabelledPoint[];
  /** The validation rows as the model sees them (standardised features), and their labels. */
  readonly validationInputs: number[][];
  readonly validationLabels: number[];
  /** The validation rows as they were loaded (raw pixels, for the digits grid). */
  readonly validationRaw: number[][];
  readonly networkLabels: NetworkLabels;
  /** True once weights from the worker have been loaded into `model`. */
  trained: boolean;
  /** Raw rows (as loaded, or points of the plane) scaled as the model's inputs are. */
  prepare(rows: number[][]): number[][];
  /** Class probabilities (softmax of the logits) of the current model for each model input row. */
  predict(rows: number[][]): number[][];
  /** The weight matrices of the linear layers, for the drawing. */
  layerWeights(): LayerWeights[];
}

const TOYS: Record<string, (n: number, seed: number) => ToySet> = { spirals, xor, circles };

function loadData(config: RunConfig): {
  data: Dataset;
  classNames: string[];
  kind: Experiment['kind'];
} {
  if (config.demo === 'breastCancer') {
    const data = datasets.breastCancer();
    return { data, classNames: [...(data.classNames ?? ['0', '1'])], kind: 'breastCancer' };
  }
  if (config.demo === 'digits' || config.demo === 'digitsCnn') {
    const data = datasets.digits();
    return { data, classNames: [...(data.classNames ?? [])], kind: 'digits' };
  }
  const toy = TOYS[config.demo](config.demo === 'spirals' ? 400 : 300, config.seed);
  return {
    data: new Dataset(tensor(toy.x), tensor(toy.y)),
    classNames: ['blue', 'orange'],
    kind: 'toy',
  };
}

const rowsOf = (t: Tensor): number[][] => t.toArray() as number[][];

/** Features of the CNN's head: 32 channels of 2×2 after two conv + pool blocks on 8×8. */
const CNN_FEATURES = 32 * 2 * 2;

/**
 * The digits CNN: conv 3×3 (1 → 16) · relu · max-pool 2 · conv 3×3 (16 → 32) · relu · max-pool 2
 * · flatten, then an MLP head through the configured hidden layers.
 */
function digitsCnn(config: RunConfig, classes: number): Module {
  const { seed, activation, hidden } = config;
  return new Sequential(
    new Conv2d(1, 16, 3, { padding: 1, seed }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(16, 32, 3, { padding: 1, seed: seed + 1 }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    mlp([CNN_FEATURES, ...hidden, classes], { activation, seed: seed + 2 }),
  );
}

/** Builds the data (seeded split, standardised features) and the seeded, untrained model. */
export function buildExperiment(config: RunConfig): Experiment {
  const { data, classNames, kind } = loadData(config);
  const split = trainTestSplit(data, { testFraction: 0.2, seed: config.seed, stratify: true });
  const rawTrainRows = rowsOf(split.train.x);
  const rawValidationRows = rowsOf(split.test.x);
  // NOTE: the scaler learns from the training part only, so validation stays unseen.
  const scaler = standardScaler().fit(split.train.x);
  const cnn = config.demo === 'digitsCnn';
  // the CNN sees each row of 64 standardised pixels as a 1×8×8 image
  const inputShape = cnn ? [1, 8, 8] : [data.x.shape[1]];
  const asInput = (x: Tensor) => (cnn ? reshape(x, [-1, ...inputShape]) : x);
  const train = new Dataset(asInput(scaler.transform(split.train.x)), split.train.y);
  const validation = new Dataset(asInput(scaler.transform(split.test.x)), split.test.y);
  const features = cnn ? CNN_FEATURES : data.x.shape[1];
  const sizes = [features, ...config.hidden, classNames.length];
  const model = cnn
    ? digitsCnn(config, classNames.length)
    : mlp(sizes, { activation: config.activation, seed: config.seed });
  const validationLabels = [...validation.y.data];
  const scaledRows = rowsOf(reshape(validation.x, [validation.length, -1]));
  const points: LabelledPoint[] =
    kind === 'toy'
      ? [
          ...rawTrainRows.map((r, i) => ({
            x: r[0],
            y: r[1],
            label: train.y.data[i],
            validation: false,
          })),
          ...rawValidationRows.map((r, i) => ({
            x: r[0],
            y: r[1],
            label: validationLabels[i],
            validation: true,
          })),
        ]
      : [];
  const inputLabel = cnn
    ? 'conv features'
    : kind === 'toy'
      ? 'input (x, y)'
      : kind === 'digits'
        ? 'pixels'
        : 'features';
  const ex: Experiment = {
    config,
    kind,
    model,
    sizes,
    parameterCount: model.parameterCount(),
    train,
    validation,
    classNames,
    stepsPerEpoch: Math.ceil(train.length / config.batchSize),
    points,
    validationInputs: scaledRows,
    validationLabels,
    validationRaw: rawValidationRows,
    networkLabels: { input: inputLabel, hidden: config.activation, output: 'softmax' },
    trained: false,
    predict: (rows) => predictRows(model, rows, inputShape),
    prepare: (rows) => (rows.length ? rowsOf(scaler.transform(tensor(rows))) : []),
    layerWeights: () =>
      model
        .namedParameters()
        .filter(([name, t]) => name.endsWith('weight') && t.rank === 2)
        .map(([, t]) => ({ inputs: t.shape[0], outputs: t.shape[1], values: t.data })),
  };
  return ex;
}

/** Softmax probabilities of the model's logits, row by row (each row laid out as `inputShape`). */
function predictRows(model: Module, rows: number[][], inputShape: readonly number[]): number[][] {
  if (rows.length === 0) return [];
  const logits = noGrad(() => model.forward(reshape(tensor(rows), [rows.length, ...inputShape])));
  const k = logits.shape[1];
  const out: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const z = Array.from(logits.data.subarray(i * k, (i + 1) * k));
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    out.push(e.map((v) => v / s));
  }
  return out;
}
