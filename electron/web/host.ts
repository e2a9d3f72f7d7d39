/**
 * Browser mode: the same core as the desktop app, served on the loopback interface only.
 *
 * - Listens on 127.0.0.1 (never another interface); PORT 0 picks a free port.
 * - A random token per launch, given once inside the printed URL (?token=…). The page keeps it
 *   and sends it in the x-motcua-token header; without it the API answers 401. Stored PDFs
 *   (/prints/…) take it as a header or a ?token= parameter (they open in a tab or a frame).
 * - Host header checked (DNS rebinding), API calls must be JSON (no cross-site form posts).
 * - The renderer build (dist/renderer) is served as static files; the HTML with a strict CSP.
 * - No logic of its own: POST /api/call { method, input } → core.dispatch → the envelope.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { TOKEN_HEADER } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/errors';
import {
  createCore,
  PRINTS_DIR,
  type Core,
  type CoreLogger,
  type CoreOptions,
} from '../../db/api/core';
import type { PdfPrinter } from '../../db/api/print';
import type { CoreSyncOptions } from '../../db/api/syncLink';
import { PAGE_CSP } from '../csp';

export { PAGE_CSP };

export const LOOPBACK = '127.0.0.1';
/** Big enough for a catalogue import of a few thousand procedures. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface WebHostOptions {
  /** 0: a free port. */
  port: number;
  dataDir: string;
  seedDataDir?: string;
  /** The renderer build to serve (default dist/renderer of the app). */
  rendererDir?: string;
  printer?: PdfPrinter;
  clock?: () => Date;
  log?: CoreLogger;
  /** Fixed token (tests); default 32 random bytes, base64url. */
  token?: string;
  checkOutputs?: boolean;
  appVersion?: string;
  core?: Pick<CoreOptions, 'renderHtml' | 'fontCss'>;
  /** The sync loop with the central server (runs while enrolled); default on, false: off. */
  sync?: CoreSyncOptions | false;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  core: Core;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
}

function errorEnvelope(
  code: 'unauthorized' | 'validation' | 'not_found' | 'internal',
  message: string,
  reason?: 'token',
): ApiEnvelope {
  return { ok: false, error: { code, message, ...(reason ? { reason } : {}) } };
}

const TOKEN_MISSING =
  'Thiếu hoặc sai mã truy cập của phiên chạy này. Hãy mở đúng địa chỉ (có ?token=…) mà lệnh "npm run web" in ra; nếu đã chạy lại lệnh, hãy dùng địa chỉ mới.';

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RangeError('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The file under `root` a URL path names, or null (outside root, missing, a directory). */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + decoded);
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (!existsSync(full)) return null;
  const real = realpathSync(full);
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) return null;
  return statSync(real).isFile() ? real : null;
}

