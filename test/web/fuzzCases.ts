/**
 * Hostile and malformed HTTP requests for the browser-mode host, as fast-check arbitraries (a
 * seed replays a run). Every case is built on a request that deserves a 4xx (a missing file, a
 * method the route does not take, an API call without the session) and then broken further, so
 * the expected answer is always a 4xx, whatever the mutation did or did not break.
 */
import fc from 'fast-check';
import { API_METHODS } from '../../shared/api/contract';
import type { RawRequest } from './hostProcess';

export interface FuzzContext {
  port: number;
  /** The header lines that make an API call allowed: the session cookie and the request header. */
  auth: string;
  /** The session cookie's header line alone. */
  cookie: string;
  /** Basic credentials (base64) of a launch address that was used already. */
  spent: string;
}

export interface FuzzCase extends RawRequest {
  kind: string;
  /** The first bytes, for a failure message. */
  preview: string;
  /** Slow cases wait for the host's timeouts. */
  slow: boolean;
  /**
   * '4xx': the request deserves a refusal. 'answer': a well-formed API call with random input,
   * which deserves the core's envelope (200, ok or a Vietnamese error) or a 4xx, never a 5xx.
   */
  expect: '4xx' | 'answer';
}

const b = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function make(
  kind: string,
  parts: Array<Buffer | number>,
  then: 'end' | 'open',
  slow = false,
  expect: FuzzCase['expect'] = '4xx',
): FuzzCase {
  const first = Buffer.concat(parts.filter((p): p is Buffer => typeof p !== 'number'));
  return {
    kind,
    parts,
    then,
    slow,
    expect,
    preview: JSON.stringify(first.subarray(0, 160).toString('latin1')),
  };
}

/** A request-target that is not a usable origin-form path. */
const badTarget: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '//[',
    '//[::1',
    '/[',
    '/]',
    '//',
    '/%',
    '/%z',
    '/%zz',
    '/%C0%80',
    '/%FF',
    '/%ED%A0%80', // a lone surrogate in UTF-8
    '/%00',
    '/%0a',
    '/a%5c..%5cb',
    '/..',
    '/../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2e%2e/%2e%2e/data/motcua.sqlite',
    '/prints/..%2f..%2fmotcua.sqlite',
    '*',
    'http://127.0.0.1/',
    'http://[/',
    'https://evil.example/x',
    '127.0.0.1:80',
    'x',
    '/a|b',
    '/a^b',
    '/{x}',
    '/a`b',
    '/\u00e1',
    '/\u00c3\u00a1',
  ),
  // random printable junk with at least one character a path may not hold raw
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abc/%.[]{}|^`<>"\\ 09AFaf?#'), maxLength: 40 }),
      fc.constantFrom('[', ']', '{', '}', '|', '^', '`', '<', '>', '"', '%', '%g1', '\\', '/..'),
      fc.string({ unit: fc.constantFrom(...'abc/%.[]09AF'), maxLength: 20 }),
    )
    .map(([a, bad, c]) => `/${a.replace(/[ #?]/g, '')}${bad}${c.replace(/[ #?]/g, '')}`)
    .filter((t) => {
      try {
        return (
          !/^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/.test(t) ||
          decodeURIComponent(t)
            .split('/')
            .some((s) => s === '..' || s === '.') ||
          /%(?![0-9A-Fa-f]{2})/.test(t)
        );
      } catch {
        return true;
      }
    }),
  // far too long
  fc.integer({ min: 8_200, max: 15_000 }).map((n) => '/' + 'a'.repeat(n)),
  // random bytes, high bits included
  fc
    .uint8Array({ minLength: 1, maxLength: 30 })
    .map((a) => '/' + Buffer.from(a).toString('latin1') + '[]'),
);

const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');

/** Requests whose path is broken. */
function badTargets(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(method, badTarget)
    .map(([m, t]) =>
      make('bad target', [b(`${m} ${t} HTTP/1.1\r\nHost: 127.0.0.1:${ctx.port}\r\n\r\n`)], 'open'),
    );
}

