import type { TrainEvent } from 'rxgrad';

/**
 * What the page has learnt from a run's event stream so far: the chart series (one x axis in
 * epochs, shared by per-step and per-epoch points), the latest numbers and the recent events.
 */
export class RunState {
  /** x (epochs), per-step train loss, per-epoch train loss, per-epoch validation loss. */
  readonly loss = {
    x: [] as number[],
    step: [] as (number | null)[],
    train: [] as (number | null)[],
    val: [] as (number | null)[],
  };
  /** x (epochs), per-epoch train and validation accuracy. */
  readonly accuracy = {
    x: [] as number[],
    train: [] as (number | null)[],
    val: [] as (number | null)[],
  };
  readonly recent: string[] = [];
  /** The control commands the run acknowledged (`control` events), in order. */
  readonly controls: string[] = [];
  /** Completed epochs and optimiser steps seen. */
  epochs = 0;
  steps = 0;
  events = 0;
  trainLoss: number | null = null;
  valLoss: number | null = null;
  trainAccuracy: number | null = null;
  valAccuracy: number | null = null;
  firstEpochLoss: number | null = null;

  constructor(
    public stepsPerEpoch: number,
    public totalEpochs: number,
  ) {}

  /**
   * Reads one event of `fit`'s stream: `epoch` counts completed epochs and `step` completed
   * steps over the run; step events are drawn at x = step / stepsPerEpoch.
   */
  apply(e: TrainEvent): void {
    this.events++;
    this.recent.push(JSON.stringify(e, round));
    if (this.recent.length > 8) this.recent.shift();
    if (e.type === 'start') {
      this.stepsPerEpoch = e.stepsPerEpoch;
      this.totalEpochs = e.epochs;
    } else if (e.type === 'control') {
      this.controls.push(e.command);
    } else if (e.type === 'step') {
      this.steps = e.step;
      this.push(e.step / this.stepsPerEpoch, e.loss, null, null);
    } else if (e.type === 'epoch') {
      this.epochs = e.epoch;
      this.steps = Math.max(this.steps, e.step);
      this.trainLoss = e.loss;
      this.firstEpochLoss ??= e.loss;
      this.valLoss = e.valLoss ?? null;
      this.trainAccuracy = e.metrics?.accuracy ?? null;
      this.valAccuracy = e.valMetrics?.accuracy ?? null;
      const x = Math.max(this.epochs, this.loss.x.at(-1) ?? 0);
      this.push(x, null, e.loss, this.valLoss);
      if (this.trainAccuracy !== null || this.valAccuracy !== null) {
        this.accuracy.x.push(this.epochs);
        this.accuracy.train.push(this.trainAccuracy);
        this.accuracy.val.push(this.valAccuracy);
      }
    }
  }

  /** Fraction of the planned epochs done. */
  get progress(): number {
    return Math.min(1, this.steps / (this.stepsPerEpoch * this.totalEpochs));
  }

  private push(x: number, step: number | null, train: number | null, val: number | null): void {
    this.loss.x.push(x);
    this.loss.step.push(step);
    this.loss.train.push(train);
    this.loss.val.push(val);
  }
}

function round(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value)
    ? Number(value.toPrecision(5))
    : value;
}
