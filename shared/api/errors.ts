/**
 * The one error shape every host returns for a failed API call.
 *
 * - `code` lets the UI react without parsing text: 'validation' (show `fields` next to the form
 *   inputs and keep what was typed), 'unauthorized' (not signed in, screen locked, or sign-in
 *   throttled: see `reason`), 'forbidden' (the role may not do this), 'not_found', 'conflict'
 *   (the data does not allow it now: already set up, last administrator, …),
 *   'illegal_transition' (the dossier's state does not allow this action), 'internal'.
 * - `message` is Vietnamese and says what to fix.
 * - `fields` maps a dotted input path ("applicant.idNumber", "office.unitCode") to its message.
 *
 * Errors cross hosts as plain objects (Electron's contextBridge copies only message and stack of
 * an Error), so a caller should normalise whatever it caught with `toApiError`.
 */
export const API_ERROR_CODES = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const UNAUTHORIZED_REASONS = [
  'signed_out',
  'locked',
  'throttled',
  'bad_credentials',
  'token',
] as const;

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  fields?: Record<string, string> | undefined;
  /** For 'unauthorized': why. */
  reason?: (typeof UNAUTHORIZED_REASONS)[number] | undefined;
  /** For reason 'throttled': milliseconds until the next attempt is accepted. */
  retryAfterMs?: number | undefined;
}

/** What a host sends back for one call. */
export type ApiEnvelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An ApiError as a throwable Error (core and HTTP client); `toJSON()` gives the plain shape. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ApiErrorCode;
  readonly fields?: Record<string, string>;
  readonly reason?: ApiError['reason'];
  readonly retryAfterMs?: number;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.fields !== undefined) this.fields = error.fields;
    if (error.reason !== undefined) this.reason = error.reason;
    if (error.retryAfterMs !== undefined) this.retryAfterMs = error.retryAfterMs;
  }

  toJSON(): ApiError {
    const out: ApiError = { code: this.code, message: this.message };
    if (this.fields !== undefined) out.fields = this.fields;
    if (this.reason !== undefined) out.reason = this.reason;
    if (this.retryAfterMs !== undefined) out.retryAfterMs = this.retryAfterMs;
    return out;
  }
}

/** Throwable shorthand: `throw apiError('forbidden', 'Chỉ quản trị viên …')`. */
export function apiError(
  code: ApiErrorCode,
  message: string,
  extra: Omit<ApiError, 'code' | 'message'> = {},
): ApiCallError {
  return new ApiCallError({ code, message, ...extra });
}

/** True for anything that has the ApiError shape (an ApiCallError or a plain copy of one). */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const fields = v['fields'];
  const retry = v['retryAfterMs'];
  return (
    (API_ERROR_CODES as readonly unknown[]).includes(v['code']) &&
    typeof v['message'] === 'string' &&
    (fields === undefined ||
      (typeof fields === 'object' &&
        fields !== null &&
        Object.values(fields).every((f) => typeof f === 'string'))) &&
    (v['reason'] === undefined ||
      (UNAUTHORIZED_REASONS as readonly unknown[]).includes(v['reason'])) &&
    (retry === undefined || (typeof retry === 'number' && Number.isInteger(retry) && retry >= 0))
  );
}

/** Whatever a call rejected with, as an ApiError (unknown throwables become 'internal'). */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiCallError) return value.toJSON();
  if (isApiError(value)) {
    const out: ApiError = { code: value.code, message: value.message };
    if (value.fields !== undefined) out.fields = value.fields;
    if (value.reason !== undefined) out.reason = value.reason;
    if (value.retryAfterMs !== undefined) out.retryAfterMs = value.retryAfterMs;
    return out;
  }
  const message = value instanceof Error ? value.message : typeof value === 'string' ? value : '';
  return {
    code: 'internal',
    message:
      'Phần mềm gặp lỗi không mong muốn' +
      (message ? `: ${message}` : '') +
      '. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại phần mềm và báo cho quản trị viên.',
  };
}
