/**
 * Opaque position tokens: base64url of a server sequence number. Clients store and return
 * them; they never compute with them, so the encoding can change without breaking anyone.
 */

export function encodePosition(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The sequence number in a token; 0 for an absent or empty token; null for a malformed one. */
export function decodePosition(token: string | undefined): number | null {
  if (token === undefined || token === '') return 0;
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(token)) return null;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!/^\d{1,16}$/.test(text)) return null;
  const seq = Number(text);
  return Number.isSafeInteger(seq) ? seq : null;
}
