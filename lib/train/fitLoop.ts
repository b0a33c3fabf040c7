import { inContext } from '../core/index.js';
import type { Batch } from '../data/batches.js';
import type { Module } from '../nn/Module.js';
import type { FitConfig } from './checkFitOptions.js';
import { applyCommand, type ControlCommand, type RunGate } from './control.js';
import { evaluateEpoch } from './evaluateEpoch.js';
import type { EpochEvent, TrainEvent } from './events.js';
import { prepareData } from './prepareData.js';
import { StepEngine } from './StepEngine.js';
import { BOUNDARY, type Sliced, WAIT } from './scheduleInSlices.js';
import { checkResumable } from './snapshot.js';

const WHERE = 'fit';

/**
 * One run of `fit` as a sequence, from the start event to the last epoch event: the training
 * loop, written as a loop. It yields each event, and `BOUNDARY` between steps, where the
 * scheduler may end a time slice; control commands come in as the results of its `yield`s and
 * are answered where they arrive, at a step boundary (a paused or held run yields `WAIT` until
 * it may go on). Driven by `scheduleInSlices`; it trains `model` in place and leaves it in its
 * former mode, with the weights of the last completed step, however it ends.
 */
export function* fitLoop(
  model: Module,
  config: FitConfig,
): Generator<Sliced<TrainEvent>, void, ControlCommand | undefined> {
  const { epochs, batchSize, emitEvery, seed, scheduler } = config;
  const engine = new StepEngine(model, config.optimizer, config.lossFn, WHERE);
  const { train, val, batches, dataRng } = inContext(WHERE, () =>
    prepareData(config.data, config, WHERE),
  );
  const stepsPerEpoch = batches.length;
  let epoch = 0; // completed epochs
  let batch = 0; // completed steps of the current epoch
  let lossSum = 0; // Σ loss × batch size over them
  let epochRng = dataRng.state(); // the data order's generator when the current epoch began
  let gate: RunGate = { paused: false, holds: 0 };
  const step = () => epoch * stepsPerEpoch + batch;
  const snapshot = () =>
    engine.snapshot({ epoch, step: step() }, batch > 0 ? epochRng : dataRng.state(), {
      batch,
      lossSum,
      samples: Math.min(batch * batchSize, train.length),
      seed,
      batchSize,
      stepsPerEpoch,
      trainSamples: train.length,
    });

  /**
   * Yields `value`, then answers the commands that arrive here, and waits here while paused or
   * held. After a command it yields `BOUNDARY` (or `WAIT`) before going on. True when stopped.
   */
  function* at(
    value: TrainEvent | typeof BOUNDARY,
  ): Generator<Sliced<TrainEvent>, boolean, ControlCommand | undefined> {
    let input = yield value;
    if (input === undefined) return false;
    for (;;) {
      if (input !== undefined) {
        const command = input;
        const [next, answer] = applyCommand(command, {
          engine,
          gate,
          epoch,
          step: step(),
          snapshot,
        });
        gate = next;
        input = answer ? yield answer : undefined;
        if (command.type === 'stop') return true;
      } else {
        const waiting = gate.paused || gate.holds > 0;
        input = yield waiting ? WAIT : BOUNDARY;
        if (input === undefined && !waiting) return false;
      }
    }
  }

  const resume = config.resumeFrom;
  if (resume) {
    const p = checkResumable(resume, {
      ...config,
      trainSamples: train.length,
      stepsPerEpoch,
      where: WHERE,
    });
    engine.restore(resume);
    if (resume.rng.data) dataRng.setState(resume.rng.data);
    ({ epoch } = resume);
    ({ batch, lossSum } = p);
  }
  const wasTraining = model.training;
  model.train();
  try {
    const start: TrainEvent = {
      type: 'start',
      epochs,
      stepsPerEpoch,
      samples: train.length,
      valSamples: val?.length ?? 0,
      epoch,
      step: step(),
      ...(resume?.operators ? { operators: resume.operators } : {}),
    };
    if (yield* at(start)) return;
    while (epoch < epochs) {
      if (yield* at(BOUNDARY)) return;
      const began = scheduler.now();
      epochRng = dataRng.state();
      const order = batches[Symbol.iterator]();
      for (let b = 0; b < batch; b++) order.next(); // resumed inside the epoch
      while (batch < stepsPerEpoch) {
        const { x, y } = order.next().value as Batch;
        const loss = engine.step(x, y, { step: step() + 1, epoch: epoch + 1 });
        lossSum += loss * x.shape[0];
        batch++;
        if (emitEvery > 0 && step() % emitEvery === 0) {
          if (yield* at({ type: 'step', epoch: epoch + 1, step: step(), loss })) return;
        }
        if (batch < stepsPerEpoch && (yield* at(BOUNDARY))) return;
      }
      const end = { step: step(), epoch: epoch + 1 };
      const loss = lossSum / Math.min(batch * batchSize, train.length);
      if (!Number.isFinite(loss)) {
        const overflow = `the mean loss of epoch ${end.epoch} is ${loss}`;
        throw engine.nonFinite(`${overflow}: the sum of its finite step losses overflowed`, end);
      }
      const scores = inContext(WHERE, () =>
        evaluateEpoch(engine, { train, val }, config.metrics, Math.max(batchSize, 256), end),
      );
      const event: EpochEvent = {
        type: 'epoch',
        ...end,
        loss,
        ...scores,
        lr: config.optimizer.lr,
        elapsedMs: scheduler.now() - began,
      };
      epoch++;
      batch = 0;
      lossSum = 0;
      if (yield* at(event)) return;
    }
  } finally {
    model.zeroGrad();
    model.train(wasTraining);
  }
}
