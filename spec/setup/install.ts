// vitest setup file: what the package's entry modules install on import (Tensor methods, the
// gradient accumulator), for specs that import a single module of lib/ rather than an entry.
import '../../lib/install.js';
