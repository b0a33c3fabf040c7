/** One test image with its true label and the model's current guess. */
export interface DigitPrediction {
  readonly pixels: ArrayLike<number>;
  readonly label: number;
  readonly guess: number | null;
  readonly confidence: number;
}

/**
 * A grid of 8×8 test images with live predictions: the guess under each image, green when it
 * is right and red when it is wrong, with the model's confidence.
 */
export class DigitsGrid {
  private readonly cells: { root: HTMLElement; canvas: HTMLCanvasElement; text: HTMLElement }[] =
    [];
  private drawnPixels: ArrayLike<number>[] = [];

  constructor(private readonly container: HTMLElement) {}

  render(items: readonly DigitPrediction[]): void {
    if (this.cells.length !== items.length) this.build(items.length);
    items.forEach((item, i) => {
      const cell = this.cells[i];
      if (this.drawnPixels[i] !== item.pixels) {
        drawDigit(cell.canvas, item.pixels);
        this.drawnPixels[i] = item.pixels;
      }
      cell.root.className = `digit${item.guess === null ? '' : item.guess === item.label ? ' ok' : ' wrong'}`;
      cell.text.innerHTML =
        item.guess === null
          ? `<span>true ${item.label}</span>`
          : `<span class="guess">${item.guess}</span> <span>${Math.round(item.confidence * 100)}%</span>`;
      cell.root.title = `true label ${item.label}`;
    });
  }

  private build(n: number): void {
    this.container.replaceChildren();
    const grid = document.createElement('div');
    grid.className = 'digits';
    this.cells.length = 0;
    this.drawnPixels = [];
    for (let i = 0; i < n; i++) {
      const root = document.createElement('div');
      const canvas = document.createElement('canvas');
      canvas.width = 8;
      canvas.height = 8;
      const text = document.createElement('div');
      root.append(canvas, text);
      grid.append(root);
      this.cells.push({ root, canvas, text });
    }
    this.container.append(grid);
  }
}

function drawDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(8, 8);
  let max = 1e-9;
  for (let k = 0; k < 64; k++) max = Math.max(max, pixels[k]);
  for (let k = 0; k < 64; k++) {
    const v = Math.round(255 - (225 * pixels[k]) / max);
    image.data.set([v, v, Math.min(255, v + 8), 255], 4 * k);
  }
  ctx.putImageData(image, 0, 0);
}
