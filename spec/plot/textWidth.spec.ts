import { describe, expect, it } from 'vitest';
import { textWidth } from '../../lib/plot/textWidth.js';

describe('textWidth', () => {
  it('scales with the font size and the glyphs (DejaVu Sans advance widths)', () => {
    // 'i' is 0.278 em and 'M' 0.863 em in DejaVu Sans
    expect(textWidth('i', 10)).toBeCloseTo(2.78);
    expect(textWidth('MM', 20)).toBeCloseTo(2 * 0.863 * 20);
    expect(textWidth('abc', 11, true)).toBeGreaterThan(textWidth('abc', 11));
    expect(textWidth('', 11)).toBe(0);
  });
});
