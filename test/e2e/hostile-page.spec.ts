/**
 * A hostile page in the officer's browser: the officer has the app open (session cookie set) and
 * visits pages of other origins — one on another port of 127.0.0.1 (the same *site*, so the
 * SameSite=Strict cookie goes along) and one on localhost (another site). Their scripts try what
 * a web page can: a no-cors POST, a CORS fetch with the app's header, a form post, a beacon, the
 * request that once killed the host, reading and embedding a stored PDF. None of it may call the
 * API (the officer's session stays unlocked) or read a PDF, and the host keeps answering the app.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { receiveInput } from '../db/core/helpers';
import { initializeOffice, openApp, startTestHost, type TestHost } from './host';

let host: TestHost;
let evil: Server;
let evilPort: number;
let pdfPath: string;

test.beforeAll(async () => {
  host = await startTestHost('2026-03-10T08:30');
  await initializeOffice(host);
  const [procedure] = await host.core.call('procedures.search', { query: 'mai tang bao tro' });
  const { dossier } = await host.core.call('dossiers.receive', receiveInput(procedure!.id));
  pdfPath = (await host.core.call('print.render', { dossierId: dossier.id, form: 'receipt' }))
    .pdfPath;
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Trang lạ</title><p>Khuyến mãi!</p>');
  });
  await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', () => ok()));
  evilPort = (evil.address() as AddressInfo).port;
});
test.afterAll(async () => {
  evil?.close();
  await host?.close();
});

for (const evilHost of ['127.0.0.1', 'localhost']) {
  test(`a page on ${evilHost} (another origin) can neither call the API nor read a PDF`, async ({
    page,
    context,
  }) => {
    await openApp(page, host); // the officer's tab: session cookie set, signed in
    const cookies = await context.cookies(host.origin);
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([
      ['motcua_session', true, 'Strict'],
    ]);

    const attacker = await context.newPage();
    const seen: string[] = [];
    attacker.on('response', (r) => {
      if (r.url().startsWith(host.origin)) seen.push(`${r.status()} ${r.request().method()}`);
    });
    await attacker.goto(`http://${evilHost}:${evilPort}/`);
    const results = await attacker.evaluate(
      async ({ origin, pdf }) => {
        const api = `${origin}/api/call`;
        const lock = JSON.stringify({ method: 'auth.lock' });
        const out: Record<string, string> = {};
        const attempt = async (name: string, f: () => Promise<string>) => {
          try {
            out[name] = await f();
          } catch (e) {
            out[name] = `blocked: ${(e as Error).name}`;
          }
        };
        await attempt('no-cors POST', async () => {
          const r = await fetch(api, {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body: lock,
          });
          return `opaque ${r.type}`;
        });
        await attempt('CORS POST with the app header', async () => {
          const r = await fetch(api, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json', 'x-motcua-request': '1' },
            body: lock,
          });
          return `read ${r.status} ${await r.text()}`;
        });
        await attempt('beacon', async () => String(navigator.sendBeacon(api, lock)));
        await attempt('form post', async () => {
          const frame = document.createElement('iframe');
          frame.name = 'sink';
          document.body.append(frame);
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = api;
          form.enctype = 'text/plain';
          form.target = 'sink';
          const input = document.createElement('input');
          input.name = '{"method":"auth.lock","x":"';
          input.value = '"}';
          form.append(input);
          document.body.append(form);
          await new Promise<void>((ok) => {
            frame.onload = () => ok();
            form.submit();
          });
          return 'sent';
        });
        await attempt('GET //[', async () => {
          const r = await fetch(`${origin}//[`, { mode: 'no-cors' });
          return `opaque ${r.type}`;
        });
        await attempt('read the PDF', async () => {
          const r = await fetch(`${origin}/${pdf}`, { credentials: 'include' });
          return `read ${r.status} ${(await r.arrayBuffer()).byteLength} bytes`;
        });
        await attempt('PDF no-cors', async () => {
          const r = await fetch(`${origin}/${pdf}`, { mode: 'no-cors', credentials: 'include' });
          return `opaque ${r.type}`;
        });
        await attempt('PDF in a frame', async () => {
          const frame = document.createElement('iframe');
          frame.src = `${origin}/${pdf}`;
          document.body.append(frame);
          await new Promise<void>((ok) => {
            frame.onload = () => ok();
            setTimeout(ok, 3_000);
          });
          return 'embedded';
        });
        return out;
      },
      { origin: host.origin, pdf: pdfPath },
    );
    // What the page's script could see: nothing readable (every answer of the host carries
    // Cross-Origin-Resource-Policy: same-origin, so even opaque no-cors answers are withheld).
    expect(results).toEqual({
      'no-cors POST': 'blocked: TypeError',
      'CORS POST with the app header': 'blocked: TypeError', // the preflight gets no CORS grant
      beacon: 'true', // queued; its answer is never seen
      'form post': 'sent',
      'GET //[': 'blocked: TypeError',
      'read the PDF': 'blocked: TypeError',
      'PDF no-cors': 'blocked: TypeError',
      'PDF in a frame': 'embedded',
    });
    // The navigations (the form post, the framed PDF) were refused by the host itself.
    await expect.poll(() => seen.slice().sort()).toEqual(['403 GET', '403 POST']);
    const framed = attacker.frames().find((f) => f.url() === `${host.origin}/${pdfPath}`);
    expect(await framed?.locator('body').innerText()).toContain(
      'Yêu cầu từ trang khác bị từ chối.',
    );

    // Nothing happened to the officer's session, and the app still works.
    expect(await host.core.call('auth.me')).toMatchObject({ locked: false });
    await page.bringToFront();
    await page.reload();
    await expect(page.locator('.shell-header')).toBeVisible();
    const pdf = await page.request.get(`${host.origin}/${pdfPath}`);
    expect(pdf.status()).toBe(200);
  });
}
