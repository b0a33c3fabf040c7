import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../lib/index.js';
import { imageGrid } from '../../lib/plot/index.js';
import { markItems, parseSvg, svgTexts } from './svg.js';

describe('imageGrid', () => {
  it('draws every pixel, larger values darker, and each caption in its colour', async () => {
    const svg = await imageGrid({
      images: [
        [0, 4, 4, 0],
        [4, 0, 0, 4],
        [2, 2, 2, 2],
      ],
      imageWidth: 2,
      imageHeight: 2,
      columns: 2,
      captions: ['one', 'two', 'three'],
      captionColors: ['#111111', '#d62728', '#111111'],
      title: 'Digits',
    });
    parseSvg(svg);
    const pixels = markItems(svg, 'mark-rect role-mark');
    expect(pixels).toHaveLength(12);
    expect(pixels.filter((p) => p.includes('fill="rgb(0, 0, 0)"'))).toHaveLength(4);
    expect(pixels.filter((p) => p.includes('fill="rgb(255, 255, 255)"'))).toHaveLength(4);
    const texts = svgTexts(svg);
    for (const t of ['Digits', 'one', 'two', 'three']) expect(texts).toContain(t);
    const captions = markItems(svg, 'mark-text role-mark');
    expect(captions.filter((c) => c.includes('fill="#d62728"'))).toHaveLength(1);
  });

  it('rejects images of the wrong size and a caption count that does not match', () => {
    expect(() => imageGrid({ images: [[1, 2, 3]], imageWidth: 2, imageHeight: 2 })).toThrow(
      new ArgumentError('imageGrid: image 0 has 3 values, expected imageWidth × imageHeight = 4'),
    );
    expect(() =>
      imageGrid({ images: [[1, 2, 3, 4]], imageWidth: 2, imageHeight: 2, captions: [] }),
    ).toThrow(/0 captions for 1 images/);
    expect(() => imageGrid({ images: [], imageWidth: 2, imageHeight: 2 })).toThrow(ArgumentError);
  });
});
