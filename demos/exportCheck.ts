/**
 * The export step of the breast-cancer and digits demos: the trained model is saved to
 * `<outDir>/model.safetensors` (atomically), loaded back, checked to predict bit for bit what
 * the original predicts, exported to `<outDir>/model.onnx` and run in ONNX Runtime, whose
 * outputs are compared with rxgrad's.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  exportOnnx,
  type MinMaxScaler,
  type Module,
  noGrad,
  type Optimizer,
  type StandardScaler,
  type Tensor,
} from '../lib/index.js';
import { loadFile, saveFile, writeFileAtomic } from '../lib/node/index.js';

type Scaler = StandardScaler | MinMaxScaler;

/** What to save, export and check. */
export interface ExportCheckOptions {
  outDir: string;
  log: (line: string) => void;
  model: Module;
  /** The inputs to compare the predictions on, as the user has them (before `scaler`). */
  x: Tensor;
  /** The scaler fitted on the training set: saved with the model and exported in front of it. */
  scaler?: Scaler;
  optimizer?: Optimizer;
  metadata?: Record<string, string>;
}

/** The agreement measured by `exportCheck` (NaN for the ONNX numbers when ONNX Runtime is missing). */
export interface ExportCheckResult {
  files: { weights: string; onnx: string };
  /** The original model's outputs on `x`. */
  predictions: Float32Array | Float64Array;
  /** ONNX Runtime's outputs on `x` (null when ONNX Runtime is missing). */
  onnxOutputs: Float32Array | Float64Array | null;
  numbers: {
    /** Outputs of the reloaded model that differ (bitwise) from the original's: 0 expected. */
    reloadMismatches: number;
    onnxMaxAbs: number;
    /** Largest |Δ|/|y| over the outputs with |y| ≥ atol/rtol (0.01 in float64, 0.1 in float32). */
    onnxMaxRel: number;
    /** 1 when every ONNX Runtime output has |Δ| ≤ atol + rtol·|y| (float64: 1e-14, 1e-12; float32: 1e-6, 1e-5). */
    onnxAgrees: number;
  };
}

/** `path` relative to the working folder when inside it, as the figures are printed. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Save → load → compare bit for bit → export to ONNX → run in ONNX Runtime → compare. */
export async function exportCheck(o: ExportCheckOptions): Promise<ExportCheckResult> {
  const { log, model, x, scaler } = o;
  const predict = (m: Module, s: Scaler | undefined) =>
    noGrad(() => m.forward(s ? s.transform(x) : x));

  // 1. Save the weights, the optimiser state and the scaler as safetensors (temp file + rename).
  await mkdir(o.outDir, { recursive: true });
  const weights = join(o.outDir, 'model.safetensors');
  await saveFile(weights, model, {
    optimizer: o.optimizer,
    preprocessing: scaler ? { x: scaler } : {},
    metadata: o.metadata,
  });

  // 2. Load it back: the architecture is in the file, so no code rebuilds the model.
  const loaded = await loadFile(weights);
  const original = predict(model, scaler).data;
  const reloaded = predict(loaded.model, loaded.preprocessing.x as Scaler | undefined).data;
  let reloadMismatches = 0;
  for (let i = 0; i < original.length; i++) {
    if (!Object.is(original[i], reloaded[i])) reloadMismatches++;
  }

  // 3. Export the reloaded model (with its scaler in front) to ONNX.
  const onnxFile = join(o.outDir, 'model.onnx');
  const onnx = exportOnnx(loaded.model, {
    inputShape: [null, ...x.shape.slice(1)],
    preprocessing: loaded.preprocessing.x,
  });
  await writeFileAtomic(onnxFile, onnx);
  const files = { weights: shown(weights), onnx: shown(onnxFile) };
  log('');
  log('Export:');
  const saved = ['weights', o.optimizer && 'optimiser state', scaler && 'scaler', 'architecture'];
  log(`  ${files.weights}  (safetensors: ${saved.filter(Boolean).join(', ')})`);
  log(
    `  reloaded: ${reloadMismatches === 0 ? 'identical' : `${reloadMismatches} differing`} predictions on ${x.shape[0]} inputs, bit for bit`,
  );
  log(`  ${files.onnx}  (ONNX, ${(onnx.length / 1024).toFixed(1)} kB)`);

  // 4. Run it in ONNX Runtime (a dev dependency: imported only here).
  const numbers = { reloadMismatches, onnxMaxAbs: NaN, onnxMaxRel: NaN, onnxAgrees: NaN };
  let ort: typeof import('onnxruntime-node');
  try {
    ort = await import('onnxruntime-node');
  } catch {
    log('  ONNX Runtime not found (npm install --save-dev onnxruntime-node): comparison skipped.');
    return { files, predictions: original, onnxOutputs: null, numbers };
  }
  const session = await ort.InferenceSession.create(onnx);
  const out = await session.run({ input: new ort.Tensor(x.dtype, x.data, [...x.shape]) });
  const got = out.output.data as Float32Array | Float64Array;
  // the project's tolerance for ONNX Runtime against rxgrad: |Δ| ≤ atol + rtol·|y|
  const rtol = x.dtype === 'float32' ? 1e-5 : 1e-12;
  const atol = x.dtype === 'float32' ? 1e-6 : 1e-14;
  // NOTE: |Δ|/|y| is reported where |y| ≥ atol/rtol: a probability near 0 (a sigmoid of −30 is
  // 1e-13) may differ in its last bits relative to itself while |Δ| stays below atol.
  const floor = atol / rtol;
  let maxAbs = 0;
  let maxRel = 0;
  let agrees = got.length === original.length;
  for (let i = 0; i < original.length; i++) {
    const diff = Math.abs(got[i] - original[i]);
    maxAbs = Math.max(maxAbs, diff);
    if (Math.abs(original[i]) >= floor) maxRel = Math.max(maxRel, diff / Math.abs(original[i]));
    if (!(diff <= atol + rtol * Math.abs(original[i]))) agrees = false;
  }
  Object.assign(numbers, { onnxMaxAbs: maxAbs, onnxMaxRel: maxRel, onnxAgrees: agrees ? 1 : 0 });
  log(
    `  ONNX Runtime ${ort.env.versions.common} vs rxgrad (${x.dtype}, ${got.length} outputs): max |Δ| = ${maxAbs.toExponential(2)}, max |Δ|/|y| = ${maxRel.toExponential(2)} for |y| ≥ ${Number(floor.toPrecision(3))}: ${agrees ? 'within' : 'OUTSIDE'} |Δ| ≤ ${atol} + ${rtol}·|y|`,
  );
  return { files, predictions: original, onnxOutputs: got, numbers };
}
