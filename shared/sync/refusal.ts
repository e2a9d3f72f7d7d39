/**
 * How the server says no: every refusal is JSON { error, code } (server/http/errors.ts), with a
 * Vietnamese message the workstation shows as is. The body of a refusal and the refusals this
 * protocol itself decides (a malformed push, a bad pull parameter …) are written here once.
 */
import { z } from 'zod';

/** The JSON body of every refusal. */
export const errorBodySchema = z.object({ error: z.string(), code: z.string() });
export type ErrorBody = z.output<typeof errorBodySchema>;

/** A refusal decided by the protocol: the HTTP status, the code and the Vietnamese message. */
export interface ProtocolRefusal {
  status: number;
  code: string;
  message: string;
}

/** The result of reading an incoming body or query with the protocol's schemas. */
export type Read<T> = { ok: true; value: T } | { ok: false; refusal: ProtocolRefusal };

export const refuse = (status: number, code: string, message: string): Read<never> => ({
  ok: false,
  refusal: { status, code, message },
});

/** The server's Vietnamese message and code from a refusal's body, when it has them. */
export function serverMessage(body: unknown): { message: string | null; code: string | null } {
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    return {
      message: typeof b.error === 'string' ? b.error : null,
      code: typeof b.code === 'string' ? b.code : null,
    };
  }
  return { message: null, code: null };
}
