/**
 * Amounts in Vietnamese đồng, as receipts print them: a dot groups thousands, no decimals.
 * 2000 → '2.000 đồng'. The đồng has no subunit: amounts are rounded to the nearest đồng.
 */

/** 1234567 → '1.234.567'; -2000 → '-2.000'. */
export function formatThousands(amount: number): string {
  if (!Number.isFinite(amount) || Math.abs(amount) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`Số tiền không hợp lệ: ${amount}.`);
  }
  const rounded = Math.round(Math.abs(amount));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 && rounded !== 0 ? `-${digits}` : digits;
}

/** 2000 → '2.000 đồng'; 0 → '0 đồng'. */
export function formatVnd(amount: number): string {
  return `${formatThousands(amount)} đồng`;
}
