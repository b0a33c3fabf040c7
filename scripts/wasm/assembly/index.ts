// The kernels of rxgrad's WebAssembly backend (AssemblyScript). Built by scripts/buildWasm.mjs
// into lib/backend/wasm/kernels.generated.ts. Every pointer is a byte offset into the imported
// memory, which JS manages; nothing here allocates.
export { gemmF32, gemmF64, gemmPackBF32, gemmPackBF64, gemmPackedBBytes, gemmWorkBytes } from './gemm';
export { gemvF32, gemvF64 } from './gemv';
export { unaryF32, unaryF64 } from './unary';
export { binaryF32, binaryF64 } from './binary';
export { reduceF32, reduceF64 } from './reduce';
export {
  conv2dBackpropFilterF32,
  conv2dBackpropFilterF64,
  conv2dBackpropInputF32,
  conv2dBackpropInputF64,
  conv2dF32,
  conv2dF64,
  conv2dWorkBytes,
} from './conv';
export { maxPool2dF32, maxPool2dF64 } from './pool';
