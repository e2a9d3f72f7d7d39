import type { onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from '../http/errors';
import type { RateLimiter } from '../http/rateLimit';

/** An onRequest hook: one token per request from the client's address, else 429. */
export function limitByAddress(limiter: RateLimiter): onRequestAsyncHookHandler {
  return async (req) => {
    const verdict = limiter.take(req.ip);
    if (!verdict.ok) {
      throw new HttpError(
        429,
        'rate_limited',
        `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${verdict.retryAfterSeconds} giây.`,
        { 'retry-after': String(verdict.retryAfterSeconds) },
      );
    }
  };
}
