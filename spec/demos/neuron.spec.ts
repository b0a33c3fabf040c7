import { describe, expect, it } from 'vitest';
import { neuron } from '../../demos/neuron.js';
import { expectFigures, runFast } from './runDemo.js';

describe('demo: neuron', () => {
  it("prints the tutorial's numbers and writes its four figures", async () => {
    const r = await runFast(neuron);
    // 2·1 + 3·(−1) + 4·5 = 19, and relu(19) = 19
    expect(r.numbers.a).toBe(19);
    expect(r.numbers.reluA).toBe(19);
    // z = 0.4 + 0.21 + 0.18 − 0.4 = 0.39; sigmoid(0.39) = 1 / (1 + e^−0.39) ≈ 0.5963
    expect(r.numbers.z).toBeCloseTo(0.39, 12);
    expect(r.numbers.sigmoid).toBeCloseTo(1 / (1 + Math.exp(-0.39)), 12);
    expect(r.numbers.sigmoid.toFixed(3)).toBe('0.596');
    expect(r.numbers.tanh).toBeCloseTo(Math.tanh(0.39), 12);
    // softmax(2, 1, 0.5) = e^zᵢ / (e² + e + e^0.5) ≈ (0.629, 0.231, 0.140)
    const e = [Math.exp(2), Math.exp(1), Math.exp(0.5)];
    const total = e[0] + e[1] + e[2];
    expect(r.numbers.softmax0).toBeCloseTo(e[0] / total, 12);
    expect(
      [r.numbers.softmax0, r.numbers.softmax1, r.numbers.softmax2].map((p) => p.toFixed(3)),
    ).toEqual(['0.629', '0.231', '0.140']);
    expect(r.output.join('\n')).toContain('sigmoid(z) ≈ 0.596');
    expectFigures(r, ['activations', 'sigmoid-weights', 'neuron-diagram', 'neuron-graph']);
  });
});
