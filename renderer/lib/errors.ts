/** Turning API errors into what the forms show. */
import type { ApiError } from '../../shared/api/errors';

/**
 * Field messages of an ApiError, keys rewritten: `prefix` is dropped ("office.unitCode" with
 * prefix "office." → "unitCode"), or a key map renames them.
 */
export function fieldErrors(
  error: ApiError,
  rename: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fields ?? {})) {
    out[rename[key] ?? key] = message;
  }
  return out;
}

/** The message for the whole form: the API's sentence, unless every field message is shown. */
export function formMessage(error: ApiError, shownFields: readonly string[] = []): string | null {
  const fields = Object.keys(error.fields ?? {});
  if (fields.length > 0 && fields.every((f) => shownFields.includes(f))) return null;
  return error.message;
}
