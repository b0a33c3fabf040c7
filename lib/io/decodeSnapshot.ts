import type { Tensor } from '../autograd/index.js';
import { excerpt, FormatError, inContext, Random } from '../core/index.js';
import { decodeSafetensors } from './decodeSafetensors.js';
import { MANIFEST_KEY, parseManifest } from './manifest.js';
import { optimizerTensorNames, savedOptimizerState } from './optimizerTensors.js';
import { getOwn, quoteName, setOwn } from './records.js';
import type { Snapshot } from './Snapshot.js';

/**
 * The trainer snapshot stored by `encodeSnapshot`, ready for `fit(..., { resumeFrom })`.
 * Checks the file (`FormatError` naming what is wrong: structure, missing weights or buffers,
 * invalid RNG states) before returning anything; the weights come back bit for bit.
 *
 * @example
 * const snapshot = decodeSnapshot(await readFile('ckpt.safetensors'));
 * fit(model, data, { loss: 'mse', optimizer: opt, epochs: 20, resumeFrom: snapshot });
 */
export function decodeSnapshot(bytes: Uint8Array | ArrayBuffer): Snapshot {
  const where = 'decodeSnapshot';
  const { tensors, metadata } = inContext(where, () => decodeSafetensors(bytes));
  const text = metadata[MANIFEST_KEY];
  if (text === undefined) throw new FormatError(`${where}: the file has no rxgrad manifest`);
  const manifest = parseManifest(text, where);
  const rest = manifest.snapshot as Record<string, unknown> | undefined;
  if (
    rest === undefined ||
    rest === null ||
    typeof rest !== 'object' ||
    rest.format !== 'rxgrad.snapshot'
  ) {
    throw new FormatError(
      `${where}: the file holds a model saved by save(), not a checkpoint snapshot`,
    );
  }
  if (rest.version !== 1)
    throw new FormatError(
      `${where}: unsupported snapshot version, expected 1, got ${excerpt(rest.version)}`,
    );
  for (const key of ['epoch', 'step']) {
    if (!Number.isInteger(rest[key]) || (rest[key] as number) < 0) {
      throw new FormatError(
        `${where}: ${key} must be a non-negative integer, got ${excerpt(rest[key])}`,
      );
    }
  }
  checkRngs(rest.rng, where);
  if (manifest.optimizer === null)
    throw new FormatError(`${where}: the snapshot has no optimiser state`);
  const optimizer = savedOptimizerState(manifest.optimizer, tensors, where);
  const weights: Record<
    string,
    { shape: readonly number[]; dtype: Tensor['dtype']; data: Tensor['data'] }
  > = {};
  for (const name of manifest.parameters) {
    const t = getOwn(tensors, name);
    if (t === undefined)
      throw new FormatError(`${where}: the file has no tensor for weight ${quoteName(name)}`);
    setOwn(weights, name, { shape: [...t.shape], dtype: t.dtype, data: t.data });
  }
  const buffers = optimizerTensorNames(manifest.optimizer);
  const stray = Object.keys(tensors).find((k) => !Object.hasOwn(weights, k) && !buffers.has(k));
  if (stray !== undefined)
    throw new FormatError(
      `${where}: tensor ${quoteName(stray)} is neither a weight nor an optimiser buffer`,
    );
  return { ...(rest as unknown as Snapshot), weights, optimizer };
}

function checkRngs(rng: unknown, where: string): void {
  const r = rng as Snapshot['rng'];
  if (r === null || typeof r !== 'object' || typeof r.modules !== 'object' || r.modules === null) {
    throw new FormatError(`${where}: rng must be { data, modules }, got ${excerpt(rng)}`);
  }
  const states = [
    ...(r.data === null ? [] : [['data', r.data] as const]),
    ...Object.entries(r.modules),
  ];
  for (const [name, state] of states) {
    try {
      Random.fromState(state);
    } catch (e) {
      throw new FormatError(`${where}: rng ${quoteName(name)}: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
}
