/** Sizes a canvas for the device pixel ratio and returns a context in CSS pixels. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** Blue (0) → white (0.5) → orange (1), as [r, g, b]. */
export function diverging(p: number): [number, number, number] {
  const blue = [37, 99, 235];
  const orange = [234, 88, 12];
  const white = [248, 249, 251];
  const t = Math.min(1, Math.max(0, p));
  const [from, to, s] = t < 0.5 ? [blue, white, t / 0.5] : [white, orange, (t - 0.5) / 0.5];
  return [0, 1, 2].map((i) => Math.round(from[i] + (to[i] - from[i]) * s)) as [
    number,
    number,
    number,
  ];
}

export const TRAIN_COLOR = '#2563eb';
export const VAL_COLOR = '#ea580c';
