import { boundaryGrid, drawBoundary } from './boundary.js';
import { TRAIN_COLOR, VAL_COLOR } from './canvas.js';
import { DigitsGrid } from './digitsGrid.js';
import type { Experiment } from './experiment.js';
import { LineChart } from './lineChart.js';
import { drawNetwork } from './network.js';
import { drawProbabilityStrip } from './probabilityStrip.js';
import type { RunState } from './runState.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const BOUNDARY_RESOLUTION = 64;

/** Formats a loss for a tile: 4 significant digits, exponent for tiny values. */
const lossText = (v: number | null) =>
  v === null ? '–' : v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(4);
const percentText = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/** The page's read-only parts: tiles, meters, charts, predictions, network and event log. */
export class DashboardView {
  private readonly lossChart = new LineChart($('loss-chart'), {
    xLabel: 'epoch',
    yLabel: 'loss',
    log: true,
    lines: [
      { label: 'train (step)', color: 'rgba(37,99,235,0.28)', width: 1 },
      { label: 'train', color: TRAIN_COLOR, width: 2.2 },
      { label: 'validation', color: VAL_COLOR, width: 2.2 },
    ],
  });
  private readonly accuracyChart = new LineChart($('acc-chart'), {
    xLabel: 'epoch',
    yLabel: 'accuracy',
    percent: true,
    lines: [
      { label: 'train', color: TRAIN_COLOR, width: 2.2 },
      { label: 'validation', color: VAL_COLOR, width: 2.2 },
    ],
  });
  private experiment: Experiment | null = null;
  private digits: DigitsGrid | null = null;
  private predictionCanvas: HTMLCanvasElement | null = null;
  private readonly grid: number[][] = boundaryGrid(BOUNDARY_RESOLUTION);
  private scaledGrid: { for: Experiment; rows: number[][] } | null = null;
  private startedAt = 0;

  constructor() {
    $<HTMLInputElement>('log-scale').addEventListener('change', (e) =>
      this.lossChart.setLog((e.target as HTMLInputElement).checked),
    );
    new ResizeObserver(() => this.renderModel()).observe($('network'));
  }

  /** A new run (or a new choice of data set): empty charts, the untrained model. */
  reset(experiment: Experiment, state: RunState): void {
    this.experiment = experiment;
    this.startedAt = performance.now();
    const panel = $('predictions');
    panel.replaceChildren();
    this.digits = null;
    this.predictionCanvas = null;
    if (experiment.kind === 'digits') {
      this.digits = new DigitsGrid(panel);
      $('pred-title').textContent = 'Test digits, live predictions';
      $('pred-note').textContent = 'green: right · red: wrong';
    } else {
      this.predictionCanvas = document.createElement('canvas');
      panel.append(this.predictionCanvas);
      $('pred-title').textContent =
        experiment.kind === 'toy' ? 'Decision boundary' : 'Validation predictions';
      $('pred-note').textContent =
        experiment.kind === 'toy'
          ? 'P(orange) over the plane · ● train ○ validation'
          : 'each dot a validation sample';
    }
    $('net-note').textContent = `${experiment.parameterCount.toLocaleString('en-US')} parameters`;
    this.render(state, 'idle');
    this.renderModel();
  }

  /** Redraws everything the event stream drives (called at most once per animation frame). */
  render(state: RunState, status: string): void {
    const x = state.loss.x;
    this.lossChart.setData(x, [state.loss.step, state.loss.train, state.loss.val]);
    this.accuracyChart.setData(state.accuracy.x, [state.accuracy.train, state.accuracy.val]);
    $('loss-empty').hidden = x.length > 0;
    $('acc-empty').hidden = state.accuracy.x.length > 0;
    const chart = $('loss-chart');
    chart.dataset.points = String(x.length);
    chart.dataset.epochs = String(state.epochs);
    chart.dataset.firstLoss = String(state.firstEpochLoss ?? '');
    chart.dataset.lastLoss = String(state.trainLoss ?? '');
    $('t-loss').textContent = lossText(state.trainLoss);
    $('t-val-loss').textContent = lossText(state.valLoss);
    $('t-acc').textContent = percentText(state.trainAccuracy);
    $('t-val-acc').textContent = percentText(state.valAccuracy);
    $('m-epoch').textContent = state.steps ? `${state.epochs} / ${state.totalEpochs}` : '–';
    $('m-step').textContent = state.steps ? state.steps.toLocaleString('en-US') : '–';
    const seconds = (performance.now() - this.startedAt) / 1000;
    if (status === 'running' || status === 'paused') {
      $('m-time').textContent = formatTime(seconds);
      if (status === 'running' && seconds > 0.5)
        $('m-rate').textContent = Math.round(state.steps / seconds).toLocaleString('en-US');
    }
    $('progress-bar').style.width = `${(state.progress * 100).toFixed(1)}%`;
    const log = $('events');
    log.dataset.controls = state.controls.join(' ');
    log.replaceChildren(
      ...state.recent.map((line) => {
        const div = document.createElement('div');
        div.className = line.startsWith('{"type":"step"')
          ? 'step'
          : line.startsWith('{"type":"epoch"')
            ? 'epoch'
            : 'other';
        div.textContent = line;
        return div;
      }),
    );
  }

  /** The boundary grid scaled as the experiment's inputs (computed once per experiment). */
  private gridInputs(ex: Experiment): number[][] {
    if (this.scaledGrid?.for !== ex) this.scaledGrid = { for: ex, rows: ex.prepare(this.grid) };
    return this.scaledGrid.rows;
  }

  /** Redraws what the model's weights drive: predictions and the network drawing. */
  renderModel(): void {
    const ex = this.experiment;
    if (!ex) return;
    if (ex.kind === 'toy' && this.predictionCanvas) {
      const p = ex.predict(this.gridInputs(ex)).map((row) => row[1]);
      drawBoundary(this.predictionCanvas, p, BOUNDARY_RESOLUTION, ex.points);
    } else if (ex.kind === 'breastCancer' && this.predictionCanvas) {
      const p = ex.predict(ex.validationInputs).map((row) => row[1]);
      drawProbabilityStrip(
        this.predictionCanvas,
        p,
        ex.validationLabels,
        ex.classNames as [string, string],
      );
    } else if (ex.kind === 'digits' && this.digits) {
      const probabilities = ex.predict(ex.validationInputs.slice(0, 40));
      this.digits.render(
        probabilities.map((p, i) => {
          const guess = p.indexOf(Math.max(...p));
          return {
            pixels: ex.validationRaw[i],
            label: ex.validationLabels[i],
            guess: ex.trained ? guess : null,
            confidence: p[guess],
          };
        }),
      );
    }
    drawNetwork($<HTMLCanvasElement>('network'), ex.sizes, ex.layerWeights(), ex.networkLabels);
  }
}

function formatTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
