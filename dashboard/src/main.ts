import { fitInWorker, requestWeights, type WorkerControl } from 'rxgrad';
import {
  animationFrameScheduler,
  auditTime,
  interval,
  Subject,
  type Subscription,
  share,
  takeUntil,
  tap,
} from 'rxjs';
import './style.css';
import {
  type ActivationChoice,
  DEMO_DEFAULTS,
  type DemoName,
  lrFromSlider,
  type OptimizerChoice,
  parseHidden,
  type RunConfig,
} from './config.js';
import { buildExperiment, type Experiment } from './experiment.js';
import { RunState } from './runState.js';
import { DashboardView } from './view.js';

type Status = 'idle' | 'running' | 'paused' | 'stopped' | 'done' | 'error';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const demo = $<HTMLSelectElement>('demo');
const hidden = $<HTMLInputElement>('hidden');
const activation = $<HTMLSelectElement>('activation');
const optimizer = $<HTMLSelectElement>('optimizer');
const lr = $<HTMLInputElement>('lr');
const batchSize = $<HTMLSelectElement>('batchSize');
const epochs = $<HTMLInputElement>('epochs');
const seed = $<HTMLInputElement>('seed');
const startButton = $<HTMLButtonElement>('start');
const pauseButton = $<HTMLButtonElement>('pause');
const stopButton = $<HTMLButtonElement>('stop');

/** Spawns the training worker (Vite bundles it from this URL). */
const spawn = () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });

const view = new DashboardView();
let status: Status = 'idle';
let experiment: Experiment | null = null;
let state = new RunState(1, 1);
let run: Subscription | null = null;
let control$: Subject<WorkerControl> | null = null;

/** The run configuration from the form, or the reason it is invalid. */
function readConfig(): RunConfig | string {
  const sizes = parseHidden(hidden.value);
  if (typeof sizes === 'string') return sizes;
  const e = Number(epochs.value);
  if (!Number.isInteger(e) || e < 1 || e > 2000)
    return 'epochs must be a whole number from 1 to 2000';
  return {
    demo: demo.value as DemoName,
    hidden: sizes,
    activation: activation.value as ActivationChoice,
    optimizer: optimizer.value as OptimizerChoice,
    lr: lrFromSlider(Number(lr.value)),
    batchSize: Number(batchSize.value),
    epochs: e,
    seed: Math.max(0, Math.trunc(Number(seed.value) || 0)),
  };
}

function setStatus(next: Status, detail?: string): void {
  status = next;
  const pill = $('status');
  pill.dataset.state = next;
  pill.textContent =
    detail ??
    {
      idle: 'Idle',
      running: 'Training',
      paused: 'Paused',
      stopped: 'Stopped',
      done: 'Done',
      error: 'Error',
    }[next];
  pill.title = detail ?? '';
  const active = next === 'running' || next === 'paused';
  startButton.disabled = active;
  startButton.textContent =
    next === 'stopped' || next === 'done' || next === 'error' ? 'Restart' : 'Start';
  pauseButton.disabled = !active;
  pauseButton.textContent = next === 'paused' ? 'Resume' : 'Pause';
  stopButton.disabled = !active;
  for (const el of [demo, hidden, activation, optimizer, batchSize, epochs, seed])
    el.disabled = active;
}

/** Shows the untrained model of the current form (on load and when the form changes). */
function preview(): void {
  const config = readConfig();
  const hint = $('hidden-hint');
  hint.textContent =
    typeof config === 'string'
      ? config
      : `layers: ${[inputsOf(config.demo), ...config.hidden, '…'].join(' → ')}`;
  if (typeof config !== 'string' && config.demo === 'digitsCnn') {
    hint.textContent = `layers: 1×8×8 → conv 16 · pool → conv 32 · pool → ${[128, ...config.hidden, '…'].join(' → ')}`;
  }
  hint.classList.toggle('error', typeof config === 'string');
  hidden.setAttribute('aria-invalid', String(typeof config === 'string'));
  startButton.disabled = typeof config === 'string' || status === 'running' || status === 'paused';
  if (typeof config === 'string' || status === 'running' || status === 'paused') return;
  experiment = buildExperiment(config);
  state = new RunState(experiment.stepsPerEpoch, config.epochs);
  view.reset(experiment, state);
}