export function defaultRendererDir(): string {
  return resolve(process.cwd(), 'dist', 'renderer');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir());
  const log = options.log;
  const core = createCore({
    dataDir: options.dataDir,
    ...(options.seedDataDir !== undefined ? { seedDataDir: options.seedDataDir } : {}),
    ...(options.printer !== undefined ? { printer: options.printer } : {}),
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    ...(log !== undefined ? { log } : {}),
    ...(options.checkOutputs !== undefined ? { checkOutputs: options.checkOutputs } : {}),
    ...(options.appVersion !== undefined ? { appVersion: options.appVersion } : {}),
    ...(options.sync !== false ? { sync: options.sync ?? {} } : {}),
    ...options.core,
  });
  const printsRoot = resolve(core.dataDir, PRINTS_DIR);
  let port = options.port;

  const tokenOk = (given: string | null | undefined): boolean => {
    if (typeof given !== 'string') return false;
    const b = Buffer.from(given);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const hostOk = (host: string | undefined): boolean =>
    host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, 'Method Not Allowed', {
        allow: 'POST',
        'content-type': 'text/plain; charset=utf-8',
      });
      return;
    }
    if (!tokenOk(req.headers[TOKEN_HEADER] as string | undefined)) {
      sendJson(res, 401, errorEnvelope('unauthorized', TOKEN_MISSING, 'token'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      sendJson(
        res,
        403,
        errorEnvelope('unauthorized', 'Yêu cầu từ trang khác bị từ chối.', 'token'),
      );
      return;
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(
        res,
        415,
        errorEnvelope('validation', 'Yêu cầu phải gửi dạng JSON (content-type: application/json).'),
      );
      return;
    }
    let body: { method?: unknown; input?: unknown };
    try {
      const raw = await readBody(req, MAX_BODY_BYTES);
      body = JSON.parse(raw.toString('utf8')) as typeof body;
      if (typeof body !== 'object' || body === null) throw new SyntaxError('not an object');
    } catch (err) {
      const tooLarge = err instanceof RangeError;
      sendJson(
        res,
        tooLarge ? 413 : 400,
        errorEnvelope(
          'validation',
          tooLarge
            ? `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB): hãy chia tệp thành nhiều phần.`
            : 'Dữ liệu gửi lên không phải JSON hợp lệ { method, input }.',
        ),
      );
      return;
    }
    sendJson(res, 200, await core.dispatch(body.method, body.input));
  }

  function handlePrint(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const given =
      (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token');
    if (!tokenOk(given)) {
      sendJson(res, 401, errorEnvelope('unauthorized', TOKEN_MISSING, 'token'));
      return;
    }
    const file = fileUnder(printsRoot, url.pathname.slice(`/${PRINTS_DIR}`.length));
    if (!file || extname(file).toLowerCase() !== '.pdf') {
      sendJson(
        res,
        404,
        errorEnvelope('not_found', 'Không tìm thấy tệp phiếu in này trong thư mục dữ liệu.'),
      );
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'cross-origin-resource-policy': 'same-origin',
      'content-type': 'application/pdf',
      'content-length': String(size),
      'content-disposition': `inline; filename="${file.split(sep).pop()}"`,
      'cache-control': 'private, no-store',
    });
    createReadStream(file).pipe(res);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed', {
        allow: 'GET, HEAD',
        'content-type': 'text/plain; charset=utf-8',
      });
      return;
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    let file = fileUnder(rendererDir, path);
    // Client-side routes (no extension) get the app.
    if (!file && extname(path) === '') file = fileUnder(rendererDir, '/index.html');
    if (!file) {
      const missingBuild = !existsSync(join(rendererDir, 'index.html'));
      send(
        res,
        404,
        missingBuild
          ? `Chưa có bản dựng giao diện (${rendererDir}). Hãy chạy "npm run build" rồi "npm run web".`
          : 'Không tìm thấy.',
        { 'content-type': 'text/plain; charset=utf-8' },
      );
      return;
    }
    const ext = extname(file).toLowerCase();
    const isHtml = ext === '.html';
    const headers: Record<string, string> = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': isHtml
        ? 'no-store'
        : file.includes(`${sep}assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
    };
    if (isHtml) {
      headers['content-security-policy'] = PAGE_CSP;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...headers,
      'content-length': String(statSync(file).size),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    if (!hostOk(req.headers.host)) {
      send(res, 421, 'Misdirected Request: chỉ phục vụ qua 127.0.0.1.', {
        'content-type': 'text/plain; charset=utf-8',
      });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const route =
      url.pathname === '/api/call'
        ? handleApi(req, res)
        : url.pathname.startsWith(`/${PRINTS_DIR}/`)
          ? handlePrint(req, res, url)
          : handleStatic(req, res, url);
    Promise.resolve(route).catch((err: unknown) => {
      log?.error('web host request failed', {
        path: url.pathname,
        error: (err as Error).stack ?? String(err),
      });
      if (!res.headersSent)
        sendJson(
          res,
          500,
          errorEnvelope('internal', 'Lỗi không mong muốn khi xử lý yêu cầu: hãy thử lại.'),
        );
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  try {
    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(options.port, LOOPBACK, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
  } catch (err) {
    await core.close();
    throw err;
  }
  const bound = server.address() as AddressInfo;
  port = bound.port;
  const origin = `http://${LOOPBACK}:${port}`;
  let closed = false;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    port,
    address: bound.address,
    core,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await options.printer?.close?.();
      await core.close();
    },
  };
}