/** A sound request line to a route that refuses it, or a missing file. */
function refusedLine(ctx: FuzzContext): fc.Arbitrary<string> {
  return fc.constantFrom(
    'GET /khong-co.js HTTP/1.1',
    'GET /assets/khong-co.css HTTP/1.1',
    'GET /api/call HTTP/1.1',
    'HEAD /api/call HTTP/1.1',
    'PUT /api/call HTTP/1.1',
    'DELETE / HTTP/1.1',
    'POST / HTTP/1.1',
    'POST /prints/2026/x.pdf HTTP/1.1',
    'GET /prints/2026/x.pdf HTTP/1.1',
    'GET /prints/khong-co.pdf?token=sai HTTP/1.1',
    'OPTIONS /api/call HTTP/1.1',
    'OPTIONS * HTTP/1.1',
    'PATCH /api/call HTTP/1.1',
    'TRACE / HTTP/1.1',
    `CONNECT 127.0.0.1:${ctx.port} HTTP/1.1`,
    'POST /api/call HTTP/1.1',
    'GET /launch HTTP/1.1',
    'HEAD /launch HTTP/1.1',
    'POST /launch HTTP/1.1',
  );
}

const hostHeader = (ctx: FuzzContext) => `Host: 127.0.0.1:${ctx.port}\r\n`;

/** Wrong, missing or strange Host headers (DNS rebinding, proxies, garbage). */
function badHosts(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(
      fc.constantFrom(
        'GET / HTTP/1.1',
        'GET /assets/app.js HTTP/1.1',
        'POST /api/call HTTP/1.1',
        'GET / HTTP/1.0',
      ),
      fc.constantFrom(
        '',
        'Host: evil.example\r\n',
        `Host: evil.example:${ctx.port}\r\n`,
        'Host: 127.0.0.1\r\n',
        `Host: 127.0.0.1:${ctx.port + 1}\r\n`,
        `Host: 127.0.0.1:${ctx.port}.evil.example\r\n`,
        `Host: 0.0.0.0:${ctx.port}\r\n`,
        `Host: [::1]:${ctx.port}\r\n`,
        `Host: LOCALHOST.:${ctx.port}\r\n`,
        `Host: 127.0.0.1:${ctx.port}\r\nHost: evil.example\r\n`,
        'Host: \r\n',
        'Host: \u00ff\u00fe\r\n',
        `Host: 127.0.0.1:${ctx.port} x\r\n`,
      ),
      fc.constantFrom('', `${ctx.auth}\r\n`),
    )
    .map(([line, host, auth]) =>
      make('bad host', [b(`${line}\r\n${host}${auth}Content-Length: 0\r\n\r\n`)], 'open'),
    );
}

/** Request lines that are not HTTP/1.x: unknown or lower-case methods, bad versions, junk. */
function badLines(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .oneof(
      fc.constantFrom(
        'get / HTTP/1.1',
        'GET / HTTP/1.1 extra',
        'GET / HTTP/2.0',
        'GET / HTTP/9.9',
        'GET / HTTP/1.',
        'GET / http/1.1',
        'GET /',
        'GET',
        ' GET / HTTP/1.1',
        'G\u00c9T / HTTP/1.1',
        'BREW /pot HTTP/1.1',
        'GET\t/\tHTTP/1.1',
        'GET /\tHTTP/1.1',
        'GET /\u0000 HTTP/1.1',
        'GET /\u007f HTTP/1.1',
        'GET / HTTP/1.1\u0000',
      ),
      fc
        .tuple(
          fc.string({
            unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ_-'),
            minLength: 1,
            maxLength: 20,
          }),
          fc.nat(3),
        )
        .filter(
          ([m]) =>
            ![
              'GET',
              'HEAD',
              'POST',
              'PUT',
              'DELETE',
              'OPTIONS',
              'PATCH',
              'TRACE',
              'CONNECT',
              'PRI',
              'ACL',
              'BIND',
              'COPY',
              'LINK',
              'LOCK',
              'MOVE',
              'SEARCH',
              'MERGE',
              'NOTIFY',
              'PURGE',
              'REBIND',
              'REPORT',
              'UNBIND',
              'UNLINK',
              'UNLOCK',
              'MKCOL',
              'QUERY',
              'SOURCE',
              'MKACTIVITY',
              'CHECKOUT',
              'MSEARCH',
              'M-SEARCH',
              'PROPFIND',
              'PROPPATCH',
              'SUBSCRIBE',
              'UNSUBSCRIBE',
              'MKCALENDAR',
              'DESCRIBE',
              'ANNOUNCE',
              'SETUP',
              'PLAY',
              'PAUSE',
              'TEARDOWN',
              'GET_PARAMETER',
              'SET_PARAMETER',
              'REDIRECT',
              'RECORD',
              'FLUSH',
            ].includes(m),
        )
        .map(([m]) => `${m} / HTTP/1.1`),
    )
    .map((line) => make('bad request line', [b(`${line}\r\n${hostHeader(ctx)}\r\n`)], 'open'));
}

