import { add } from './add.js';
import { broadcastTo } from './broadcastTo.js';
import { cast } from './cast.js';
import { div } from './div.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { sigmoid } from './sigmoid.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';

/**
 * The table of primitive ops: those that record their own gradient rule. The gradient-check
 * table in spec/ is typed `Record<PrimitiveName, …>`, so adding a primitive here fails to
 * compile until it has a gradient check.
 */
export const primitives = {
  add,
  sub,
  mul,
  div,
  neg,
  exp,
  log,
  relu,
  sigmoid,
  tanh,
  cast,
  matmul,
  sum,
  reshape,
  broadcastTo,
  transpose,
} as const;

export type PrimitiveName = keyof typeof primitives;
