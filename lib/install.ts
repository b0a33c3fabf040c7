/**
 * The one module of rxgrad with an effect at import time, imported by every entry module
 * (`rxgrad`, `rxgrad/node`, `rxgrad/plot`, `rxgrad/testing`). It and the entries are listed in
 * package.json's `sideEffects`, as built (`dist/`) and as sources (`lib/`, which the
 * repository's own bundles such as the dashboard build from): an entry that a bundler took for
 * pure would take this import with it. Every other module only declares, so bundlers drop what
 * an app does not use.
 */
import { setGradAccumulator } from './autograd/index.js';
import { add } from './ops/add.js';
import { installTensorMethods } from './ops/methods.js';

// NOTE: backward sums the gradient contributions of a tensor used several times with `add`,
// which lives in ops/, a layer above autograd: it is handed down here.
setGradAccumulator(add);
installTensorMethods();
