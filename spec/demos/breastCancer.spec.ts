import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { breastCancer } from '../../demos/breastCancer.js';
import {
  ALL_CHANGES,
  loadData,
  restart,
  TUTORIAL,
  VARIANTS,
} from '../../demos/breastCancerRecipes.js';
import { datasets, noGrad, StandardScaler } from '../../lib/index.js';
import { loadFile } from '../../lib/node/index.js';
import { expectFigures, runFast } from './runDemo.js';

/** A JSON file of demos/reference/ (written by breastCancerInputs.ts and breast_cancer_tutorial.py). */
function reference(name: string) {
  const url = new URL(`../../demos/reference/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

describe('demo: breast-cancer', () => {
  let r: Awaited<ReturnType<typeof runFast>>;
  // the tutorial's recipe in full, 10 restarts × 1000 epochs, even in fast mode
  beforeAll(async () => {
    r = await runFast(breastCancer);
  }, 180_000);

  it('draws the permutations and initial weights the numpy reference trained from', () => {
    const inputs = reference('breast-cancer-inputs.json');
    const all = loadData();
    expect(inputs.seeds).toEqual([42, 43, 44, 45, 46, 47, 48, 49, 50, 51]);
    expect(inputs.trainSize).toBe(426);
    inputs.seeds.forEach((seed: number, k: number) => {
      const run = restart(all, seed, TUTORIAL);
      expect(run.permutation).toEqual(inputs.permutations[k]);
      expect(run.initialWeight).toEqual(inputs.initialWeights[k]);
      expect(run.train.length).toBe(426);
      expect(run.test.length).toBe(143);
    });
  });

  it("reproduces the tutorial's recipe: numpy's accuracies restart by restart, within the article's spread", () => {
    const numpy = reference('breast-cancer-numpy.json');
    expect(r.numbers.runs).toBe(10);
    expect(r.numbers.epochs).toBe(1000);
    expect(numpy.epochs).toBe(1000);
    expect(numpy.ties).toBe(0); // no ŷ of exactly 0.5, where np.around and binaryAccuracy differ
    expect(r.series!.tutorialTest).toEqual(numpy.test);
    expect(r.series!.tutorialTotal).toEqual(numpy.total);
    // the final weights: numpy's within rounding (the sums run in another order)
    const w = r.series!.tutorialWeights;
    const want: number[] = numpy.weights.flat();
    expect(w.length).toBe(300);
    const off = want.filter((v, i) => !(Math.abs(w[i] - v) <= 1e-10 * Math.abs(v)));
    expect(off).toEqual([]);
    // 1296 of 1430 test tumours over the 10 restarts: 90.63 %, the article 90.49 % ± 2.40 %
    expect(Math.round(r.numbers.tutorialTestMean * 1430)).toBe(1296);
    expect(r.numbers.tutorialTestMean * 1430).toBeCloseTo(1296, 9);
    expect(Math.abs(r.numbers.tutorialTestMean - 0.9049)).toBeLessThanOrEqual(0.024);
    expect(r.numbers.tutorialTotalMean).toBeCloseTo(numpy.totalMean, 12);
    expect(r.numbers.sameAsNumpy).toBe(10);
    const text = r.output.join('\n');
    expect(text).toContain('90.49 % ± 2.40 %');
    expect(text).toContain('90.33 % ± 0.304 %');
    expect(text).toContain('90.63 % ± 3.05 %');
    expect(text).toContain('the same test and total accuracy in 10 of 10 restarts');
  });

  it('changes one thing at a time, on the same permutations and initial weights', () => {
    expect(r.numbers.variantRuns).toBe(1);
    const tutorial = r.series!.tutorialTest.slice(0, 1);
    // ½·mean with lr 0.5·426 takes the tutorial's steps: the same accuracies
    expect(r.series!.meanTest).toEqual(tutorial);
    expect(r.series!.meanTotal).toEqual(r.series!.tutorialTotal.slice(0, 1));
    // standardisation beats the tutorial's x / max(x) on this restart
    r.series!.standardTest.forEach((v, k) => {
      expect(v).toBeGreaterThan(tutorial[k]);
    });
    const rows = r.output.filter((l) => / of 1$| of 10$/.test(l));
    expect(rows.map((l) => l.trim().split(/ {2,}/)[0])).toEqual([
      TUTORIAL.change,
      ...VARIANTS.map((v) => v.change),
      ALL_CHANGES.change,
    ]);
    for (const key of ['bias', 'minMax', 'standard', 'mean', 'bceAdam', 'all']) {
      const test = r.series![`${key}Test`];
      expect(test.length).toBe(1);
      // an accuracy on 143 test tumours is a multiple of 1/143
      for (const v of test) expect(Math.abs(v * 143 - Math.round(v * 143))).toBeLessThan(1e-9);
      expect(r.numbers[`${key}OneClass`]).toBeGreaterThanOrEqual(0);
      expect(r.numbers[`${key}OneClass`]).toBeLessThanOrEqual(1);
    }
    expectFigures(r, ['training', 'restarts']);
  });

  it('saves the model with its scaler, reloads it bit for bit, and ONNX Runtime agrees within 1e-12', async () => {
    const dir = dirname(r.figures[0]);
    const weights = join(dir, 'model.safetensors');
    const onnx = join(dir, 'model.onnx');
    const text = r.output.join('\n');
    expect(text).toContain(weights);
    expect(text).toContain(onnx);
    expect(r.numbers.reloadMismatches).toBe(0);
    expect(r.numbers.onnxAgrees).toBe(1);
    expect(r.numbers.onnxMaxAbs).toBeLessThanOrEqual(1e-14);

    // The file is safetensors: 8-byte length, then a JSON header with the neuron's float64 weight.
    const bytes = readFileSync(weights);
    const header = JSON.parse(
      bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'),
    );
    expect(header.weight).toMatchObject({ dtype: 'F64', shape: [30, 1] });
    expect(header.bias).toBeUndefined();

    // Reloaded from disk, on the raw features of all 569 tumours, bit for bit the demo's outputs.
    const x = datasets.breastCancer().x;
    const want = r.series!.predictions;
    expect(want.length).toBe(569);
    const loaded = await loadFile(weights);
    expect(loaded.preprocessing.x).toBeInstanceOf(StandardScaler);
    const scaler = loaded.preprocessing.x as StandardScaler;
    // the tutorial's x / max(x): no centring, every column divided by 4254
    expect(scaler.state()).toMatchObject({ withMean: false, scale: new Array(30).fill(4254) });
    const again = noGrad(() => loaded.model.forward(scaler.transform(x))).data;
    expect(Array.from(again).filter((v, i) => !Object.is(v, want[i]))).toEqual([]);

    // The ONNX file (scaler included) in ONNX Runtime on the raw features: float64 within
    // 1e-12 relative (1e-14 absolute near 0), and still the trained classifier (labels: 1 benign):
    // restart 1's total accuracy.
    const session = await ort.InferenceSession.create(readFileSync(onnx));
    const out = await session.run({ input: new ort.Tensor('float64', x.data, [...x.shape]) });
    const got = out.output.data as Float64Array;
    expect(got.length).toBe(569);
    const outside = want.filter((y, i) => !(Math.abs(got[i] - y) <= 1e-14 + 1e-12 * Math.abs(y)));
    expect(outside).toEqual([]);
    const labels = datasets.breastCancer().y.data;
    const correct = Array.from(got).filter((p, i) => (p >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / 569).toBe(r.series!.tutorialTotal[0]);
  });
});
