import { ArgumentError, ShapeError } from '../../core/index.js';
import { MinMaxScaler, StandardScaler } from '../../data/index.js';
import {
  type Preprocessor,
  type PreprocessorState,
  preprocessorState,
  restorePreprocessor,
} from '../preprocessor.js';
import type { OnnxGraph } from './OnnxGraph.js';

/** A value flowing through the graph being built: its name and (symbolic) shape. */
export interface Flow {
  name: string;
  shape: (number | string)[];
}

/** The nodes of a fitted scaler, applied to `flow`, mirroring its `transform`. */
export function scalerNodes(graph: OnnxGraph, flow: Flow, p: Preprocessor, where: string): Flow {
  const s = p.state();
  const cols =
    s.name === 'standardScaler' ? s.mean.length : s.name === 'minMaxScaler' ? s.min.length : 0;
  const last = flow.shape.at(-1);
  if (typeof last === 'number' && last !== cols) {
    throw new ShapeError(
      `${where}: the ${s.name} was fitted on ${cols} columns, but the input has ${last} features`,
    );
  }
  const x = flow.name;
  if (s.name === 'standardScaler') {
    const centred = graph.node(
      'Sub',
      [x, graph.constant('scaler.mean', s.mean, [cols])],
      'scaler.Sub',
    );
    return {
      name: graph.node(
        'Div',
        [centred, graph.constant('scaler.scale', s.scale, [cols])],
        'scaler.Div',
      ),
      shape: flow.shape,
    };
  }
  // x' = lo + (x − min)·(hi − lo)/(max − min), as MinMaxScaler.transform computes it
  const m = s as unknown as { range: [number, number]; min: number[]; max: number[] };
  const [lo, hi] = m.range;
  const scale = m.min.map((v, j) => (hi - lo) / (m.max[j] - v === 0 ? 1 : m.max[j] - v));
  const shifted = graph.node('Sub', [x, graph.constant('scaler.min', m.min, [cols])], 'scaler.Sub');
  const scaled = graph.node(
    'Mul',
    [shifted, graph.constant('scaler.scale', scale, [cols])],
    'scaler.Mul',
  );
  return {
    name: graph.node('Add', [graph.constant('scaler.lo', [lo], []), scaled], 'scaler.Add'),
    shape: flow.shape,
  };
}

/** The scalers to export, rebuilt from what was given; a clear error for anything else. */
export function preprocessors(
  given:
    | Preprocessor
    | PreprocessorState
    | readonly (Preprocessor | PreprocessorState)[]
    | undefined,
  where: string,
): Preprocessor[] {
  if (given === undefined) return [];
  const list = Array.isArray(given) ? given : [given];
  return list.map((p, i) => {
    const restored = restorePreprocessor(preprocessorState(p, String(i), where), String(i), where);
    if (!(restored instanceof StandardScaler || restored instanceof MinMaxScaler)) {
      throw new ArgumentError(
        `${where}: preprocessing ${i} is a ${restored.constructor.name}; only standardScaler and minMaxScaler export to ONNX`,
      );
    }
    return restored;
  });
}
