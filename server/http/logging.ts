/**
 * What the server's log may hold about an error: its kind, code and message, and where in the
 * code it arose; never the data it carried. A database error of PGlite holds the query and its
 * parameters (a push batch: names, CCCD numbers, addresses), and pino's default error serializer
 * copies every property of an error into the log, once per retry.
 */
export type LoggedError = {
  type: string;
  code?: string;
  message: string;
  stack: string;
};

export function errorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: '' };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    message: err.message,
    stack: err.stack ?? '',
  };
}
