import { fitCanvas } from './canvas.js';

/**
 * For a binary classifier: each validation sample as a dot at its predicted probability of the
 * positive class, one row per true class, the 0.5 threshold, and the confusion counts.
 */
export function drawProbabilityStrip(
  canvas: HTMLCanvasElement,
  probabilities: ArrayLike<number> | null,
  labels: ArrayLike<number>,
  classNames: readonly [string, string],
): void {
  const width = canvas.parentElement?.clientWidth || 500;
  const height = Math.min(canvas.parentElement?.clientHeight || 300, 300);
  const ctx = fitCanvas(canvas, width, height);
  const left = 112;
  const right = 16;
  const rowH = (height - 96) / 2;
  const x = (p: number) => left + p * (width - left - right);
  ctx.font = '12px system-ui, sans-serif';
  for (let row = 0; row < 2; row++) {
    const y0 = 12 + row * (rowH + 8);
    ctx.fillStyle = row === 0 ? 'rgba(37,99,235,0.06)' : 'rgba(234,88,12,0.06)';
    ctx.fillRect(left, y0, width - left - right, rowH);
    ctx.fillStyle = '#4b5163';
    ctx.textAlign = 'right';
    ctx.fillText(`true ${classNames[row]}`, left - 8, y0 + rowH / 2 + 4);
  }
  ctx.strokeStyle = '#1c2030';
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(x(0.5), 8);
  ctx.lineTo(x(0.5), 20 + 2 * rowH);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = '#6b7180';
  ctx.textAlign = 'center';
  for (const t of [0, 0.25, 0.5, 0.75, 1]) ctx.fillText(String(t), x(t), 36 + 2 * rowH);
  ctx.fillText(`predicted probability of ${classNames[1]}`, x(0.5), 52 + 2 * rowH);
  if (!probabilities) return;
  const counts = [0, 0, 0, 0]; // tn, fp, fn, tp
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] > 0.5 ? 1 : 0;
    const p = probabilities[i];
    const jitter = ((i * 2654435761) % 1000) / 1000;
    const y = 12 + label * (rowH + 8) + 6 + jitter * (rowH - 12);
    const right = p > 0.5;
    counts[label * 2 + (right ? 1 : 0)]++;
    ctx.beginPath();
    ctx.arc(x(p), y, 2.6, 0, 2 * Math.PI);
    ctx.fillStyle = right === (label === 1) ? (label === 1 ? '#ea580c' : '#2563eb') : '#dc2626';
    ctx.globalAlpha = right === (label === 1) ? 0.7 : 1;
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  const [tn, fp, fn, tp] = counts;
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1c2030';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.fillText(
    `correct ${tn + tp} / ${labels.length}   ·   false ${classNames[1]} ${fp}   ·   missed ${classNames[1]} ${fn}`,
    left,
    height - 14,
  );
}
