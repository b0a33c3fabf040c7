import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { digits } from '../../demos/digits.js';
import { datasets, div, noGrad, trainTestSplit } from '../../lib/index.js';
import { loadFile } from '../../lib/node/index.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: digits', () => {
  let r: Awaited<ReturnType<typeof runFast>>;
  beforeAll(async () => {
    r = await runFast(digits);
  });

  it('reaches at least 95 % test accuracy and draws the images and the confusion matrix', () => {
    expect(r.numbers.epochs).toBe(10);
    expect(r.numbers.testAccuracy).toBeGreaterThanOrEqual(0.95);
    // 360 test images: the mistakes and the accuracy agree
    expect(r.numbers.mistakes).toBe(Math.round(360 * (1 - r.numbers.testAccuracy)));
    expectFigures(r, ['predictions', 'confusion', 'training']);
  });

  it('saves the MLP, reloads it bit for bit, and ONNX Runtime agrees within 1e-12', async () => {
    const dir = dirname(r.figures[0]);
    const weights = join(dir, 'model.safetensors');
    const onnx = join(dir, 'model.onnx');
    const text = r.output.join('\n');
    expect(text).toContain(weights);
    expect(text).toContain(onnx);
    expect(r.numbers.reloadMismatches).toBe(0);
    expect(r.numbers.onnxAgrees).toBe(1);

    // The same test images as the demo (seed 42, stratified 80/20), pixels / 16.
    const { test } = trainTestSplit(datasets.digits(), {
      testFraction: 0.2,
      seed: 42,
      stratify: true,
    });
    const x = div(test.x, 16);
    const want = r.series!.predictions;
    expect(want.length).toBe(360 * 10);

    // Reloaded from disk: the architecture is in the file, the logits bit for bit the demo's.
    const loaded = await loadFile(weights);
    expect(loaded.architecture?.type).toBe('Sequential');
    const again = noGrad(() => loaded.model.forward(x)).data;
    expect(Array.from(again).filter((v, i) => !Object.is(v, want[i]))).toEqual([]);

    // The ONNX file in ONNX Runtime: float64 logits within 1e-12 relative (1e-14 absolute near
    // 0), and its argmax classifies the test images with the demo's accuracy.
    const session = await ort.InferenceSession.create(readFileSync(onnx));
    const out = await session.run({ input: new ort.Tensor('float64', x.data, [...x.shape]) });
    const got = out.output.data as Float64Array;
    expect(got.length).toBe(3600);
    const outside = want.filter((y, i) => !(Math.abs(got[i] - y) <= 1e-14 + 1e-12 * Math.abs(y)));
    expect(outside).toEqual([]);
    let correct = 0;
    for (let i = 0; i < 360; i++) {
      const row = Array.from(got.subarray(i * 10, i * 10 + 10));
      if (row.indexOf(Math.max(...row)) === test.y.data[i]) correct++;
    }
    expect(correct / 360).toBeCloseTo(r.numbers.testAccuracy, 12);
  });
});
