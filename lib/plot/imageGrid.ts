import { ArgumentError, excerpt } from '../core/index.js';
import { renderSpec } from './renderSpec.js';
import { topLevel } from './xySpec.js';

/** Options of `imageGrid`. */
export interface ImageGridOptions {
  /** Grey-scale images, each `imageWidth × imageHeight` values, row-major. */
  images: readonly ArrayLike<number>[];
  /** Width of every image, in pixels. */
  imageWidth: number;
  /** Height of every image, in pixels. */
  imageHeight: number;
  /** Images per row. Default 8. */
  columns?: number;
  /** One caption under each image. */
  captions?: readonly string[];
  /** One colour per caption (e.g. red for a wrong prediction). Default dark grey. */
  captionColors?: readonly string[];
  /** The title above the grid. */
  title?: string;
  /** A second, smaller title line. */
  subtitle?: string;
  /** Values mapped to white and black. Default the smallest and largest value of all images. */
  range?: readonly [number, number];
  /** Side of one image pixel in screen pixels. Default 7. */
  pixelSize?: number;
}

/**
 * A grid of small grey-scale images (larger values darker, like ink), each with an optional
 * caption, as an SVG string.
 *
 * @example
 * const svg = await imageGrid({ images: [x0, x1], imageWidth: 8, imageHeight: 8,
 *   captions: ['pred 3 · true 3', 'pred 5 · true 9'], captionColors: ['#333', '#d62728'] });
 */
export function imageGrid(options: ImageGridOptions): Promise<string> {
  const { images, imageWidth: w, imageHeight: h } = options;
  if (!Number.isInteger(w) || !Number.isInteger(h) || w <= 0 || h <= 0) {
    throw new ArgumentError(
      `imageGrid: imageWidth and imageHeight must be positive integers, got ${excerpt(w)} and ${h}`,
    );
  }
  if (images.length === 0) throw new ArgumentError('imageGrid: images must not be empty');
  images.forEach((im, k) => {
    if (im.length !== w * h) {
      throw new ArgumentError(
        `imageGrid: image ${k} has ${im.length} values, expected imageWidth × imageHeight = ${w * h}`,
      );
    }
  });
  const captions = options.captions;
  if (captions && captions.length !== images.length) {
    throw new ArgumentError(
      `imageGrid: ${captions.length} captions for ${images.length} images; give one per image`,
    );
  }
  const ps = options.pixelSize ?? 7;
  const seam = 0.5 / ps;
  const columns = Math.min(options.columns ?? 8, images.length);
  const rowsOfImages = Math.ceil(images.length / columns);
  const fontSize = 11;
  // Cell sizes in image-pixel units: room for the widest caption (≈ 0.62 em per character).
  const longest = Math.max(0, ...(captions ?? []).map((c) => c.length));
  const cellW = Math.max(w + 2, Math.ceil((longest * fontSize * 0.62 + 10) / ps));
  const cellH = h + (captions ? Math.ceil((fontSize + 8) / ps) : 0) + 1;
  let [lo, hi] = options.range ?? [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  if (!options.range) {
    for (const im of images) {
      for (let i = 0; i < im.length; i++) {
        lo = Math.min(lo, im[i]);
        hi = Math.max(hi, im[i]);
      }
    }
  }
  const pixels: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  const texts: { x: number; y: number; text: string; color: string }[] = [];
  images.forEach((im, k) => {
    const x0 = (k % columns) * cellW + (cellW - w) / 2;
    const y0 = Math.floor(k / columns) * cellH;
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        // NOTE: each pixel overlaps its right and lower neighbours by half a screen pixel, which
        // paint over it: abutting anti-aliased edges would otherwise show light seams
        const [x2, y2] = [x0 + j + 1 + seam, y0 + i + 1 + seam];
        pixels.push({ x: x0 + j, x2, y: y0 + i, y2, v: im[i * w + j] });
      }
    }
    if (captions) {
      const color = options.captionColors?.[k] ?? '#333333';
      texts.push({ x: x0 + w / 2, y: y0 + h + 2 / ps, text: captions[k], color });
    }
  });
  const totalW = columns * cellW;
  const totalH = rowsOfImages * cellH;
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { domain: [0, totalW], nice: false, zero: false },
    axis: null,
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    scale: { domain: [0, totalH], nice: false, zero: false, reverse: true },
    axis: null,
  };
  const layers: object[] = [
    {
      data: { values: pixels },
      // aria: false keeps the SVG small (no description per pixel)
      mark: { type: 'rect', strokeWidth: 0, aria: false },
      encoding: {
        x,
        y,
        x2: { field: 'x2' },
        y2: { field: 'y2' },
        color: {
          field: 'v',
          type: 'quantitative',
          scale: { domain: [lo, hi], range: ['#ffffff', '#000000'] },
          legend: null,
        },
      },
    },
  ];
  if (texts.length > 0) {
    layers.push({
      data: { values: texts },
      mark: { type: 'text', baseline: 'top', align: 'center', fontSize },
      encoding: {
        x,
        y,
        text: { field: 'text' },
        color: { field: 'color', type: 'nominal', scale: null },
      },
    });
  }
  return renderSpec(
    topLevel({
      ...(options.title
        ? {
            title: {
              text: options.title,
              ...(options.subtitle ? { subtitle: options.subtitle } : {}),
            },
          }
        : {}),
      width: totalW * ps,
      height: totalH * ps,
      config: { view: { stroke: null } },
      layer: layers,
    }),
  );
}
