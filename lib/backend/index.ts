export type { Backend, BinaryOp, ReduceOp, UnaryOp } from './Backend.js';
export { jsBackend } from './jsBackend.js';
export { getBackend, listBackends, registerBackend, setBackend } from './registry.js';