/** Broken headers on a request that deserves a 4xx anyway. */
function badHeaders(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const broken = fc.oneof(
    fc.constantFrom(
      'Bad Header: x\r\n',
      ': no-name\r\n',
      'No-Colon\r\n',
      'X-A: b\r\n continued\r\n',
      'X-A: \u0000\r\n',
      'X-A: a\rb\r\n',
      'X-\u00e1: 1\r\n',
      'Content-Length: -1\r\n',
      'Content-Length: 1e3\r\n',
      'Content-Length: 0x10\r\n',
      'Content-Length: 5\r\nContent-Length: 6\r\n',
      'Content-Length: 99999999999999999999999\r\n',
      'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n',
      'Transfer-Encoding: gzip\r\n',
      'Transfer-Encoding: chunked, gzip\r\n',
      'Transfer-Encoding: chunked\r\n\r\nzz\r\n',
      'Transfer-Encoding: chunked\r\n\r\n5;' + 'e'.repeat(20_000) + '\r\n',
      'Expect: 200-ok\r\n',
      'Cookie: \u00ff\u00fe=\u0001\r\n',
      'Authorization: Basic %%%%\r\n',
      'Authorization: Basic ' + Buffer.from([0xff, 0xfe, 0x3a, 0x80]).toString('base64') + '\r\n',
      'Origin: null\r\n',
      'Origin: http://[\r\n',
      'Sec-Fetch-Site: \u00ff\r\n',
      'Content-Type: application/json; charset=\u00ff\r\n',
    ),
    // one header far over the limit (431)
    fc.integer({ min: 17_000, max: 70_000 }).map((n) => `X-Big: ${'x'.repeat(n)}\r\n`),
    // many small headers over the limit
    fc
      .integer({ min: 1_100, max: 3_000 })
      .map((n) => Array.from({ length: n }, (_, i) => `X-${i}: ${i}\r\n`).join('')),
    // random header bytes
    fc
      .uint8Array({ minLength: 1, maxLength: 200 })
      .map((a) => `X-R: ${Buffer.from(a).toString('latin1')}\r\n`),
  );
  return fc.tuple(refusedLine(ctx), broken).map(([line, h]) => {
    const text = `${line}\r\n${hostHeader(ctx)}${h}${h.includes('\r\n\r\n') ? '' : '\r\n'}`;
    return make('bad header', [b(text)], h.includes('\r\n\r\n') ? 'end' : 'open');
  });
}

/** API calls that are not allowed: no or a wrong credential, another origin, not JSON. */
function refusedApiCalls(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(
      fc.constantFrom(
        '',
        'X-Motcua-Request: 1\r\n',
        `${ctx.cookie}\r\n`,
        'X-Motcua-Request: 1\r\nCookie: motcua_session=sai\r\n',
        'X-Motcua-Request: 1\r\nCookie: =; ;;==\r\n',
        `X-Motcua-Request: 0\r\n${ctx.cookie}\r\n`,
        `X-Motcua-Token: sai\r\n${ctx.cookie}\r\n`,
        `Origin: http://evil.example\r\n${ctx.auth}\r\n`,
        `Origin: http://127.0.0.1:${ctx.port + 1}\r\n${ctx.auth}\r\n`,
        `Origin: null\r\n${ctx.auth}\r\n`,
        `Sec-Fetch-Site: cross-site\r\n${ctx.auth}\r\n`,
        `Sec-Fetch-Site: same-site\r\n${ctx.auth}\r\n`,
        `Sec-Fetch-Site: none\r\n${ctx.auth}\r\n`,
        `Content-Type: text/plain\r\n${ctx.auth}\r\n`,
        `Content-Type: application/x-www-form-urlencoded\r\n${ctx.auth}\r\n`,
        `Content-Type: multipart/form-data; boundary=x\r\n${ctx.auth}\r\n`,
      ),
      fc.oneof(fc.constant('{"method":"setup.status"}'), fc.string({ maxLength: 200 })),
    )
    .map(([h, body]) => {
      const bytes = utf8(body);
      const ct = h.includes('Content-Type') ? '' : 'Content-Type: application/json\r\n';
      return make(
        'refused API call',
        [
          b(
            `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${h}${ct}Content-Length: ${bytes.length}\r\n\r\n`,
          ),
          bytes,
        ],
        'open',
      );
    });
}

