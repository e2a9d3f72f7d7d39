/**
 * Value conversions shared by both drivers, so a row looks the same whichever one read it.
 * BIGINT (int8: server_seq, count(*)) becomes a JavaScript number: every value we keep there
 * stays far below 2^53, and one that does not is an error rather than a silent rounding.
 */
export const INT8_OID = 20;

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`BIGINT value out of safe integer range: ${text}`);
  return n;
}
