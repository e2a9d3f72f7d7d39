/**
 * Browser mode's loopback host: bound to 127.0.0.1 only, a launch address is exchanged once for a
 * session cookie, the API answers 401 without it and 403 to other origins, the page gets a strict
 * CSP, stored PDFs need the cookie, and the HTTP client (shared/api/httpClient) drives the same
 * core as the other hosts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { createHttpClient } from '../../../shared/api/httpClient';
import { ApiCallError } from '../../../shared/api/errors';
import { failure, receiveInput, SEED_DIR, SETUP, T0 } from './helpers';
import { TINY_PDF } from '../../web/tinyPdf';
import { openSession } from '../../web/session';

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
  it('prints a one-time launch address on loopback and binds to 127.0.0.1 only', async () => {
    expect(host.address).toBe('127.0.0.1');
    const launch = /^http:\/\/motcua:([A-Za-z0-9_-]{43})@127\.0\.0\.1:(\d+)\/launch$/;
    expect(host.url).toMatch(launch);
    expect(launch.exec(host.url)![2]).toBe(String(host.port));
    const another = host.launchUrl();
    expect(another).toMatch(launch);
    expect(launch.exec(another)![1]).not.toBe(launch.exec(host.url)![1]);
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

  it('exchanges a launch address once for an HttpOnly, SameSite=Strict cookie and a 303 to the app', async () => {
    const launch = new URL(host.launchUrl());
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    // A browser first asks without the address's credentials: the host asks for them.
    const ask = await http('/launch');
    expect(ask.status).toBe(401);
    expect(ask.headers['www-authenticate']).toBe('Basic realm="MotCua Desk", charset="UTF-8"');
    expect(ask.body).toMatch(/mỗi địa chỉ mở MotCua Desk chỉ dùng được một lần/);
    expect(ask.headers['set-cookie']).toBeUndefined();

    const used = await http('/launch', {
      headers: { authorization: basic(launch.username, launch.password) },
    });
    expect(used.status).toBe(303);
    expect(used.headers.location).toBe(`http://127.0.0.1:${host.port}/`);
    const setCookie = String(used.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^motcua_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0]!;

    // Spent: the same address again is refused (asked again, so a browser can try other ones).
    const again = await http('/launch', {
      headers: { authorization: basic(launch.username, launch.password) },
    });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    // A browser with the cookie goes straight on, without spending anything.
    const fresh = new URL(host.launchUrl());
    const withCookie = await http('/launch', {
      headers: { cookie, authorization: basic(fresh.username, fresh.password) },
    });
    expect(withCookie.status).toBe(303);
    expect(withCookie.headers['set-cookie']).toBeUndefined();
    // ... so that address is still good for another browser, through localhost too.
    const other = await http('/launch', {
      headers: { host: `localhost:${host.port}`, authorization: basic('motcua', fresh.password) },
    });
    expect(other.status).toBe(303);
    expect(other.headers.location).toBe(`http://localhost:${host.port}/`);

    const next = new URL(host.launchUrl());
    for (const [headers, status] of [
      [{ authorization: basic('admin', next.password) }, 401],
      [{ authorization: basic('motcua', next.password.slice(1)) }, 401],
      [{ authorization: `Bearer ${next.password}` }, 401],
      [{ authorization: basic('motcua', next.password), 'sec-fetch-site': 'cross-site' }, 403],
      [{ authorization: basic('motcua', next.password), 'sec-fetch-site': 'same-site' }, 403],
    ] as const) {
      const r = await http('/launch', { headers });
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    expect((await http('/launch', { method: 'POST' })).status).toBe(405);
    // none of those spent it
    expect(
      (await http('/launch', { headers: { authorization: basic('motcua', next.password) } }))
        .status,
    ).toBe(303);
  });

  it('the API needs the session cookie and the request header, from this origin only', async () => {
    const session = await openSession(host.launchUrl());
    const cookie = `motcua_session=${session}`;
    const allowed = { ...json, cookie, 'x-motcua-request': '1' };
    const body = JSON.stringify({ method: 'setup.status' });
    const post = (headers: Record<string, string>, b = body) =>
      http('/api/call', { method: 'POST', headers, body: b });

    const ok = await post({
      ...allowed,
      origin: `http://127.0.0.1:${host.port}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { initialized: false } });

    const none = await post({ ...json, 'x-motcua-request': '1' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'token' },
    });
    expect(JSON.parse(none.body).error.message).toMatch(
      /chưa được mở bằng địa chỉ của MotCua Desk/,
    );
    expect(
      (await post({ ...allowed, cookie: 'motcua_session=' + session.slice(1) + 'x' })).status,
    ).toBe(401);
    // the old token header is not a credential
    expect(
      (await post({ ...json, 'x-motcua-request': '1', 'x-motcua-token': session })).status,
    ).toBe(401);

    for (const refused of [
      { ...json, cookie }, // no request header: what a form or a no-cors fetch of another page sends
      { ...allowed, 'x-motcua-request': '0' },
      { ...allowed, origin: 'http://evil.example' },
      { ...allowed, origin: `http://127.0.0.1:${host.port + 1}` }, // same site, other origin
      { ...allowed, origin: 'null' },
      { ...allowed, 'sec-fetch-site': 'cross-site' },
      { ...allowed, 'sec-fetch-site': 'same-site' },
      { ...allowed, 'sec-fetch-site': 'none' },
    ]) {
      const r = await post(refused);
      expect(r.status, JSON.stringify(refused)).toBe(403);
      expect(JSON.parse(r.body).error.message).toBe('Yêu cầu từ trang khác bị từ chối.');
    }
    expect((await post({ ...allowed, host: 'evil.example:80' })).status).toBe(421);
    expect((await http('/', { headers: { host: 'attacker.test' } })).status).toBe(421);
    expect((await post({ ...allowed, 'content-type': 'text/plain' })).status).toBe(415);
    const broken = await post(allowed, '{"method":');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/không phải JSON hợp lệ/);
    expect((await http('/api/call', { headers: allowed })).status).toBe(405);
    expect(
      (await http('/api/call', { method: 'OPTIONS', headers: { origin: 'http://evil.example' } }))
        .headers['access-control-allow-origin'],
    ).toBeUndefined();
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
    const session = await openSession(host.launchUrl());
    const api = createHttpClient({ baseUrl: host.origin, session });
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
    expect(err.fields?.['applicant.name']).toBe('Chưa nhập họ tên người nộp hồ sơ.');
    await expect(api.call('dossiers.get', { id: 'khong-co' })).rejects.toBeInstanceOf(ApiCallError);

    const { dossier } = await api.call('dossiers.receive', receiveInput(proc!.id));
    const printed = await api.call('print.render', { dossierId: dossier.id, form: 'receipt' });
    expect(printed.pdfPath).toMatch(/^prints\/2026\/.*-receipt-1\.pdf$/);

    // The link has no secret: the cookie opens it, from the app or the address bar only.
    expect(api.fileUrl(printed.pdfPath)).toBe(`${host.origin}/${printed.pdfPath}`);
    const cookie = `motcua_session=${session}`;
    expect((await http(`/${printed.pdfPath}`)).status).toBe(401);
    expect((await http(`/${printed.pdfPath}?token=x`)).status).toBe(401);
    for (const site of ['same-origin', 'none', undefined]) {
      const pdf = await fetch(api.fileUrl(printed.pdfPath), {
        headers: { cookie, ...(site ? { 'sec-fetch-site': site } : {}) },
      });
      expect(pdf.status, site).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(Buffer.from(await pdf.arrayBuffer()).equals(TINY_PDF)).toBe(true);
    }
    for (const site of ['same-site', 'cross-site']) {
      const r = await http(`/${printed.pdfPath}`, { headers: { cookie, 'sec-fetch-site': site } });
      expect(r.status, site).toBe(403);
    }
    expect(
      (await http(`/prints/2026/..%2f..%2fmotcua.sqlite`, { headers: { cookie } })).status,
    ).toBe(400);
    expect((await http(`/prints/nothing.pdf`, { headers: { cookie } })).status).toBe(404);
    expect(
      (await http(`/${printed.pdfPath}`, { method: 'POST', headers: { cookie } })).status,
    ).toBe(405);
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
    const session = await openSession(host.launchUrl());
    const body = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const head = (framing: string) =>
      `POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Motcua-Request: 1\r\n` +
      `Cookie: motcua_session=${session}\r\n` +
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
    const api = createHttpClient({ baseUrl: 'http://127.0.0.1:1' });
    const err = await failure(api.call('setup.status'));
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/Không liên lạc được với MotCua Desk/);
  });
});
