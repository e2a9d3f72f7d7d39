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
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';
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
import {
  header,
  installSocketGuards,
  MESSAGES,
  parseTarget,
  readBody,
  SECURITY_HEADERS,
  sendJson,
  sendText,
  type Target,
} from './http';

export { PAGE_CSP };

export const LOOPBACK = '127.0.0.1';
/** Big enough for a catalogue import of a few thousand procedures. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Node's default, fixed here so that NODE_OPTIONS cannot change it: more gets a 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

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
  /**
   * Headers must arrive within headersMs (default 30 s), the whole request within requestMs
   * (default 120 s); slower requests get a 408.
   */
  timeouts?: { headersMs?: number; requestMs?: number };
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

function errorEnvelope(
  code: 'unauthorized' | 'validation' | 'not_found' | 'internal',
  message: string,
  reason?: 'token',
): ApiEnvelope {
  return { ok: false, error: { code, message, ...(reason ? { reason } : {}) } };
}

const TOKEN_MISSING =
  'Thiếu hoặc sai mã truy cập của phiên chạy này. Hãy mở đúng địa chỉ (có ?token=…) mà lệnh "npm run web" in ra; nếu đã chạy lại lệnh, hãy dùng địa chỉ mới.';

/**
 * The file under `root` a decoded URL path names, or null (outside root, missing, a directory, or
 * anything the file system refuses: a name too long, no permission).
 */
function fileUnder(root: string, path: string): string | null {
  if (path.includes('\0')) return null;
  try {
    const full = resolve(root, '.' + path);
    if (full !== root && !full.startsWith(root + sep)) return null;
    if (!existsSync(full)) return null;
    const real = realpathSync(full);
    const realRoot = realpathSync(root);
    if (!real.startsWith(realRoot + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Send a file (already found by fileUnder); a read error ends the response, never the host. */
function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    sendText(res, 404, 'Không tìm thấy.');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, ...headers, 'content-length': String(size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res, () => undefined);
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
      sendText(res, 405, MESSAGES.methodNotAllowed, { allow: 'POST' });
      return;
    }
    if (!tokenOk(header(req, TOKEN_HEADER))) {
      sendJson(res, 401, errorEnvelope('unauthorized', TOKEN_MISSING, 'token'));
      return;
    }
    const origin = header(req, 'origin');
    const site = header(req, 'sec-fetch-site');
    if (
      (origin !== undefined && origin !== `http://${req.headers.host}`) ||
      (site !== undefined && site !== 'same-origin')
    ) {
      sendJson(
        res,
        403,
        errorEnvelope('unauthorized', 'Yêu cầu từ trang khác bị từ chối.', 'token'),
      );
      return;
    }
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(
        res,
        415,
        errorEnvelope('validation', 'Yêu cầu phải gửi dạng JSON (content-type: application/json).'),
      );
      return;
    }
    const read = await readBody(req, MAX_BODY_BYTES);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too_large') {
      sendJson(
        res,
        413,
        errorEnvelope(
          'validation',
          `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB): hãy chia tệp thành nhiều phần.`,
        ),
      );
      return;
    }
    let body: { method?: unknown; input?: unknown } | null = null;
    try {
      const parsed: unknown = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(read.body),
      );
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        body = parsed as { method?: unknown; input?: unknown };
    } catch {
      body = null;
    }
    if (!body) {
      sendJson(
        res,
        400,
        errorEnvelope('validation', 'Dữ liệu gửi lên không phải JSON hợp lệ { method, input }.'),
      );
      return;
    }
    sendJson(res, 200, await core.dispatch(body.method, body.input));
  }

  function handlePrint(req: IncomingMessage, res: ServerResponse, target: Target): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, MESSAGES.methodNotAllowed, { allow: 'GET, HEAD' });
      return;
    }
    // Opened from the app (same-origin) or typed into the address bar (none); never embedded or
    // fetched by another site, including another port of this machine (same-site).
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      sendJson(
        res,
        403,
        errorEnvelope('unauthorized', 'Yêu cầu từ trang khác bị từ chối.', 'token'),
      );
      return;
    }
    const given =
      header(req, TOKEN_HEADER) ?? new URLSearchParams(target.query).get('token') ?? undefined;
    if (!tokenOk(given)) {
      sendJson(res, 401, errorEnvelope('unauthorized', TOKEN_MISSING, 'token'));
      return;
    }
    const file = fileUnder(printsRoot, target.path.slice(`/${PRINTS_DIR}`.length));
    if (!file || extname(file).toLowerCase() !== '.pdf') {
      sendJson(
        res,
        404,
        errorEnvelope('not_found', 'Không tìm thấy tệp phiếu in này trong thư mục dữ liệu.'),
      );
      return;
    }
    sendFile(req, res, file, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${file.split(sep).pop()}"`,
      'cache-control': 'private, no-store',
    });
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, target: Target): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, MESSAGES.methodNotAllowed, { allow: 'GET, HEAD' });
      return;
    }
    const path = target.path === '/' ? '/index.html' : target.path;
    let file = fileUnder(rendererDir, path);
    // Client-side routes (no extension) get the app.
    if (!file && extname(path) === '') file = fileUnder(rendererDir, '/index.html');
    if (!file) {
      const missingBuild = !existsSync(join(rendererDir, 'index.html'));
      sendText(
        res,
        404,
        missingBuild
          ? `Chưa có bản dựng giao diện (${rendererDir}). Hãy chạy "npm run build" rồi "npm run web".`
          : 'Không tìm thấy.',
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
    sendFile(req, res, file, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Node keeps the first of several Host headers; RFC 9112 wants a 400 for more than one.
    if (req.rawHeaders.filter((_, i) => i % 2 === 0 && _.toLowerCase() === 'host').length > 1) {
      sendText(res, 400, MESSAGES.badRequest);
      return;
    }
    if (req.httpVersionMajor !== 1) {
      sendText(res, 400, MESSAGES.badRequest);
      return;
    }
    if (!hostOk(header(req, 'host'))) {
      sendText(res, 421, 'Misdirected Request: chỉ phục vụ qua 127.0.0.1.');
      return;
    }
    const target = parseTarget(req.url);
    if (!target) {
      sendText(res, 400, MESSAGES.badPath);
      return;
    }
    if (target.path === '/api/call') await handleApi(req, res);
    else if (target.path.startsWith(`/${PRINTS_DIR}/`)) handlePrint(req, res, target);
    else handleStatic(req, res, target);
  }

  /** The response being produced on each socket (a timeout answers through it). */
  const inflight = new WeakMap<Duplex, ServerResponse>();
  const server: Server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      const socket = req.socket;
      // Until the response is out and the request read to its end (a timeout after the answer
      // must not write a second one).
      inflight.set(socket, res);
      const settled = () => {
        if (res.writableFinished && req.complete && inflight.get(socket) === res)
          inflight.delete(socket);
      };
      res.on('finish', settled);
      req.on('end', settled);
      res.on('error', (err) => log?.warn('web host response error', { error: err.message }));
      // Everything a request carries is checked inside `handle`; whatever still throws (a bug)
      // becomes a 500 for this request, never the end of the process.
      handle(req, res).catch((err: unknown) => {
        log?.error('web host request failed', {
          method: req.method,
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
    },
  );
  installSocketGuards(server, inflight, log);
  server.headersTimeout = options.timeouts?.headersMs ?? 30_000;
  server.requestTimeout = options.timeouts?.requestMs ?? 120_000;

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