/** The launch address without a valid one-time token, or from another site. */
function refusedLaunches(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const basic = (bytes: Buffer) => `Authorization: Basic ${bytes.toString('base64')}\r\n`;
  const authorization = fc.oneof(
    fc.constant(''),
    fc.constant(`Authorization: Basic ${ctx.spent}\r\n`),
    fc.string({ maxLength: 80 }).map((t) => basic(utf8(t))),
    fc.string({ maxLength: 80 }).map((t) => basic(utf8(`motcua:${t}`))),
    fc.uint8Array({ maxLength: 80 }).map((a) => basic(Buffer.from(a))),
    fc.constantFrom(
      'Authorization: Basic\r\n',
      'Authorization: Basic ====\r\n',
      'Authorization: Basic bW90Y3Vh\r\n', // "motcua", no colon
      'Authorization: Bearer x\r\n',
      'Authorization: Digest username="motcua"\r\n',
    ),
  );
  const extra = fc.constantFrom(
    '',
    'Sec-Fetch-Site: cross-site\r\n',
    'Sec-Fetch-Site: same-site\r\n',
    'Cookie: motcua_session=sai\r\n',
    `Cookie: motcua_session=\r\n`,
  );
  const target = fc.constantFrom('/launch', '/launch?token=x', '/launch?');
  return fc
    .tuple(target, authorization, extra)
    .map(([t, a, e]) =>
      make('refused launch', [b(`GET ${t} HTTP/1.1\r\n${hostHeader(ctx)}${a}${e}\r\n`)], 'open'),
    );
}

function isJsonObject(bytes: Buffer): boolean {
  try {
    const v: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Authenticated API calls whose body is not a JSON object. */
function garbageBodies(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const body = fc
    .oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)),
      fc
        .constantFrom(
          '',
          'null',
          '[]',
          '42',
          '"x"',
          '{',
          '{"method":',
          '{"method":"setup.status"',
          '\ufeff{"method":"setup.status"}',
          '['.repeat(100_000),
          '{"a":'.repeat(50_000),
        )
        .map(utf8),
      fc.constantFrom(
        Buffer.from([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // {"m":"\xc3(" }
        Buffer.from([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // a surrogate
        Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16
      ),
      fc.json().map((j) => utf8(j)),
    )
    .map((bytes) => (isJsonObject(bytes) ? Buffer.concat([bytes, b(',')]) : bytes));
  return fc.tuple(body, fc.boolean()).map(([bytes, chunked]) => {
    const head = `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${ctx.auth}\r\nContent-Type: application/json\r\n`;
    if (!chunked)
      return make(
        'garbage body',
        [b(`${head}Content-Length: ${bytes.length}\r\n\r\n`), bytes],
        'open',
      );
    const chunks: Buffer[] = [b(`${head}Transfer-Encoding: chunked\r\n\r\n`)];
    for (let i = 0; i < bytes.length; i += 700) {
      const piece = bytes.subarray(i, i + 700);
      chunks.push(b(`${piece.length.toString(16)}\r\n`), piece, b('\r\n'));
    }
    chunks.push(b('0\r\n\r\n'));
    return make('garbage body (chunked)', chunks, 'open');
  });
}

/**
 * Methods a random call may name: all but those that end the session, wipe the data or reach out
 * to a network address taken from the input.
 */
const CALLABLE = API_METHODS.filter(
  (m) => !['auth.signOut', 'auth.lock', 'data.reset', 'sync.enrol', 'sync.now'].includes(m),
);

/** Hostile values the JSON of an input may hold. */
const hostileJson = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\u0000"',
    '"\\uffff"',
    '1e308',
    '-1e308',
    '-0',
    '123456789012345678901234567890',
    '"NaN"',
    '"Infinity"',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    JSON.stringify('x'.repeat(1_000_000)),
    '['.repeat(3_000) + ']'.repeat(3_000),
    '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  ),
);

/** Well-formed API calls (session, header, JSON) with a random method and random input. */
function randomCalls(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(
      fc.oneof(fc.constantFrom(...CALLABLE), fc.string({ maxLength: 30 })),
      fc.oneof(
        hostileJson.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue()).map((o) => JSON.stringify(o)),
      ),
    )
    .map(([method, input]) => {
      const bytes = utf8(`{"method":${JSON.stringify(method)},"input":${input}}`);
      return make(
        'random API call',
        [
          b(
            `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${ctx.auth}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`,
          ),
          bytes,
        ],
        'open',
        false,
        'answer',
      );
    });
}

/** A request cut before the end of its headers, then the client half-closes. */
function truncated(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const full = fc.constantFrom(
    `GET / HTTP/1.1\r\n${hostHeader(ctx)}Accept: */*\r\n\r\n`,
    `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${ctx.auth}\r\nContent-Type: application/json\r\nContent-Length: 25\r\n\r\n`,
    `GET /prints/2026/x.pdf HTTP/1.1\r\n${hostHeader(ctx)}\r\n`,
  );
  return fc.tuple(full, fc.double({ min: 0, max: 1, noNaN: true })).map(([text, at]) => {
    const cut = 1 + Math.floor(at * (text.length - 3)); // never the final CRLF
    return make('truncated', [b(text.slice(0, cut))], 'end');
  });
}

/** A request whose body is shorter than it says, then the client half-closes. */
function shortBodies(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.integer({ min: 1, max: 5_000 }), fc.boolean())
    .map(([n, authed]) =>
      make(
        'short body',
        [
          b(
            `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${authed ? `${ctx.auth}\r\n` : ''}Content-Type: application/json\r\nContent-Length: ${n + 10}\r\n\r\n`,
          ),
          b('{'.repeat(n)),
        ],
        'end',
      ),
    );
}

