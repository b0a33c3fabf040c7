/** The data sets the page can train on. */
export type DemoName = 'spirals' | 'xor' | 'circles' | 'breastCancer' | 'digits' | 'digitsCnn';
export type ActivationChoice = 'relu' | 'tanh' | 'sigmoid' | 'gelu' | 'leakyRelu';
export type OptimizerChoice = 'adam' | 'sgd' | 'momentum';

/** Everything a run needs, as plain data: it is what crosses to the worker. */
export interface RunConfig {
  readonly demo: DemoName;
  readonly hidden: readonly number[];
  readonly activation: ActivationChoice;
  readonly optimizer: OptimizerChoice;
  readonly lr: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
}

/** What the page suggests when a data set is chosen. */
export const DEMO_DEFAULTS: Record<
  DemoName,
  Omit<RunConfig, 'demo' | 'seed'> & { readonly hint: string }
> = {
  spirals: {
    hidden: [24, 24],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.02,
    batchSize: 32,
    epochs: 300,
    hint: '400 points on two interleaved spirals: a small net has to bend its boundary twice around the centre.',
  },
  xor: {
    hidden: [8],
    activation: 'tanh',
    optimizer: 'adam',
    lr: 0.03,
    batchSize: 16,
    epochs: 100,
    hint: '300 points labelled by the sign of x·y: not linearly separable, one hidden layer suffices.',
  },
  circles: {
    hidden: [8],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.03,
    batchSize: 16,
    epochs: 100,
    hint: 'A disc inside a ring: the boundary is a closed curve.',
  },
  breastCancer: {
    hidden: [16],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.003,
    batchSize: 32,
    epochs: 60,
    hint: 'Wisconsin diagnostic breast cancer: 30 standardised features, benign or malignant.',
  },
  digits: {
    hidden: [32],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.005,
    batchSize: 32,
    epochs: 40,
    hint: '1797 handwritten digits of 8×8 pixels, ten classes (softmax + cross-entropy).',
  },
  digitsCnn: {
    hidden: [],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.005,
    batchSize: 32,
    epochs: 30,
    hint: 'The same digits as 1×8×8 images into a convolutional network: conv 3×3 (16) · max-pool · conv 3×3 (32) · max-pool, then the hidden layers below.',
  },
};

/**
 * The hidden layer sizes from text such as `16, 16` (empty: no hidden layer), or the reason
 * the text is not a valid list.
 */
export function parseHidden(text: string): number[] | string {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,×x]+/).filter((p) => p !== '');
  const sizes = parts.map(Number);
  const bad = parts.find((p, i) => !/^\d+$/.test(p) || sizes[i] < 1 || sizes[i] > 256);
  if (bad !== undefined) return `'${bad}' is not a layer size (a whole number from 1 to 256)`;
  if (sizes.length > 6) return `at most 6 hidden layers, got ${sizes.length}`;
  return sizes;
}

/** The learning rate of a slider position (log10 scale), rounded to 2 significant digits. */
export function lrFromSlider(position: number): number {
  return Number((10 ** position).toPrecision(2));
}
