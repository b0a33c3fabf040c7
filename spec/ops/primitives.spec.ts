import { describe, expect, it } from 'vitest';
import * as ops from '../../lib/ops/index.js';
import { primitives } from '../../lib/ops/primitives.js';

describe('the table of primitives', () => {
  it('lists functions exported by the ops layer under their own names', () => {
    for (const [name, fn] of Object.entries(primitives)) {
      expect(typeof fn).toBe('function');
      expect((ops as Record<string, unknown>)[name]).toBe(fn);
      expect(fn.name).toBe(name);
    }
  });
});
