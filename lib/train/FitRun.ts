import type { Observable, SchedulerLike, Subscriber, Subscription } from 'rxjs';
import type { Random, RandomState } from '../core/index.js';
import type { Batch, Batches } from '../data/batches.js';
import type { Dataset } from '../data/Dataset.js';
import type { Module } from '../nn/Module.js';
import type { Optimizer } from '../optim/Optimizer.js';
import { type ControlCommand, checkCommand } from './control.js';
import { evaluateResolved } from './evaluate.js';
import type { EpochEvent, TrainEvent } from './events.js';
import { prepareData } from './prepareData.js';
import { RunCore } from './RunCore.js';
import type { LossFn } from './resolveLoss.js';
import type { MetricFn } from './resolveMetrics.js';
import {
  checkResumable,
  loadModuleRngStates,
  type Snapshot,
  type SnapshotPosition,
} from './snapshot.js';
import { linkRun } from './TrainRun.js';

/** `fit`'s options after checking. */
export interface FitConfig {
  readonly lossFn: LossFn;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly seed: number;
  readonly validation: Dataset | number | undefined;
  readonly metrics: readonly [string, MetricFn][];
  /** A step event every `emitEvery` steps; 0 for none. */
  readonly emitEvery: number;
  readonly scheduler: SchedulerLike;
  readonly sliceMs: number;
  readonly control$: Observable<ControlCommand> | undefined;
  readonly resumeFrom: Snapshot | undefined;
}

const WHERE = 'fit';

/**
 * One subscription to `fit`: the training loop as a state machine advanced in slices on the
 * scheduler. A slice runs whole steps until its time budget is spent, then schedules the next
 * one, so the thread stays responsive. Events are emitted synchronously at step boundaries;
 * after each, the loop checks whether the subscriber left, paused or stopped it.
 */
export class FitRun extends RunCore {
  private readonly wasTraining: boolean;
  private started = false;
  private tornDown = false;
  private busy = false;
  private scheduled = 0;
  private scheduleCount = 0;
  private pendingSlice: Subscription | null = null;
  private controlSubscription: Subscription | null = null;
  private readonly commands: ControlCommand[] = [];
  private dataRng: Random | null = null;
  private train: Dataset | null = null;
  private val: Dataset | null = null;
  private batches: Batches | null = null;
  private iter: Iterator<Batch> | null = null;
  private epochRng: RandomState | null = null;
  private stepsPerEpoch = 0;
  private batchIndex = 0;
  private lossSum = 0;
  private samples = 0;
  private epochStart = 0;

  constructor(
    model: Module,
    optimizer: Optimizer,
    private readonly data: Dataset,
    private readonly config: FitConfig,
    private readonly subscriber: Subscriber<TrainEvent>,
  ) {
    super(model, optimizer, config.lossFn, WHERE);
    this.wasTraining = model.training;
  }

  override get closed(): boolean {
    return this.ended || this.subscriber.closed;
  }

  /** Starts the run: claims the model, listens to `control$`, schedules the first slice. */
  start(): void {
    try {
      this.claimModel();
    } catch (error) {
      this.ended = true;
      this.subscriber.error(error);
      return;
    }
    this.controlSubscription =
      this.config.control$?.subscribe({
        next: (c) => this.command(c),
        error: (e) => this.fail(e),
      }) ?? null;
    this.scheduleSlice();
  }

  /** The teardown: cancels what is scheduled, stops listening, releases the model and the data. */
  teardown(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    this.ended = true;
    this.cancelSlice();
    this.controlSubscription?.unsubscribe();
    this.controlSubscription = null;
    if (this.started) {
      this.model.zeroGrad();
      this.model.train(this.wasTraining);
    }
    this.releaseModel();
    this.train = this.val = this.batches = null;
    this.iter = null;
  }

  protected override wake(): void {
    if (!this.busy && this.started) this.continueOrFinish();
  }

  protected override dataRngState(): RandomState | null {
    return this.iter ? this.epochRng : (this.dataRng?.state() ?? null);
  }

  protected override position(): SnapshotPosition {
    return {
      batch: this.batchIndex,
      lossSum: this.lossSum,
      samples: this.samples,
      seed: this.config.seed,
      batchSize: this.config.batchSize,
      stepsPerEpoch: this.stepsPerEpoch,
      trainSamples: this.train?.length ?? 0,
    };
  }

  private scheduleSlice(): void {
    if (this.scheduled !== 0 || this.closed) return;
    const id = ++this.scheduleCount;
    this.scheduled = id;
    const action = this.config.scheduler.schedule(() => {
      if (this.scheduled !== id) return;
      this.scheduled = 0;
      this.pendingSlice = null;
      this.slice();
    });
    // NOTE: a synchronous scheduler (queueScheduler) may already have run the slice here.
    if (this.scheduled === id) this.pendingSlice = action;
  }

  private cancelSlice(): void {
    this.scheduled = 0;
    this.pendingSlice?.unsubscribe();
    this.pendingSlice = null;
  }

