import { adam, type ControlCommand, fit, type Optimizer, sgd, type TrainEvent } from 'rxgrad';
import type { Observable } from 'rxjs';
import type { Experiment } from './experiment.js';

/** The optimiser the config names, over the model's parameters. */
function optimizerOf(ex: Experiment): Optimizer {
  const { optimizer, lr } = ex.config;
  const params = ex.model.parameters();
  if (optimizer === 'adam') return adam(params, { lr });
  return sgd(params, { lr, momentum: optimizer === 'momentum' ? 0.9 : 0 });
}

/**
 * The run the worker serves: `fit` on the experiment's data, softmax cross-entropy, accuracy
 * on the training and validation sets after each epoch, and a step event every few steps.
 */
export function trainRun(
  ex: Experiment,
  control$: Observable<ControlCommand>,
): Observable<TrainEvent> {
  return fit(ex.model, ex.train, {
    loss: 'crossEntropy',
    optimizer: optimizerOf(ex),
    epochs: ex.config.epochs,
    batchSize: ex.config.batchSize,
    seed: ex.config.seed,
    validation: ex.validation,
    metrics: ['accuracy'],
    emit: Math.max(1, Math.floor(ex.stepsPerEpoch / 4)),
    control$,
  });
}
