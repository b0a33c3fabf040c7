import { type DType, formatShape, GradError, stridesOf } from '../core/index.js';

/** The worst element of a comparison: where it is, and the two values compared. */
export interface GradCheckWorst {
  /** `[i,j]` for an element, `direction k` in vjp mode. */
  readonly at: string;
  /** The gradient computed by backward (for the float32 twin, the float32 gradient). */
  readonly analytic: number;
  /** The finite difference (or, for the float32 twin, the float64 gradient). */
  readonly expected: number;
}

/** One comparison of a gradient with what it should be, under |analytic − expected| ≤ atol + rtol·|expected|. */
export interface GradCheckComparison {
  /** Largest |analytic − expected| over the elements (or directions). */
  readonly maxAbsError: number;
  /** Largest |analytic − expected| / |expected|. */
  readonly maxRelError: number;
  /** Whether every element is within the tolerance. */
  readonly passed: boolean;
  /** The element with the largest error for its tolerance (the first when all are exact); null when there was nothing to compare. */
  readonly worst: GradCheckWorst | null;
}

/** The result for one input. */
export interface GradCheckInputReport extends GradCheckComparison {
  /** The input's position in `inputs`. */
  readonly input: number;
  /** The input's name, when `names` gave one. */
  readonly name?: string;
  /** The input's shape. */
  readonly shape: readonly number[];
  /** The input's dtype. */
  readonly dtype: DType;
  /** For float32 inputs: the float32 gradient against the float64 gradient of the same graph. */
  readonly float32?: GradCheckComparison;
  /** In gradGradCheck: which input's gradient was differentiated. */
  readonly gradientOf?: number;
}

/** What `gradCheck` and `gradGradCheck` return. */
export interface GradCheckReport {
  /** Whether every checked input passed. */
  readonly passed: boolean;
  /** The mode used: `'full'` (element by element) or `'vjp'` (random directions); `'auto'` resolved. */
  readonly mode: 'full' | 'vjp';
  /** One report per checked input (per `argnums`), in order. */
  readonly inputs: readonly GradCheckInputReport[];
  /** Empty when passed; otherwise one line per failure naming the input and the worst element. */
  readonly message: string;
}

/** The tolerances a report is judged and described with. */
export interface Tolerances {
  atol: number;
  rtol: number;
  atol32: number;
  rtol32: number;
  throwOnFailure: boolean;
}

export function formatIndex(flat: number, shape: readonly number[]): string {
  const strides = stridesOf(shape);
  let rem = flat;
  const idx = strides.map((s) => {
    const i = Math.floor(rem / s);
    rem -= i * s;
    return i;
  });
  return `[${idx.join(',')}]`;
}

/** Compares analytic values with expected ones under |a − e| ≤ atol + rtol·|e|. */
export function compare(
  analytic: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  rtol: number,
  at: (k: number) => string,
): GradCheckComparison {
  let maxAbs = 0;
  let maxRel = 0;
  let worstK = -1;
  let worstRatio = 0;
  for (let k = 0; k < analytic.length; k++) {
    const a = analytic[k];
    const e = expected[k];
    const abs = Math.abs(a - e);
    const bothNaN = Number.isNaN(a) && Number.isNaN(e);
    const same = a === e; // equal infinities
    const err = bothNaN || same ? 0 : Number.isNaN(abs) ? Number.POSITIVE_INFINITY : abs;
    const rel = err === 0 ? 0 : err / Math.abs(e);
    const ratio = err === 0 ? 0 : err / (atol + rtol * Math.abs(e));
    if (err > maxAbs) maxAbs = err;
    if (rel > maxRel) maxRel = rel;
    if (ratio > worstRatio || worstK < 0) {
      worstRatio = ratio;
      worstK = k;
    }
  }
  return {
    maxAbsError: maxAbs,
    maxRelError: maxRel,
    passed: worstRatio <= 1,
    worst:
      worstK < 0
        ? null
        : { at: at(worstK), analytic: analytic[worstK], expected: expected[worstK] },
  };
}

function inputName(r: GradCheckInputReport): string {
  const input = r.name === undefined ? `input ${r.input}` : `input ${r.input} ('${r.name}')`;
  const name =
    r.gradientOf === undefined
      ? `gradient of ${input}`
      : `derivative of (gradient of input ${r.gradientOf}) with respect to ${input}`;
  return `${name} (shape ${formatShape(r.shape)}, ${r.dtype})`;
}

/** The failure lines of one input: finite differences, then the float32 twin. */
export function describeInput(
  r: GradCheckInputReport,
  fd: GradCheckComparison,
  s: Tolerances,
  where: string,
): string[] {
  const lines: string[] = [];
  if (!fd.passed && fd.worst) {
    const w = fd.worst;
    lines.push(
      `${where}: ${inputName(r)} does not match finite differences: worst at ${w.at}: analytic ${w.analytic}, numeric ${w.expected} (abs error ${Math.abs(w.analytic - w.expected)}, max rel error ${fd.maxRelError}; tolerance ${s.atol} + ${s.rtol}·|numeric|)`,
    );
  }
  if (r.float32 && !r.float32.passed && r.float32.worst) {
    const w = r.float32.worst;
    lines.push(
      `${where}: float32 ${inputName(r)} differs from its float64 twin: worst at ${w.at}: float32 ${w.analytic}, float64 ${w.expected} (tolerance ${s.atol32} + ${s.rtol32}·|float64|)`,
    );
  }
  return lines;
}

export function finish(
  mode: 'full' | 'vjp',
  inputs: GradCheckInputReport[],
  lines: string[],
  s: Tolerances,
): GradCheckReport {
  const report = { passed: lines.length === 0, mode, inputs, message: lines.join('\n') };
  if (!report.passed && s.throwOnFailure) throw new GradError(report.message);
  return report;
}
