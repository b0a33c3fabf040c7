import { diverging, fitCanvas } from './canvas.js';

/** The grid of points (row-major, y from top to bottom) on which the boundary is evaluated. */
export function boundaryGrid(resolution: number, extent = 1.15): number[][] {
  const points: number[][] = [];
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const x = -extent + (2 * extent * (c + 0.5)) / resolution;
      const y = extent - (2 * extent * (r + 0.5)) / resolution;
      points.push([x, y]);
    }
  }
  return points;
}

/** A labelled point of the 2-D data set. */
export interface LabelledPoint {
  readonly x: number;
  readonly y: number;
  readonly label: number;
  readonly validation: boolean;
}

/**
 * Draws a 2-D classifier: the probability of class 1 over the plane (blue → orange, the 0.5
 * boundary as a dark line), and the data on top (train filled, validation outlined).
 */
export function drawBoundary(
  canvas: HTMLCanvasElement,
  probabilities: ArrayLike<number> | null,
  resolution: number,
  points: readonly LabelledPoint[],
  extent = 1.15,
): void {
  const size = Math.min(
    canvas.parentElement?.clientWidth ?? 300,
    canvas.parentElement?.clientHeight ?? 300,
    300,
  );
  const ctx = fitCanvas(canvas, size, size);
  const toPx = (v: number) => ((v + extent) / (2 * extent)) * size;
  if (probabilities) {
    const off = document.createElement('canvas');
    off.width = resolution;
    off.height = resolution;
    const octx = off.getContext('2d')!;
    const image = octx.createImageData(resolution, resolution);
    for (let k = 0; k < resolution * resolution; k++) {
      const [r, g, b] = diverging(0.15 + 0.7 * probabilities[k]);
      image.data.set([r, g, b, 255], 4 * k);
    }
    octx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, size, size);
    // The decision boundary: the 0.5 contour of the grid values (marching squares).
    ctx.strokeStyle = 'rgba(28,32,48,0.75)';
    ctx.lineWidth = 1.6;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    const cell = size / resolution;
    for (const [x0, y0, x1, y1] of contour(probabilities, resolution, 0.5)) {
      ctx.moveTo((x0 + 0.5) * cell, (y0 + 0.5) * cell);
      ctx.lineTo((x1 + 0.5) * cell, (y1 + 0.5) * cell);
    }
    ctx.stroke();
  } else {
    ctx.fillStyle = '#f4f5f8';
    ctx.fillRect(0, 0, size, size);
  }
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(toPx(p.x), size - toPx(p.y), 3.2, 0, 2 * Math.PI);
    const color = p.label === 1 ? '#c2410c' : '#1d4ed8';
    if (p.validation) {
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.6;
    } else {
      ctx.fillStyle = color;
      ctx.fill();
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 1;
    }
    ctx.stroke();
  }
  ctx.strokeStyle = '#d5d9e2';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
}

/**
 * The segments of the `level` contour of a grid of values (row-major, `n`×`n`, one value per
 * grid point), by marching squares with linear interpolation along cell edges. Coordinates are
 * in grid units (column, row).
 */
export function contour(
  values: ArrayLike<number>,
  n: number,
  level: number,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const at = (r: number, c: number) => values[r * n + c] - level;
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      // Corners: top-left, top-right, bottom-right, bottom-left.
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      const corners: [number, number][] = [
        [c, r],
        [c + 1, r],
        [c + 1, r + 1],
        [c, r + 1],
      ];
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e];
        const b = v[(e + 1) % 4];
        if (a > 0 !== b > 0) {
          const t = a / (a - b);
          const [xa, ya] = corners[e];
          const [xb, yb] = corners[(e + 1) % 4];
          crossings.push([xa + t * (xb - xa), ya + t * (yb - ya)]);
        }
      }
      // NOTE: a saddle (4 crossings) is joined pairwise; either pairing is a valid contour.
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        out.push([crossings[k][0], crossings[k][1], crossings[k + 1][0], crossings[k + 1][1]]);
      }
    }
  }
  return out;
}
