/**
 * The central server over HTTP: one request with a timeout, its answer classified. Network
 * failures, timeouts, 5xx, 408 and 429 are SyncError('network') (retry later); 401 is
 * SyncError('unauthorized'); every other status is returned to the caller with its JSON body.
 */
import { SyncError } from './errors';
import { serverMessage } from '../../shared/sync/refusal';

export { serverMessage };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  method: 'GET' | 'POST';
  /** Path and query, e.g. '/sync/pull?after=…'. */
  path: string;
  token?: string | null;
  /** A JSON text, sent as is. */
  body?: string;
  timeoutMs: number;
  /** Aborts the request (the sync loop stopping). */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export const UNREACHABLE =
  'Không kết nối được máy chủ đồng bộ. Máy vẫn làm việc bình thường; dữ liệu sẽ được gửi khi có mạng.';

/** 'https://x.vn/api/' → 'https://x.vn/api'; throws on anything that is not an http(s) URL. */
export function normaliseServerUrl(raw: string): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncError(
      'invalid_input',
      `Địa chỉ máy chủ "${text}" không hợp lệ: cần dạng https://ten-may-chu hoặc http://địa-chỉ-IP:cổng.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SyncError(
      'invalid_input',
      `Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https:// (đã nhập "${text}").`,
    );
  }
  if (url.search || url.hash) {
    throw new SyncError(
      'invalid_input',
      'Địa chỉ máy chủ không được có phần truy vấn (?…) hay dấu #: chỉ nhập địa chỉ gốc.',
    );
  }
  return url.toString().replace(/\/+$/, '');
}

export async function request(
  fetchFn: FetchLike,
  serverUrl: string,
  o: RequestOptions,
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  const headers: Record<string, string> = { ...o.headers, accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let status: number;
  let text: string;
  try {
    const res = await fetchFn(`${serverUrl}${o.path}`, {
      method: o.method,
      headers,
      body: o.body,
      signal,
    });
    status = res.status;
    text = await res.text(); // a connection dropped mid-body throws here
  } catch (err) {
    const timedOut = timeout.aborted && !o.signal?.aborted;
    throw new SyncError(
      'network',
      timedOut
        ? `${UNREACHABLE} (Máy chủ không trả lời sau ${Math.round(o.timeoutMs / 1000)} giây.)`
        : UNREACHABLE,
      undefined,
      (err as { name?: string }).name === 'AbortError' ? 'aborted' : undefined,
    );
  }
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      if (status < 500) {
        throw new SyncError(
          'protocol',
          `Máy chủ trả lời không đúng định dạng (HTTP ${status}). Hãy kiểm tra địa chỉ máy chủ.`,
          status,
        );
      }
    }
  }
  const { message, code } = serverMessage(body);
  if (status === 401) {
    throw new SyncError(
      'unauthorized',
      message ?? 'Máy chủ không nhận mã xác thực của máy này. Hãy đăng ký lại máy.',
      status,
      code ?? undefined,
    );
  }
  if (status >= 500 || status === 408 || status === 429) {
    throw new SyncError(
      'network',
      message ?? `Máy chủ đồng bộ đang gặp sự cố (HTTP ${status}). Phần mềm sẽ tự thử lại sau.`,
      status,
      code ?? undefined,
    );
  }
  return { status, body };
}