const inputsOf = (d: DemoName) => (d === 'digits' ? 64 : d === 'breastCancer' ? 30 : 2);

function start(): void {
  const config = readConfig();
  if (typeof config === 'string') return;
  stop(false);
  experiment = buildExperiment(config);
  const ex = experiment;
  state = new RunState(ex.stepsPerEpoch, config.epochs);
  view.reset(ex, state);
  const controls = new Subject<WorkerControl>();
  control$ = controls;
  const finished$ = new Subject<void>();
  const events$ = fitInWorker(spawn, config, {
    control$: controls,
    model: ex.model,
    onWeights: () => {
      ex.trained = true;
      modelDirty$.next();
    },
  }).pipe(share());
  setStatus('running');
  // The charts read the stream at most once per animation frame, whatever the event rate.
  run = events$
    .pipe(
      tap((e) => state.apply(e)),
      auditTime(0, animationFrameScheduler),
    )
    .subscribe({
      next: () => view.render(state, status),
      error: (error: Error) => {
        finished$.next();
        view.render(state, status);
        setStatus('error', `${error.name}: ${error.message}`);
      },
      complete: () => {
        finished$.next();
        view.render(state, status);
        setStatus('done');
      },
    });
  // The worker sends its current weights a few times a second, for predictions and the drawing.
  run.add(
    interval(250)
      .pipe(takeUntil(finished$))
      .subscribe(() => status === 'running' && controls.next(requestWeights)),
  );
}

/** Stop is unsubscribe(): the worker is terminated at once. */
function stop(showStatus = true): void {
  if (!run) return;
  run.unsubscribe();
  run = null;
  control$ = null;
  if (showStatus) {
    view.render(state, status);
    setStatus('stopped');
  }
}

function togglePause(): void {
  if (status === 'running') {
    control$?.next({ type: 'pause' });
    setStatus('paused');
  } else if (status === 'paused') {
    control$?.next({ type: 'resume' });
    setStatus('running');
  }
}

const modelDirty$ = new Subject<void>();
modelDirty$.pipe(auditTime(0, animationFrameScheduler)).subscribe(() => view.renderModel());

function showLr(): void {
  $('lr-out').textContent = String(lrFromSlider(Number(lr.value)));
}

function applyDefaults(): void {
  const d = DEMO_DEFAULTS[demo.value as DemoName];
  hidden.value = d.hidden.join(', ');
  activation.value = d.activation;
  optimizer.value = d.optimizer;
  lr.value = String(Math.log10(d.lr));
  batchSize.value = String(d.batchSize);
  epochs.value = String(d.epochs);
  $('demo-hint').textContent = d.hint;
  showLr();
}

demo.addEventListener('change', () => {
  applyDefaults();
  preview();
});
for (const el of [hidden, activation, batchSize, epochs, seed, optimizer])
  el.addEventListener('input', preview);
lr.addEventListener('input', () => {
  showLr();
  // The learning rate is the one setting that may change during a run.
  if (status === 'running' || status === 'paused')
    control$?.next({ type: 'setLearningRate', lr: lrFromSlider(Number(lr.value)) });
});
startButton.addEventListener('click', start);
pauseButton.addEventListener('click', togglePause);
stopButton.addEventListener('click', () => stop());
document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement && e.target.type !== 'range';
  if (e.code === 'Space' && !typing && !(e.target instanceof HTMLSelectElement)) {
    e.preventDefault();
    togglePause();
  }
});

applyDefaults();
setStatus('idle');
preview();
