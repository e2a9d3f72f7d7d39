/**
 * The browser-mode client: implements MotcuaApi over the loopback HTTP host
 * (POST <base>/api/call). In the page the browser sends the session cookie itself; a Node client
 * (tests, benches) passes it. Pure fetch, runs in the page and in Node tests. Rejects with an
 * ApiCallError (code, message, fields) like every other host.
 */
import { CSRF_HEADER, SESSION_COOKIE } from './channel';
import type { ApiArgs, ApiMethod, ApiOutput, MotcuaApi } from './contract';
import { ApiCallError, isApiError, type ApiEnvelope } from './errors';

export interface HttpClientOptions {
  /** e.g. 'http://127.0.0.1:4455' or '' for the page's own origin. */
  baseUrl: string;
  /** Outside a browser only: the session cookie's value (a page sends its own cookie). */
  session?: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface HttpMotcuaApi extends MotcuaApi {
  /** The URL of a stored PDF (print.render's pdfPath, 'prints/…') to open: no secret in it. */
  fileUrl(pdfPath: string): string;
}

function unreachable(detail: string): ApiCallError {
  return new ApiCallError({
    code: 'internal',
    message:
      `Không liên lạc được với MotCua Desk (${detail}). ` +
      'Hãy kiểm tra cửa sổ dòng lệnh đang chạy "npm run web" còn mở, rồi tải lại trang.',
  });
}

export function createHttpClient(options: HttpClientOptions): HttpMotcuaApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  return {
    async call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiOutput<M>> {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/call`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            [CSRF_HEADER]: '1',
            ...(options.session ? { cookie: `${SESSION_COOKIE}=${options.session}` } : {}),
          },
          body: JSON.stringify({ method, input: args[0] }),
        });
      } catch (err) {
        throw unreachable((err as Error).message);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw unreachable(`máy chủ trả về HTTP ${response.status} không đọc được`);
      }
      const envelope = body as ApiEnvelope<ApiOutput<M>>;
      if (envelope && envelope.ok === true) return envelope.value;
      const error = (envelope as { error?: unknown } | null)?.error;
      if (isApiError(error)) throw new ApiCallError(error);
      throw unreachable(`máy chủ trả về HTTP ${response.status} không đúng định dạng`);
    },
    fileUrl(pdfPath: string): string {
      const clean = pdfPath
        .split('/')
        .filter((p) => p !== '' && p !== '.' && p !== '..')
        .map(encodeURIComponent)
        .join('/');
      return `${base}/${clean}`;
    },
  };
}
