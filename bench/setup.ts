// Imported first by every bench file: the benchmarks measure the library as users run it. The
// vitest setup file shared with the tests (spec/setup/install.ts) turns on the check of every
// resident WebAssembly copy against its array, which costs a pass over each operand reused:
// off here.
import { verifyResidentCopies } from '../lib/backend/wasm/wasmBackend.js';

verifyResidentCopies(false);
