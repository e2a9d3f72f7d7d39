import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatThousands, formatVnd } from '../../../shared/text/money';

describe('formatVnd', () => {
  it.each([
    [2000, '2.000 đồng'],
    [0, '0 đồng'],
    [999, '999 đồng'],
    [1000, '1.000 đồng'],
    [50000, '50.000 đồng'],
    [1234567, '1.234.567 đồng'],
    [100000000, '100.000.000 đồng'],
    [-2000, '-2.000 đồng'],
    [2000.4, '2.000 đồng'],
    [1999.5, '2.000 đồng'],
    [-0.2, '0 đồng'],
  ])('%d → %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('refuses what is not an amount', () => {
    expect(() => formatVnd(Number.NaN)).toThrow('Số tiền không hợp lệ');
    expect(() => formatVnd(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatVnd(1e20)).toThrow(RangeError);
  });

  it('groups digits by three and loses nothing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        const text = formatThousands(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(Number(text.replace(/\./g, ''))).toBe(n);
      }),
    );
  });
});
