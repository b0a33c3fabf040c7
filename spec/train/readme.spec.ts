import { filter, tap, throttleTime } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  adam,
  Dataset,
  datasets,
  type EpochEvent,
  earlyStopping,
  evaluate,
  fit,
  mlp,
  reshape,
  standardScaler,
  type TrainEvent,
  trainTestSplit,
} from '../../lib/index.js';

// The README's example (briefs/README-train.md), run on the breast-cancer data.
describe('README: fit with earlyStopping and a throttled view', () => {
  it('trains, stops early with the best weights, and shows a throttled view of the epochs', async () => {
    const all = datasets.breastCancer();
    const y = reshape(all.y, [-1, 1]);
    const split = trainTestSplit(new Dataset(all.x, y), { testFraction: 0.2, seed: 42 });
    const scaler = standardScaler().fit(split.train.x);
    const train = new Dataset(scaler.transform(split.train.x), split.train.y);
    const test = new Dataset(scaler.transform(split.test.x), split.test.y);
    const model = mlp([30, 16, 1], { outputActivation: 'sigmoid', seed: 0 });
    const shown: string[] = [];
    const show = (line: string) => shown.push(line);
    const events: TrainEvent[] = [];

    await new Promise<void>((resolve, reject) => {
      fit(model, train, {
        loss: 'binaryCrossEntropy',
        optimizer: adam(model.parameters(), { lr: 0.01 }),
        epochs: 200,
        batchSize: 32,
        validation: 0.2,
        metrics: ['binaryAccuracy'],
        seed: 0,
      })
        .pipe(
          earlyStopping({ monitor: 'valLoss', patience: 10, restoreBest: true, model }),
          tap((e) => events.push(e)), // (not in the README: what the test checks against)
          filter((e): e is EpochEvent => e.type === 'epoch'),
          throttleTime(250, undefined, { leading: true, trailing: true }),
        )
        .subscribe({
          next: (e) => show(`epoch ${e.epoch}: loss ${e.loss}, val ${e.valLoss}`),
          error: reject,
          complete: () => {
            show('done: the model holds the best weights');
            resolve();
          },
        });
    });

    const stop = events.at(-1);
    expect(stop).toMatchObject({ type: 'earlyStop', monitor: 'valLoss', restored: true });
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    expect(epochs.length).toBeLessThan(200);
    expect(shown[0]).toBe(`epoch 1: loss ${epochs[0].loss}, val ${epochs[0].valLoss}`);
    expect(shown.at(-2)).toBe(
      `epoch ${epochs.length}: loss ${epochs.at(-1)!.loss}, val ${epochs.at(-1)!.valLoss}`,
    );
    expect(shown.length).toBeLessThanOrEqual(epochs.length + 1);
    expect(shown.at(-1)).toBe('done: the model holds the best weights');
    expect(evaluate(model, test, ['binaryAccuracy']).metrics.binaryAccuracy).toBeGreaterThan(0.9);
  });
});
