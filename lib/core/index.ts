export * from './dtype.js';
export * from './errors.js';
export * from './excerpt.js';
export * from './options.js';
export * from './random.js';
export * from './shape.js';
