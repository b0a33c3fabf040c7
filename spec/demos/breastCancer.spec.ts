import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { breastCancer } from '../../demos/breastCancer.js';
import { datasets, noGrad, StandardScaler } from '../../lib/index.js';
import { loadFile } from '../../lib/node/index.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: breast-cancer', () => {
  let r: Awaited<ReturnType<typeof runFast>>;
  beforeAll(async () => {
    r = await runFast(breastCancer);
  });

  it('beats 90 % test accuracy with the scaled MSE neuron, also over restarts, and compares BCE + Adam', () => {
    expect(r.numbers.runs).toBe(3);
    expect(r.numbers.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.numbers.mseTestMean).toBeGreaterThanOrEqual(0.9);
    expect(r.numbers.bceAdamTestMean).toBeGreaterThanOrEqual(0.9);
    for (const key of ['mse', 'bceAdam', 'minmax']) {
      expect(r.numbers[`${key}TestStd`]).toBeGreaterThanOrEqual(0);
      expect(r.numbers[`${key}TestStd`]).toBeLessThan(0.1);
      expect(r.numbers[`${key}TotalMean`]).toBeGreaterThan(0.85);
      expect(r.numbers[`${key}TotalMean`]).toBeLessThanOrEqual(1);
    }
    // accuracy on 114 test tumours is a multiple of 1/114
    expect(
      Math.abs(r.numbers.testAccuracy * 114 - Math.round(r.numbers.testAccuracy * 114)),
    ).toBeLessThan(1e-9);
    expect(r.output.join('\n')).toContain('90.49 % ± 2.40 %');
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

    // Reloaded from disk, on the raw features of all 569 tumours, bit for bit the demo's outputs.
    const x = datasets.breastCancer().x;
    const want = r.series!.predictions;
    expect(want.length).toBe(569);
    const loaded = await loadFile(weights);
    expect(loaded.preprocessing.x).toBeInstanceOf(StandardScaler);
    const scaler = loaded.preprocessing.x as StandardScaler;
    const again = noGrad(() => loaded.model.forward(scaler.transform(x))).data;
    expect(Array.from(again).filter((v, i) => !Object.is(v, want[i]))).toEqual([]);

    // The ONNX file (scaler included) in ONNX Runtime on the raw features: float64 within
    // 1e-12 relative (1e-14 absolute near 0), and still the trained classifier (labels: 1 benign).
    const session = await ort.InferenceSession.create(readFileSync(onnx));
    const out = await session.run({ input: new ort.Tensor('float64', x.data, [...x.shape]) });
    const got = out.output.data as Float64Array;
    expect(got.length).toBe(569);
    const outside = want.filter((y, i) => !(Math.abs(got[i] - y) <= 1e-14 + 1e-12 * Math.abs(y)));
    expect(outside).toEqual([]);
    const labels = datasets.breastCancer().y.data;
    const correct = Array.from(got).filter((p, i) => (p >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / 569).toBeGreaterThan(0.9);
  });
});
