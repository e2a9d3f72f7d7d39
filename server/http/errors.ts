/**
 * Every error leaves the server as JSON { error, code } with a Vietnamese message the desktop
 * app can show as is. Fastify's own errors (bad JSON, body too large, …) are translated here.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_PUSH_BODY_BYTES } from '../../shared/limits';
import type { ErrorBody as WireErrorBody, Read } from '../../shared/sync/refusal';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The body of every refusal (shared/sync/refusal.ts). */
export type ErrorBody = WireErrorBody;

/** What the sync protocol read from a request, or its refusal thrown as an HttpError. */
export function readOrRefuse<T>(read: Read<T>): T {
  if (read.ok) return read.value;
  const { status, code, message } = read.refusal;
  throw new HttpError(status, code, message);
}

/** A push body: the limit is shared with the client (shared/limits.ts). */
export const MAX_BODY_BYTES = MAX_PUSH_BODY_BYTES;

const TRANSLATED: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'too_large',
    message:
      `Gói dữ liệu quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MiB). ` +
      'Hãy chia thành nhiều gói nhỏ hơn rồi gửi lại.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_json',
    message: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_json',
    message: 'Yêu cầu thiếu nội dung JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'bad_media_type',
    message: 'Máy chủ chỉ nhận nội dung dạng application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'Độ dài nội dung (Content-Length) không khớp với dữ liệu gửi lên.',
  },
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply
        .code(err.statusCode)
        .headers(err.headers)
        .send({ error: err.message, code: err.code });
    }
    const known = err.code ? TRANSLATED[err.code] : undefined;
    if (known) {
      req.log.info({ code: err.code }, 'request rejected');
      return reply.code(known.status).send({ error: known.message, code: known.code });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      req.log.info({ err }, 'request rejected');
      return reply.code(status).send({ error: 'Yêu cầu không hợp lệ.', code: 'bad_request' });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({
      error: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.',
      code: 'internal',
    });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({
      error: `Không có chức năng ${req.method} ${req.url.split('?')[0]}.`,
      code: 'not_found',
    });
  });
}
