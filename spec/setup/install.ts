// vitest setup file: what the package's entry modules install on import (Tensor methods, the
// gradient accumulator), for specs that import a single module of lib/ rather than an entry.
import '../../lib/install.js';
import { verifyResidentCopies } from '../../lib/backend/wasm/wasmBackend.js';

// Every spec runs with the WebAssembly backend checking each resident copy of an operand
// against its array before use: a sealed array written by the library would fail loudly here.
verifyResidentCopies(true);
