import { lastValueFrom, queueScheduler, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fit, type TrainEvent } from '../../lib/index.js';
import { type ProgressStream, progressBar } from '../../lib/node/index.js';
import { line } from '../train/helpers.js';

/** A stream that records what is written to it, as a terminal (isTTY) or not. */
function recorder(isTTY: boolean): ProgressStream & { text: () => string; writes: string[] } {
  const writes: string[] = [];
  return {
    isTTY,
    columns: 120,
    write: (chunk: string) => writes.push(chunk),
    writes,
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's escape codes
    text: () => writes.join('').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, ''),
  };
}

const run = () => {
  const { model, data, optimizer } = line();
  return fit(model, data, {
    loss: 'mse',
    optimizer,
    epochs: 3,
    batchSize: 1,
    emit: 'step',
    shuffle: false,
    scheduler: queueScheduler,
  });
};

describe('progressBar (rxgrad/node)', () => {
  it('draws epoch, loss and ETA on a terminal, ends at 100%, and passes events through unchanged', async () => {
    const stream = recorder(true);
    const [plain, drawn] = await Promise.all([
      lastValueFrom(run().pipe(toArray())),
      lastValueFrom(run().pipe(progressBar({ stream }), toArray())),
    ]);
    const strip = (es: TrainEvent[]) =>
      es.map((e) => (e.type === 'epoch' ? { ...e, elapsedMs: 0 } : e));
    expect(strip(drawn)).toEqual(strip(plain));
    const text = stream.text();
    expect(text).toMatch(/epoch 1\/3 .* 0% \| loss - \| ETA/);
    // the last draw: 6 of 6 steps, with the loss of the last epoch
    const lastLoss = (plain.filter((e) => e.type === 'epoch').at(-1) as { loss: number }).loss;
    expect(text).toContain(`epoch 3/3`);
    expect(text).toMatch(/100% \| loss [0-9.e-]+ \| ETA 0s/);
    expect(text).toContain(`loss ${Number(lastLoss.toPrecision(5))}`);
  });

  it('draws nothing on a stream that is not a terminal, unless noTTYOutput is set', async () => {
    const quiet = recorder(false);
    await lastValueFrom(run().pipe(progressBar({ stream: quiet })));
    expect(quiet.writes).toEqual([]);
    const logged = recorder(false);
    await lastValueFrom(run().pipe(progressBar({ stream: logged, noTTYOutput: true })));
    expect(logged.text()).toMatch(/epoch 3\/3 .* 100%/);
  });

  it('stops the bar (and its redraw timer) when unsubscribed', async () => {
    const stream = recorder(true);
    const { model, data, optimizer } = line();
    const control$ = new Subject<{ type: 'pause' }>();
    const subscription = fit(model, data, {
      loss: 'mse',
      optimizer,
      epochs: 50,
      batchSize: 2,
      control$,
    })
      .pipe(progressBar({ stream, fps: 50 }))
      .subscribe();
    await new Promise((r) => setTimeout(r, 30));
    subscription.unsubscribe();
    const count = stream.writes.length;
    expect(count).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100)); // five redraw periods at 50 fps
    expect(stream.writes.length).toBe(count);
  });

  it('checks its options', () => {
    expect(() => progressBar({ stream: {} as never })).toThrow(/stream must be writable/);
    expect(() => progressBar({ fps: 0 })).toThrow(/fps must be a positive number/);
  });
});