/** Bytes that are not HTTP at all (a TLS hello, an SSH banner, noise), then a half-close. */
function binaryGarbage(): fc.Arbitrary<FuzzCase> {
  return (
    fc
      .oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4_000 }).map((a) => Buffer.from(a)),
        fc.constantFrom(
          Buffer.from('160301020001000200', 'hex'), // a TLS ClientHello start (https:// to this port)
          b('SSH-2.0-OpenSSH_9.2\r\n'),
          b('\u0000\u0000\u0000\u0000'),
        ),
      )
      // HTTP/2's preface is dropped by Node without an answer (an HTTP/2 client could not read an
      // HTTP/1 one); blank lines alone are no request at all.
      .filter(
        (buf) =>
          !buf.toString('latin1').startsWith('PRI ') && /[^\r\n]/.test(buf.toString('latin1')),
      )
      .map((buf) => make('binary garbage', [buf], 'end'))
  );
}

/** Slow clients: headers that never end, a body that stalls, bytes dribbled one by one. */
function slow(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc
      .integer({ min: 0, max: 20 })
      .map((n) =>
        make(
          'slow headers (never end)',
          [
            b(`GET / HTTP/1.1\r\n${hostHeader(ctx)}`),
            ...Array.from({ length: n }, (_, i) => [50, b(`X-${i}: 1\r\n`)]).flat(),
          ],
          'open',
          true,
        ),
      ),
    fc
      .integer({ min: 0, max: 900 })
      .map((n) =>
        make(
          'slow body (stalls)',
          [
            b(
              `POST /api/call HTTP/1.1\r\n${hostHeader(ctx)}${ctx.auth}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
            ),
            30,
            b('['.repeat(n)),
          ],
          'open',
          true,
        ),
      ),
    fc
      .constantFrom(
        `GET /khong-co.js HTTP/1.1\r\n${hostHeader(ctx)}\r\n`,
        `POST / HTTP/1.1\r\n${hostHeader(ctx)}Content-Length: 0\r\n\r\n`,
      )
      .map((text) =>
        make(
          'dribbled',
          Array.from(b(text)).flatMap((byte) => [2, Buffer.from([byte])]),
          'open',
          true,
        ),
      ),
  );
}

/** Everything, weighted so that each family gets a few hundred cases in 2,000. */
export function fuzzCase(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { arbitrary: badTargets(ctx), weight: 6 },
    { arbitrary: badHosts(ctx), weight: 2 },
    { arbitrary: badLines(ctx), weight: 2 },
    { arbitrary: badHeaders(ctx), weight: 4 },
    { arbitrary: refusedApiCalls(ctx), weight: 3 },
    { arbitrary: refusedLaunches(ctx), weight: 2 },
    { arbitrary: garbageBodies(ctx), weight: 4 },
    { arbitrary: truncated(ctx), weight: 2 },
    { arbitrary: shortBodies(ctx), weight: 1 },
    { arbitrary: binaryGarbage(), weight: 2 },
    { arbitrary: slow(ctx), weight: 1 },
    { arbitrary: randomCalls(ctx), weight: 3 },
  );
}
