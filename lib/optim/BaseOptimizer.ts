import { noGrad, storageOf, Tensor } from '../autograd/index.js';
import {
  ArgumentError,
  excerpt,
  formatShape,
  kindOf,
  ShapeError,
  shapesEqual,
  type TypedArray,
} from '../core/index.js';
import type { Optimizer, OptimizerState, Schedule } from './Optimizer.js';

/** How long each buffer of an optimiser is: one value per parameter element, or one per parameter. */
export type BufferLayout = Record<string, 'elementwise' | 'scalar'>;

function describeParams(params: unknown): string {
  if (params === null) return 'null';
  const name = (params as { constructor?: { name?: string } })?.constructor?.name;
  return typeof params === 'object' && name ? name : typeof params;
}

/**
 * The machinery every optimiser shares: parameter checks, the learning rate (a number or a
 * schedule of the step), the step count, lazily created per-parameter buffers (Float64Array,
 * whatever the parameter's dtype) and their plain-data `state()`/`loadState()`. A subclass only
 * writes `update`: one parameter's in-place update from its gradient.
 */
export abstract class BaseOptimizer implements Optimizer {
  readonly params: readonly Tensor[];
  private readonly schedule: Schedule | null;
  private baseLr: number;
  private lrScale = 1;
  private steps = 0;
  private buffers: Map<string, (Float64Array | null)[]>;

  protected constructor(
    readonly name: string,
    params: readonly Tensor[],
    lr: number | Schedule,
    private readonly layout: BufferLayout,
  ) {
    if (!Array.isArray(params)) {
      const hint =
        typeof (params as { parameters?: unknown })?.parameters === 'function'
          ? ' (pass model.parameters())'
          : '';
      throw new ArgumentError(
        `${name}: params must be an array of tensors${hint}, got ${describeParams(params)}`,
      );
    }
    if (params.length === 0)
      throw new ArgumentError(`${name}: params is empty (expected at least one tensor)`);
    const seen = new Set<Tensor>();
    params.forEach((p, i) => {
      if (!(p instanceof Tensor)) {
        throw new ArgumentError(`${name}: params[${i}] must be a Tensor, got ${describeParams(p)}`);
      }
      if (p.node !== null) {
        throw new ArgumentError(
          `${name}: params[${i}] is the result of an op (${p.node.op}); optimisers update leaf tensors`,
        );
      }
      if (seen.has(p)) throw new ArgumentError(`${name}: params[${i}] appears more than once`);
      seen.add(p);
    });
    this.params = Object.freeze([...params]);
    this.schedule = typeof lr === 'function' ? lr : null;
    this.baseLr = typeof lr === 'number' ? lr : 0;
    this.buffers = new Map(Object.keys(layout).map((k) => [k, params.map(() => null)]));
  }

  /**
   * The learning rate the next `step()` uses: the number given, or the schedule at the current
   * step. Setting it while a schedule is in use scales the schedule from then on by
   * (new lr) / (schedule's current value).
   */
  get lr(): number {
    return this.schedule ? this.schedule(this.steps) * this.lrScale : this.baseLr;
  }

