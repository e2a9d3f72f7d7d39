/**
 * The browser-mode host's HTTP edge, made total: whatever arrives on the socket (a broken request
 * line, a path that is not a URL, bad percent-encoding, headers over the limit, a body that is too
 * big or never ends, binary garbage) gets a 4xx answer that the client can read, and nothing a
 * request carries can throw out of the request listener. Pure helpers plus the socket-level
 * handlers (clientError, CONNECT); the routes live in host.ts.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** How long a socket that got an error answer stays open to read what the client still sends. */
const LINGER_MS = 2_000;

/**
 * Answer once (later calls do nothing: a handler that was overtaken by a timeout answer, or a
 * client that went away, cannot make the response throw).
 */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, text, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
}

/** A whole HTTP/1.1 response as bytes, for sockets that have no ServerResponse (parse errors). */
export function rawResponse(status: number, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'content-type: text/plain; charset=utf-8',
    `content-length: ${body.length}`,
    'cache-control: no-store',
    ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
    'connection: close',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

export const MESSAGES = {
  badRequest: 'Yêu cầu không đúng định dạng HTTP nên bị từ chối.',
  badPath: 'Địa chỉ yêu cầu không hợp lệ (ký tự hoặc mã %xx sai).',
  headersTooLarge: 'Phần đầu (header) của yêu cầu quá lớn nên bị từ chối.',
  timeout: 'Yêu cầu gửi quá chậm hoặc không gửi hết nên bị ngắt.',
  methodNotAllowed: 'Phương thức HTTP này không được dùng ở địa chỉ này.',
} as const;

/** The request target split and decoded; null when it is not an origin-form path we can use. */
export interface Target {
  /** Percent-decoded, always starting with '/'. */
  path: string;
  /** The raw query string without '?', '' when none. */
  query: string;
}

/** RFC 3986 path-absolute characters: unreserved, sub-delims, ':', '@', '/', and %XX. */
const RAW_PATH = /^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/;
/** A query: any visible ASCII (browsers leave some of it unencoded). */
const RAW_QUERY = /^[\x21-\x7e]*$/;

/**
 * Parse the request target by hand (never `new URL(req.url, …)`, which throws on '//[' and
 * reads '//host/x' as another host): origin-form only ('/…') with RFC 3986 path characters and
 * no empty segment,
 * percent-encoding that decodes to well-formed UTF-8, and once decoded no NUL, control
 * characters, backslashes or '.'/'..' segments.
 */
export function parseTarget(raw: string | undefined): Target | null {
  if (typeof raw !== 'string' || raw.length > 8_192) return null;
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? '' : raw.slice(q + 1);
  // '//' (an empty segment) is refused too: a path starting with it reads as another host.
  if (!RAW_PATH.test(rawPath) || rawPath.includes('//') || !RAW_QUERY.test(query)) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return null;
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) return null;
  return { path, query };
}

/** A header as one string (Node gives arrays for repeated set-cookie only; be safe anyway). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The value of a cookie of the request, or undefined. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (header(req, 'cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The user and password of an `Authorization: Basic` header, or null (absent or malformed). */
export function basicCredentials(req: IncomingMessage): { user: string; password: string } | null {
  const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header(req, 'authorization')?.trim() ?? '');
  if (!m) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(m[1]!, 'base64'));
  } catch {
    return null;
  }
  const colon = text.indexOf(':');
  return colon === -1 ? null : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Read a request body up to `limit` bytes. Over the limit (declared or actual) it answers
 * 'too_large' at once and keeps reading and discarding what the client still sends, so that the
 * client can read the 413 instead of getting a reset connection; past `limit` more bytes of
 * discarding, the socket is closed. 'aborted' when the client went away or the request timed out.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (r: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const discard = () => {
      chunks.length = 0;
      let dropped = 0;
      req.removeAllListeners('data');
      req.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > limit) req.socket.destroy();
      });
      settle({ kind: 'too_large' });
    };
    const declared = Number(header(req, 'content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      discard();
    } else {
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) discard();
        else chunks.push(chunk);
      });
    }
    req.on('end', () => settle({ kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () =>
      settle(req.complete ? { kind: 'ok', body: Buffer.concat(chunks) } : { kind: 'aborted' }),
    );
  });
}

/** Keep reading (and dropping) what the client sends for a while after our answer, then close. */
function linger(socket: Duplex): void {
  socket.on('error', () => undefined);
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Socket-level answers. `inflight` maps a socket to the response being produced on it (set by the
 * request listener), so that a request timeout during a slow body is answered through that
 * response (the handler's own answer then does nothing) instead of bytes written over it.
 */
export function installSocketGuards(
  server: Server,
  inflight: WeakMap<Duplex, ServerResponse>,
  log?: { warn(message: string, fields?: Record<string, unknown>): void },
): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    socket.on('error', () => undefined);
    const code = err.code ?? '';
    const res = inflight.get(socket);
    if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (res?.headersSent) {
      // The answer is already on its way (the request broke after it): let it go out, then close.
      socket.end();
      linger(socket);
      return;
    }
    const status =
      code === 'HPE_HEADER_OVERFLOW' || code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? 431
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const message =
      status === 431
        ? MESSAGES.headersTooLarge
        : status === 408
          ? MESSAGES.timeout
          : MESSAGES.badRequest;
    if (res) {
      // A handler is waiting for this request's body: answer through its response.
      sendText(res, status, message, { connection: 'close' });
      return;
    }
    socket.end(rawResponse(status, message));
    linger(socket);
  });
  // CONNECT (a proxy request): Node would drop the connection without a word.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.end(rawResponse(405, MESSAGES.methodNotAllowed));
    linger(socket);
  });
  server.on('error', (err: Error) => log?.warn('web host socket error', { error: err.message }));
}
