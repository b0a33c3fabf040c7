// The kernels of rxgrad's WebAssembly backend (AssemblyScript). Built by scripts/buildWasm.mjs
// into lib/backend/wasm/kernels.generated.ts. Every pointer is a byte offset into the imported
// memory, which JS manages; nothing here allocates.
export { gemmF32, gemmF64, gemmPackBF32, gemmPackBF64, gemmPackedBBytes, gemmWorkBytes } from './gemm';
export { unaryF32, unaryF64 } from './unary';
export { binaryF32, binaryF64 } from './binary';
export { reduceF32, reduceF64 } from './reduce';