  set lr(value: number) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ArgumentError(
        `${this.name}: lr must be a non-negative finite number, got ${excerpt(value)}`,
      );
    }
    if (!this.schedule) {
      this.baseLr = value;
      return;
    }
    const current = this.schedule(this.steps);
    if (!(current > 0)) {
      throw new ArgumentError(
        `${this.name}: cannot set lr while the schedule's value at step ${this.steps} is ${current} (nothing to scale)`,
      );
    }
    this.lrScale = value / current;
  }

  get stepCount(): number {
    return this.steps;
  }

  /** Applies one update to every parameter that has a gradient, in place, without recording a graph. */
  step(): void {
    const lr = this.lr;
    if (!Number.isFinite(lr) || lr < 0) {
      throw new ArgumentError(
        `${this.name}: the learning-rate schedule gave ${lr} at step ${this.steps}; expected a non-negative finite number`,
      );
    }
    noGrad(() => {
      this.params.forEach((p, i) => {
        const g: unknown = p.grad;
        if (g === null || g === undefined) return;
        if (!(g instanceof Tensor)) {
          throw new ArgumentError(
            `${this.name}: params[${i}].grad must be a Tensor or null, got ${kindOf(g)}`,
          );
        }
        // NOTE: the same size is not enough: a transposed gradient would update the wrong weights.
        if (!shapesEqual(g.shape, p.shape)) {
          throw new ShapeError(
            `${this.name}: params[${i}] has shape ${formatShape(p.shape)} but its grad has shape ${formatShape(g.shape)}`,
          );
        }
        this.update(i, p.data, storageOf(g), lr);
      });
    });
    this.steps++;
  }

  /** Updates `p` (parameter `index`) in place from its gradient `g` with learning rate `lr`. */
  protected abstract update(index: number, p: TypedArray, g: TypedArray, lr: number): void;

  /** Buffer `name` of parameter `index`, or null before its first update. */
  protected buffer(name: string, index: number): Float64Array | null {
    return this.buffers.get(name)![index];
  }

  /** A new zero buffer `name` for parameter `index`. */
  protected createBuffer(name: string, index: number): Float64Array {
    const size = this.layout[name] === 'scalar' ? 1 : this.params[index].size;
    const b = new Float64Array(size);
    this.buffers.get(name)![index] = b;
    return b;
  }

  /** Buffer `name` of parameter `index`, created as zeros if it does not exist yet. */
  protected bufferOrZeros(name: string, index: number): Float64Array {
    return this.buffer(name, index) ?? this.createBuffer(name, index);
  }

  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }

  /**
   * Everything needed to continue exactly: step count, learning rate (and the scale applied to a
   * schedule), and every buffer as plain number arrays (`[]` for a parameter not yet updated).
   */
  state(): OptimizerState {
    const buffers: Record<string, number[][]> = {};
    for (const [key, list] of this.buffers)
      buffers[key] = list.map((b) => (b ? Array.from(b) : []));
    return {
      name: this.name,
      step: this.steps,
      lr: this.lr,
      ...(this.schedule ? { lrScale: this.lrScale } : {}),
      buffers,
    };
  }

  /**
   * Restores `state()`. Checked first, applied only when everything matches: the optimiser's
   * name, the step, the learning rate, the set of buffers, one entry per parameter, and each
   * entry's length. With a schedule, `lr` is ignored (the schedule gives it) and `lrScale` kept;
   * without one, `lr` becomes the learning rate.
   */
  loadState(state: OptimizerState): void {
    const where = `${this.name}.loadState`;
    if (state === null || typeof state !== 'object') {
      throw new ArgumentError(`${where}: expected a state object, got ${excerpt(state)}`);
    }
    if (state.name !== this.name) {
      throw new ArgumentError(
        `${where}: the state is of optimiser '${state.name}', expected '${this.name}'`,
      );
    }
    if (!Number.isInteger(state.step) || state.step < 0) {
      throw new ArgumentError(
        `${where}: step must be a non-negative integer, got ${excerpt(state.step)}`,
      );
    }
    if (typeof state.lr !== 'number' || !Number.isFinite(state.lr) || state.lr < 0) {
      throw new ArgumentError(
        `${where}: lr must be a non-negative finite number, got ${excerpt(state.lr)}`,
      );
    }
    const scale = state.lrScale ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0) {
      throw new ArgumentError(
        `${where}: lrScale must be a non-negative finite number, got ${excerpt(scale)}`,
      );
    }
    const loaded = this.checkBuffers(where, state.buffers);
    this.steps = state.step;
    if (this.schedule) this.lrScale = scale;
    else this.baseLr = state.lr;
    this.buffers = loaded;
  }

  private checkBuffers(where: string, buffers: unknown): Map<string, (Float64Array | null)[]> {
    if (buffers === null || typeof buffers !== 'object') {
      throw new ArgumentError(
        `${where}: buffers must be an object of arrays by name, got ${excerpt(buffers)}`,
      );
    }
    const expected = Object.keys(this.layout);
    const given = buffers as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (!expected.includes(key)) {
        throw new ArgumentError(
          `${where}: unexpected buffer '${key}'; this ${this.name} keeps ${expected.length ? expected.map((k) => `'${k}'`).join(', ') : 'no buffers'} (check its options)`,
        );
      }
    }
    const out = new Map<string, (Float64Array | null)[]>();
    for (const key of expected) {
      const list = given[key];
      if (list === undefined) throw new ArgumentError(`${where}: missing buffer '${key}'`);
      if (!Array.isArray(list) || list.length !== this.params.length) {
        throw new ArgumentError(
          `${where}: buffer '${key}' must hold one entry per parameter (${this.params.length}), got ${Array.isArray(list) ? list.length : typeof list}`,
        );
      }
      out.set(
        key,
        list.map((values: unknown, i) => {
          const size = this.layout[key] === 'scalar' ? 1 : this.params[i].size;
          if (
            !Array.isArray(values) ||
            (values.length !== 0 && values.length !== size) ||
            !values.every((v) => typeof v === 'number')
          ) {
            throw new ArgumentError(
              `${where}: buffer '${key}' of params[${i}] (shape ${formatShape(this.params[i].shape)}) must be [] or ${size} numbers, got ${Array.isArray(values) ? `${values.length} values` : typeof values}`,
            );
          }
          return values.length === 0 ? null : Float64Array.from(values);
        }),
      );
    }
    return out;
  }
}