  private slice(): void {
    if (this.closed) return;
    const { scheduler, sliceMs } = this.config;
    this.busy = true;
    try {
      const t0 = scheduler.now();
      let spent = false;
      if (!this.started) {
        this.setup();
        spent = scheduler.now() - t0 >= sliceMs;
      }
      while (!spent) {
        this.drainCommands();
        if (this.closed || this.paused || this.stopRequested) break;
        this.unit();
        spent = this.closed || scheduler.now() - t0 >= sliceMs;
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
    this.continueOrFinish();
  }

  private continueOrFinish(): void {
    if (this.closed) return;
    if (this.stopRequested) this.finish();
    else if (this.paused) this.cancelSlice();
    else this.scheduleSlice();
  }

  private emit(event: TrainEvent): void {
    if (this.closed) return;
    this.subscriber.next(linkRun(event, this));
  }

  private finish(): void {
    if (this.closed) return;
    this.teardown();
    this.subscriber.complete();
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.teardown();
    this.subscriber.error(error);
  }

  private command(raw: unknown): void {
    if (this.closed) return;
    let c: ControlCommand;
    try {
      c = checkCommand(raw, WHERE);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.busy || !this.started) {
      this.commands.push(c);
      return;
    }
    try {
      this.apply(c);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.continueOrFinish();
  }

  private drainCommands(): void {
    while (this.commands.length > 0 && !this.closed) this.apply(this.commands.shift()!);
  }

  private apply(c: ControlCommand): void {
    if (c.type === 'pause') {
      if (this.pausedByUser) return;
      this.pausedByUser = true;
    } else if (c.type === 'resume') {
      if (!this.pausedByUser) return;
      this.pausedByUser = false;
    } else if (c.type === 'stop') {
      this.stopRequested = true;
    } else {
      this.setLearningRate(c.lr);
    }
    this.emit({
      type: 'control',
      command: c.type,
      epoch: this.epoch,
      step: this.step,
      lr: this.optimizer.lr,
    });
  }

  /** The first slice: split, checks, resume, the start event. */
  private setup(): void {
    const { config } = this;
    const prepared = prepareData(this.data, config, WHERE);
    const { train, val } = prepared;
    this.train = train;
    this.val = val;
    this.batches = prepared.batches;
    this.dataRng = prepared.dataRng;
    this.stepsPerEpoch = prepared.batches.length;
    if (config.resumeFrom) this.resumeFrom(config.resumeFrom);
    this.model.train();
    this.started = true;
    this.emit({
      type: 'start',
      epochs: config.epochs,
      stepsPerEpoch: this.stepsPerEpoch,
      samples: train.length,
      valSamples: val?.length ?? 0,
      epoch: this.epoch,
      step: this.step,
    });
    if (this.epoch >= config.epochs && this.batchIndex === 0) this.stopRequested = true;
  }

  /** Continues from a snapshot: weights, optimiser, generators, counts, position in the epoch. */
  private resumeFrom(s: Snapshot): void {
    const p = checkResumable(s, {
      seed: this.config.seed,
      batchSize: this.config.batchSize,
      trainSamples: this.train!.length,
      stepsPerEpoch: this.stepsPerEpoch,
      epochs: this.config.epochs,
      where: WHERE,
    });
    // NOTE: all or nothing: a snapshot that does not fit leaves the model and optimiser as they were
    const weights = this.weights();
    const optimizerState = this.optimizer.state();
    try {
      this.loadWeights(s.weights);
      this.optimizer.loadState(s.optimizer);
      loadModuleRngStates(this.model, s.rng.modules, `${WHERE} (resumeFrom)`);
    } catch (error) {
      this.loadWeights(weights);
      this.optimizer.loadState(optimizerState);
      throw error;
    }
    if (this.dataRng && s.rng.data) this.dataRng.setState(s.rng.data);
    this.epoch = s.epoch;
    this.step = s.step;
    if (p.batch > 0) {
      this.beginEpoch();
      for (let b = 0; b < p.batch; b++) this.iter!.next();
      this.batchIndex = p.batch;
      this.lossSum = p.lossSum;
      this.samples = p.samples;
    }
  }

  private beginEpoch(): void {
    this.epochRng = this.dataRng?.state() ?? null;
    this.iter = this.batches![Symbol.iterator]();
    this.batchIndex = 0;
    this.lossSum = 0;
    this.samples = 0;
    this.epochStart = this.config.scheduler.now();
  }

  /** One step (and, after the epoch's last one, the end of the epoch). */
  private unit(): void {
    if (this.batchIndex < this.stepsPerEpoch) {
      if (this.iter === null) this.beginEpoch();
      const { x, y } = this.iter!.next().value as Batch;
      const loss = this.trainStep(x, y, this.epoch + 1);
      const n = x.shape[0];
      this.lossSum += loss * n;
      this.samples += n;
      this.batchIndex++;
      const every = this.config.emitEvery;
      if (every > 0 && this.step % every === 0) {
        this.emit({ type: 'step', epoch: this.epoch + 1, step: this.step, loss });
      }
      if (this.closed || this.paused || this.stopRequested || this.commands.length > 0) return;
    }
    if (this.batchIndex === this.stepsPerEpoch) this.endEpoch();
  }

  private endEpoch(): void {
    const { config, model } = this;
    const evalBatch = Math.max(config.batchSize, 256);
    const metrics = config.metrics.length
      ? evaluateResolved(model, this.train!, config.metrics, undefined, evalBatch, WHERE).metrics
      : {};
    const val = this.val
      ? evaluateResolved(model, this.val, config.metrics, config.lossFn, evalBatch, WHERE)
      : null;
    const event: EpochEvent = {
      type: 'epoch',
      epoch: this.epoch + 1,
      step: this.step,
      loss: this.lossSum / this.samples,
      metrics,
      ...(val ? { valLoss: val.loss, valMetrics: val.metrics } : {}),
      lr: this.optimizer.lr,
      elapsedMs: config.scheduler.now() - this.epochStart,
    };
    this.epoch++;
    this.iter = null;
    this.batchIndex = 0;
    this.lossSum = 0;
    this.samples = 0;
    this.emit(event);
    if (this.epoch >= config.epochs) this.stopRequested = true;
  }
}
