export type { Backend, BinaryOp, MatrixView, ReduceOp, UnaryOp } from './Backend.js';
export { jsBackend } from './jsBackend.js';
export { getBackend, listBackends, registerBackend, setBackend } from './registry.js';
export type {
  AdamRule,
  AdamStep,
  RmspropRule,
  SgdRule,
  UpdateRule,
} from './updateKernels.js';
export type { WasmInfo } from './wasm/WasmInfo.js';
export {
  setWasmThreads,
  terminateWasmWorkers,
  wasmAvailable,
  wasmBackend,
  wasmInfo,
  wasmReady,
} from './wasm/wasmBackend.js';
export { type Conv2dGeometry, validRange, type Window2d } from './window2d.js';
