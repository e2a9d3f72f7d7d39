/**
 * Browser mode: the same core as the desktop app, served on the loopback interface only.
 *
 * - Listens on 127.0.0.1 (never another interface); PORT 0 picks a free port.
 * - Launch addresses carry a one-time token as URL credentials:
 *   http://motcua:<token>@127.0.0.1:PORT/launch. /launch asks for them (401, Basic), the browser
 *   sends them, the host spends the token, sets an HttpOnly, SameSite=Strict session cookie and
 *   answers 303 to http://127.0.0.1:PORT/. Browsers keep URL credentials out of their history
 *   (checked in Chromium: test/e2e/history.spec.ts), and the token is dead once used.
 * - The API (POST /api/call) and the stored PDFs (/prints/…) need the session cookie. Against other
 *   pages in the officer's browser: no CORS at all; API calls must carry the x-motcua-request
 *   header (a cross-origin page cannot without a preflight) and be JSON, their Origin must be this
 *   host and Sec-Fetch-Site same-origin; PDFs open only from the app or the address bar. Another
 *   port of this machine is the same *site*, so SameSite alone would not keep it out.
 * - Host header checked (DNS rebinding); every request that is not HTTP/1.x with a clean path gets
 *   a 4xx (see ./http.ts).
 * - The renderer build (dist/renderer) is served as static files; the HTML with a strict CSP.
 * - No logic of its own: POST /api/call { method, input } → core.dispatch → the envelope.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import packageJson from '../../package.json' with { type: 'json' };
import { pipeline } from 'node:stream';
import { CSRF_HEADER, LAUNCH_PATH, LAUNCH_USER, SESSION_COOKIE } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/errors';
import {
  createCore,
  PRINTS_DIR,
  type Core,
  type CoreLogger,
  type CoreOptions,
} from '../../db/core/core';
import type { PdfPrinter } from '../../db/core/print';
import type { CoreSyncOptions } from '../../db/core/syncLink';
import { PRINT_TEMPLATES } from '../printTemplates';
import { PAGE_CSP } from '../csp';
import { createCredentials } from './credentials';
import {
  basicCredentials,
  cookie,
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
  /** Called each time a launch address has been used (e.g. to print a fresh one). */
  onLaunch?: () => void;
  checkOutputs?: boolean;
  /** Default: the version of the app's package.json. */
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
  /** The first launch address: http://motcua:<one-time token>@127.0.0.1:PORT/launch */
  url: string;
  /** A new one-time launch address (for another browser, or to open one for the officer). */
  launchUrl(): string;
  /** http://127.0.0.1:PORT */
  origin: string;
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

const SESSION_MISSING =
  'Trình duyệt này chưa được mở bằng địa chỉ của MotCua Desk, hoặc MotCua Desk vừa khởi động lại. ' +
  'Hãy mở địa chỉ mới (mỗi địa chỉ dùng một lần) đang hiện trong cửa sổ dòng lệnh chạy MotCua Desk.';
const OTHER_SITE = 'Yêu cầu từ trang khác bị từ chối.';
const LAUNCH_REFUSED =
  'Địa chỉ này đã được dùng rồi hoặc không còn hiệu lực: mỗi địa chỉ mở MotCua Desk chỉ dùng được ' +
  'một lần và hết hiệu lực khi MotCua Desk khởi động lại. Hãy mở địa chỉ mới đang hiện trong cửa sổ ' +
  `dòng lệnh (dạng http://${LAUNCH_USER}:…@127.0.0.1:…${LAUNCH_PATH}).`;

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
  const credentials = createCredentials();
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir());
  const log = options.log;
  const core = createCore({
    dataDir: options.dataDir,
    ...(options.seedDataDir !== undefined ? { seedDataDir: options.seedDataDir } : {}),
    ...(options.printer !== undefined ? { printer: options.printer } : {}),
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    ...(log !== undefined ? { log } : {}),
    ...(options.checkOutputs !== undefined ? { checkOutputs: options.checkOutputs } : {}),
    appVersion: options.appVersion ?? packageJson.version,
    ...(options.sync !== false ? { sync: options.sync ?? {} } : {}),
    ...PRINT_TEMPLATES,
    ...options.core,
  });
  const printsRoot = resolve(core.dataDir, PRINTS_DIR);
  let port = options.port;

  const signedIn = (req: IncomingMessage) => credentials.hasSession(cookie(req, SESSION_COOKIE));

  const hostOk = (host: string | undefined): boolean =>
    host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendText(res, 405, MESSAGES.methodNotAllowed, { allow: 'POST' });
      return;
    }
    const origin = header(req, 'origin');
    const site = header(req, 'sec-fetch-site');
    if (
      (origin !== undefined && origin !== `http://${req.headers.host}`) ||
      (site !== undefined && site !== 'same-origin') ||
      header(req, CSRF_HEADER) !== '1'
    ) {
      sendJson(res, 403, errorEnvelope('unauthorized', OTHER_SITE, 'token'));
      return;
    }
    if (!signedIn(req)) {
      sendJson(res, 401, errorEnvelope('unauthorized', SESSION_MISSING, 'token'));
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
      sendJson(res, 403, errorEnvelope('unauthorized', OTHER_SITE, 'token'));
      return;
    }
    if (!signedIn(req)) {
      sendJson(res, 401, errorEnvelope('unauthorized', SESSION_MISSING, 'token'));
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

  /**
   * The launch address: spend its one-time token (sent by the browser as Basic credentials from
   * the address) for a session cookie, then 303 to the app, so the address with the token is
   * never a page of its own. A browser that already has a session goes straight on.
   */
  function handleLaunch(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      sendText(res, 405, MESSAGES.methodNotAllowed, { allow: 'GET' });
      return;
    }
    // Typed, pasted or opened by the system (none); never navigated to by another site.
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'none' && site !== 'same-origin') {
      sendText(res, 403, OTHER_SITE);
      return;
    }
    const home = { location: `http://${req.headers.host}/`, 'cache-control': 'no-store' };
    if (signedIn(req)) {
      sendText(res, 303, '', home);
      return;
    }
    const given = basicCredentials(req);
    if (!given || given.user !== LAUNCH_USER || !credentials.redeem(given.password)) {
      // Asking again (not 403) lets the browser drop credentials it remembers from an earlier
      // address and use the ones in this one; with none left, its login prompt shows, and
      // cancelling it shows this text.
      sendText(res, 401, LAUNCH_REFUSED, {
        'www-authenticate': 'Basic realm="MotCua Desk", charset="UTF-8"',
      });
      return;
    }
    const session = credentials.openSession();
    sendText(res, 303, '', {
      ...home,
      'set-cookie': `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Strict`,
    });
    options.onLaunch?.();
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
    else if (target.path === LAUNCH_PATH) handleLaunch(req, res);
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

  const launchUrl = () =>
    `http://${LAUNCH_USER}:${credentials.mintLaunchToken()}@${LOOPBACK}:${port}${LAUNCH_PATH}`;

  return {
    url: launchUrl(),
    launchUrl,
    origin,
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
