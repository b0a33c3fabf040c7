import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { fashion, SUBSET_DIR } from '../../demos/fashion.js';
import { noGrad, slice } from '../../lib/index.js';
import { loadFile, loadMnist } from '../../lib/node/index.js';
import { expectFigures, runFast } from './runDemo.js';

// The fast run trains the CNN and the MLP the same way (Adam, cosine decay, batch 64, 3 epochs)
// on 4,000 of the subset's training images and tests them on 1,000 test images.
describe('demo: fashion', () => {
  let r: Awaited<ReturnType<typeof runFast>>;
  beforeAll(async () => {
    r = await runFast(fashion);
  });

  it('the CNN beats chance (10 %) by a wide margin, and the MLP of the same size trained the same way', () => {
    expect(r.numbers.trainImages).toBe(4000);
    expect(r.numbers.testImages).toBe(1000);
    expect(r.numbers.epochs).toBe(3);
    expect(r.numbers.cnnAccuracy).toBeGreaterThan(0.75);
    expect(r.numbers.cnnAccuracy).toBeGreaterThan(r.numbers.mlpAccuracy);
    // about the same size: within 2 % of each other's parameter count
    expect(Math.abs(r.numbers.cnnParameters / r.numbers.mlpParameters - 1)).toBeLessThan(0.02);
    expect(r.series!.cnnTestAccuracy.length).toBe(3);
    expect(r.series!.cnnTestAccuracy.at(-1)).toBe(r.numbers.cnnAccuracy);
    expectFigures(r, ['predictions', 'confusion', 'filters', 'training']);
    // the confusion matrix is labelled with the class names
    expect(readFileSync(r.figures[1], 'utf8')).toContain('Ankle boot');
  });

  it('saves the CNN, reloads it bit for bit, and ONNX Runtime agrees within float32 rounding', async () => {
    const dir = dirname(r.figures[0]);
    expect(r.numbers.reloadMismatches).toBe(0);
    expect(r.numbers.onnxAgrees).toBe(1);
    const { test } = await loadMnist(SUBSET_DIR);
    const x = slice(test.x, 0, 1000);
    const want = r.series!.predictions;
    expect(want.length).toBe(1000 * 10);
    const loaded = await loadFile(join(dir, 'model.safetensors'));
    expect(loaded.architecture?.type).toBe('Sequential');
    const again = noGrad(() => loaded.model.eval().forward(x)).data;
    expect(Array.from(again).filter((v, i) => !Object.is(v, want[i]))).toEqual([]);
    const session = await ort.InferenceSession.create(readFileSync(join(dir, 'model.onnx')));
    const out = await session.run({ input: new ort.Tensor('float32', x.data, [...x.shape]) });
    const got = out.output.data as Float32Array;
    const outside = want.filter((y, i) => !(Math.abs(got[i] - y) <= 1e-6 + 1e-5 * Math.abs(y)));
    expect(outside).toEqual([]);
  });
});
