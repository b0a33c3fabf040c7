import { fitCanvas } from './canvas.js';

/** A dense layer's weights as `[inputs, outputs]` row-major values (w[i * outputs + j]: i → j). */
export interface LayerWeights {
  readonly inputs: number;
  readonly outputs: number;
  readonly values: ArrayLike<number>;
}

/** What the drawing shows under each column. */
export interface NetworkLabels {
  readonly input: string;
  readonly hidden: string;
  readonly output: string;
}

/**
 * Draws a fully connected network: one column of units per layer, an edge per weight, blue for
 * positive and orange for negative weights, thicker and more opaque for larger magnitudes.
 * Without weights (before the first ones arrive) the edges are drawn thin and grey.
 */
export function drawNetwork(
  canvas: HTMLCanvasElement,
  sizes: readonly number[],
  weights: readonly LayerWeights[] | null,
  labels: NetworkLabels,
): void {
  const width = canvas.clientWidth || 500;
  const height = canvas.clientHeight || 300;
  const ctx = fitCanvas(canvas, width, height);
  const top = 14;
  const bottom = 40;
  const left = 40;
  const right = 40;
  const columnX = (l: number) =>
    left + ((width - left - right) * l) / Math.max(1, sizes.length - 1);
  const unitY = (l: number, i: number) => {
    const n = sizes[l];
    const span = Math.min(height - top - bottom, n * 22);
    const y0 = top + (height - top - bottom - span) / 2;
    return n === 1 ? top + (height - top - bottom) / 2 : y0 + (span * i) / (n - 1);
  };

  for (let l = 0; l + 1 < sizes.length; l++) {
    const w = weights?.[l];
    let max = 1e-12;
    if (w) for (let k = 0; k < w.values.length; k++) max = Math.max(max, Math.abs(w.values[k]));
    const dense = sizes[l] * sizes[l + 1] > 200;
    for (let i = 0; i < sizes[l]; i++) {
      for (let j = 0; j < sizes[l + 1]; j++) {
        const v = w ? w.values[i * sizes[l + 1] + j] : 0;
        const m = w ? Math.abs(v) / max : 0;
        ctx.strokeStyle = !w
          ? 'rgba(150,155,170,0.25)'
          : v >= 0
            ? `rgba(37,99,235,${(dense ? 0.03 : 0.08) + (dense ? 0.6 : 0.8) * m * m})`
            : `rgba(234,88,12,${(dense ? 0.03 : 0.08) + (dense ? 0.6 : 0.8) * m * m})`;
        ctx.lineWidth = w ? 0.3 + (dense ? 1.4 : 2.6) * m * m : 0.5;
        ctx.beginPath();
        ctx.moveTo(columnX(l), unitY(l, i));
        ctx.lineTo(columnX(l + 1), unitY(l + 1, j));
        ctx.stroke();
      }
    }
  }

  for (let l = 0; l < sizes.length; l++) {
    const r = sizes[l] > 40 ? 2.2 : sizes[l] > 20 ? 3.5 : 6;
    for (let i = 0; i < sizes[l]; i++) {
      ctx.beginPath();
      ctx.arc(columnX(l), unitY(l, i), r, 0, 2 * Math.PI);
      ctx.fillStyle = l === 0 ? '#e0e7ff' : l === sizes.length - 1 ? '#fde7d6' : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = '#3a4157';
      ctx.stroke();
    }
    ctx.fillStyle = '#4b5163';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    const name = l === 0 ? labels.input : l === sizes.length - 1 ? labels.output : labels.hidden;
    ctx.fillText(`${sizes[l]}`, columnX(l), height - bottom + 18);
    ctx.fillStyle = '#8a90a2';
    ctx.fillText(name, columnX(l), height - bottom + 33);
  }
}
