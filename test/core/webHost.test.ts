/**
 * Browser mode's loopback host: bound to 127.0.0.1 only, the API answers 401 without this
 * launch's token, the page gets a strict CSP, stored PDFs need the token, and the HTTP client
 * (shared/api/httpClient) drives the same core as the other hosts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { createHttpClient } from '../../shared/api/httpClient';
import { ApiCallError } from '../../shared/api/errors';
import { failure, receiveInput, SEED_DIR, SETUP, T0 } from './helpers';
import { TINY_PDF } from '../web/tinyPdf';

let host: WebHost;
let dir: string;
let rendererDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>MotCua</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  host = await startWebHost({
    port: 0,
    dataDir: join(dir, 'data'),
    seedDataDir: SEED_DIR,
    rendererDir,
    clock: () => T0,
    checkOutputs: true,
    printer: { htmlToPdf: async () => TINY_PDF },
  });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('browser-mode host', () => {
  it('prints a loopback URL with a random token and binds to 127.0.0.1 only', async () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${encodeURIComponent(host.token)}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (other) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: other, port: host.port });
        s.once('connect', () => {
          s.destroy();
          resolve(false);
        });
        s.once('error', () => resolve(true));
      });
      expect(refused, `port ${host.port} must not answer on ${other}`).toBe(true);
    }
  });

  it('answers 401 without the token or with a wrong one, 200 with it', async () => {
    const body = JSON.stringify({ method: 'setup.status' });
    const none = await http('/api/call', { method: 'POST', headers: json, body });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'token' },
    });
    expect(JSON.parse(none.body).error.message).toMatch(/mã truy cập/);
    const wrong = await http('/api/call', {
      method: 'POST',
      headers: { ...json, 'x-motcua-token': host.token.slice(1) + 'x' },
      body,
    });
    expect(wrong.status).toBe(401);
    const ok = await http('/api/call', {
      method: 'POST',
      headers: { ...json, 'x-motcua-token': host.token },
      body,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it('refuses other Host headers, other origins, non-JSON bodies and broken JSON', async () => {
    const auth = { ...json, 'x-motcua-token': host.token };
    const body = JSON.stringify({ method: 'setup.status' });
    expect(
      (
        await http('/api/call', {
          method: 'POST',
          headers: { ...auth, host: 'evil.example:80' },
          body,
        })
      ).status,
    ).toBe(421);
    expect((await http('/', { headers: { host: 'attacker.test' } })).status).toBe(421);
    expect(
      (
        await http('/api/call', {
          method: 'POST',
          headers: { ...auth, origin: 'http://evil.example' },
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http('/api/call', {
          method: 'POST',
          headers: { 'x-motcua-token': host.token, 'content-type': 'text/plain' },
          body,
        })
      ).status,
    ).toBe(415);
    const broken = await http('/api/call', { method: 'POST', headers: auth, body: '{"method":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/không phải JSON hợp lệ/);
    expect((await http('/api/call', { headers: auth })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP, client routes fall back to the app, no path escapes', async () => {
    const page = await http('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await http('/assets/app.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await http('/ho-so/abc')).body).toContain('<title>MotCua</title>');
    // Dot segments, raw or percent-encoded, are refused before any file is looked up.
    for (const escape of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets%2f..%2f..%2fdata%2fmotcua.sqlite',
    ]) {
      const r = await http(escape);
      expect(r.status, escape).toBe(400);
      expect(r.body, escape).not.toContain('root:');
    }
    expect((await http('/missing.js')).status).toBe(404);
  });

  it('the HTTP client drives the core: setup, sign-in, receive, errors with fields, stored PDFs', async () => {
    const api = createHttpClient({ baseUrl: host.origin, token: host.token });
    await api.call('setup.initialize', SETUP);
    await api.call('auth.signIn', {
      username: SETUP.admin.username,
      password: SETUP.admin.password,
    });
    const [proc] = await api.call('procedures.search', { query: 'mai tang' });
    const err = await failure(
      api.call(
        'dossiers.receive',
        receiveInput(proc!.id, { applicant: { kind: 'citizen', name: '' } }),
      ),
    );
    expect(err.code).toBe('validation');
    expect(err.fields?.['applicant.name']).toBe('Chưa nhập họ tên người nộp hồ sơ');
    await expect(api.call('dossiers.get', { id: 'khong-co' })).rejects.toBeInstanceOf(ApiCallError);

    const { dossier } = await api.call('dossiers.receive', receiveInput(proc!.id));
    const printed = await api.call('print.render', { dossierId: dossier.id, form: 'receipt' });
    expect(printed.pdfPath).toMatch(/^prints\/2026\/.*-receipt-1\.pdf$/);

    expect((await http(`/${printed.pdfPath}`)).status).toBe(401);
    const pdf = await fetch(api.fileUrl(printed.pdfPath));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(TINY_PDF)).toBe(true);
    expect((await http(`/prints/2026/..%2f..%2fmotcua.sqlite?token=${host.token}`)).status).toBe(
      400,
    );
    expect((await http(`/prints/nothing.pdf?token=${host.token}`)).status).toBe(404);
  });

  it('a body over 32 MiB gets the 413 message, not a reset connection', async () => {
    /** Send the whole request over a raw socket, then read the whole answer. */
    const raw = (head: string, body: Buffer, chunked: boolean) =>
      new Promise<{ status: number; body: string; error?: string }>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: host.port });
        let got = Buffer.alloc(0);
        const done = (error?: string) => {
          const text = got.toString('utf8');
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
          const start = text.indexOf('\r\n\r\n');
          const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? -1);
          const payload =
            start === -1
              ? ''
              : got.subarray(Buffer.byteLength(text.slice(0, start + 4))).toString('utf8');
          if (!error && (length < 0 || Buffer.byteLength(payload) < length)) return false;
          socket.destroy();
          resolve({ status, body: payload, ...(error ? { error } : {}) });
          return true;
        };
        socket.on('data', (d: Buffer) => {
          got = Buffer.concat([got, d]);
          done();
        });
        socket.on('error', (e) => done((e as NodeJS.ErrnoException).code ?? e.message));
        socket.on('close', () => done('closed'));
        socket.on('connect', () => {
          socket.write(head);
          if (!chunked) socket.write(body);
          else {
            for (let i = 0; i < body.length; i += 1 << 20) {
              const piece = body.subarray(i, i + (1 << 20));
              socket.write(`${piece.length.toString(16)}\r\n`);
              socket.write(piece);
              socket.write('\r\n');
            }
            socket.write('0\r\n\r\n');
          }
        });
      });
    const body = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const head = (framing: string) =>
      `POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Motcua-Token: ${host.token}\r\n` +
      `Content-Type: application/json\r\n${framing}\r\n`;
    for (const [framing, chunked] of [
      [`Content-Length: ${body.length}\r\n`, false],
      ['Transfer-Encoding: chunked\r\n', true],
    ] as const) {
      const answer = await raw(head(framing), body, chunked);
      expect(answer.error, framing).toBeUndefined();
      expect(answer.status, framing).toBe(413);
      expect(JSON.parse(answer.body).error.message, framing).toBe(
        'Dữ liệu gửi lên quá lớn (tối đa 32 MB): hãy chia tệp thành nhiều phần.',
      );
    }
    // and the host still answers
    expect((await http('/')).status).toBe(200);
  });

  it('a client whose host is gone reports it in Vietnamese', async () => {
    const api = createHttpClient({ baseUrl: 'http://127.0.0.1:1', token: 'x' });
    const err = await failure(api.call('setup.status'));
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/Không liên lạc được với MotCua Desk/);
  });
});
