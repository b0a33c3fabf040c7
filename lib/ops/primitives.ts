import { abs } from './abs.js';
import { add } from './add.js';
import { broadcastTo } from './broadcastTo.js';
import { cast } from './cast.js';
import { clip } from './clip.js';
import { concat } from './concat.js';
import { conv2d } from './conv2d.js';
import { conv2dBackpropFilter } from './conv2dBackpropFilter.js';
import { conv2dBackpropInput } from './conv2dBackpropInput.js';
import { div } from './div.js';
import { erf } from './erf.js';
import { exp } from './exp.js';
import { gather } from './gather.js';
import { gelu } from './gelu.js';
import { identity } from './identity.js';
import { leakyRelu } from './leakyRelu.js';
import { log } from './log.js';
import { matmul } from './matmul.js';
import { max } from './max.js';
import { maximum } from './maximum.js';
import { maxPool2d } from './maxPool2d.js';
import { min } from './min.js';
import { minimum } from './minimum.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { pow } from './pow.js';
import { relu } from './relu.js';
import { reshape } from './reshape.js';
import { scatterAdd } from './scatterAdd.js';
import { sigmoid } from './sigmoid.js';
import { slice } from './slice.js';
import { softplus } from './softplus.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { tanh } from './tanh.js';
import { transpose } from './transpose.js';
import { unslice } from './unslice.js';

/**
 * The table of primitive ops: those that record their own gradient rule. The gradient-check
 * table in spec/ is typed `Record<PrimitiveName, …>`, so adding a primitive here fails to
 * compile until it has a gradient check. (`unslice` and `scatterAdd` are the backward passes of
 * slice and gather, `conv2dBackpropInput` and `conv2dBackpropFilter` those of conv2d; they are
 * primitives too, so second derivatives are checked through them.)
 */
export const primitives = {
  add,
  sub,
  mul,
  div,
  neg,
  pow,
  exp,
  log,
  sqrt,
  abs,
  square,
  maximum,
  minimum,
  clip,
  relu,
  leakyRelu,
  sigmoid,
  tanh,
  softplus,
  erf,
  gelu,
  identity,
  cast,
  matmul,
  sum,
  max,
  min,
  reshape,
  broadcastTo,
  transpose,
  concat,
  slice,
  unslice,
  gather,
  scatterAdd,
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  maxPool2d,
} as const;

export type PrimitiveName = keyof typeof primitives;
