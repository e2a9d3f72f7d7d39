/** The result of checking what an officer typed or scanned: the normalised value, or what to fix. */
export type Validation<T, Extra extends object = object> =
  ({ ok: true; value: T } & Extra) | { ok: false; message: string };
