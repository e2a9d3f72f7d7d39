/**
 * A fault-injecting HTTP proxy on 127.0.0.1 between a sync client and the server, for the
 * reliability tests. Faults are one-shot rules matched on "METHOD /path" (prefix):
 *
 *   drop-request      forward the headers and part of the body, then cut both connections:
 *                     the server never gets a whole request (nothing is committed)
 *   swallow-response  forward the request, wait for the server's whole answer (it has committed),
 *                     then cut the client's connection without a byte of it
 *   drop-response     forward the status, headers and part of the body, then cut the connection
 *   delay             hold the request for `ms` before forwarding it
 *   tap               no fault; fires once the request has been handed to the server whole
 *   status            answer with this HTTP status instead of the server (a load balancer's 503)
 *
 * `offline = true` refuses every request (the connection is cut at once): a workstation whose
 * network is down. Only loopback addresses, never anything else.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'drop-request'; afterBytes?: number }
  | { kind: 'swallow-response' }
  | { kind: 'drop-response'; afterBytes?: number }
  | { kind: 'delay'; ms: number }
  /** No fault: fires once the whole request has been handed to the server. */
  | { kind: 'tap' }
  /** Answer in the server's place, as a load balancer does when its backend is down. */
  | { kind: 'status'; status: number };

interface Rule {
  match: string;
  fault: Fault;
  /** Called when the fault fires (the tests wait on it). */
  fired: () => void;
}

export interface FaultProxy {
  url: string;
  /** Cut every request while true. */
  offline: boolean;
  /** Arm a one-shot fault; the promise resolves once it has fired. */
  failNext(match: string, fault: Fault): Promise<void>;
  /** Requests seen, as "METHOD /path?query". */
  readonly seen: string[];
  /** Point at another upstream (a restarted server on another port). */
  retarget(upstreamUrl: string): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let upstream = new URL(upstreamUrl);
  if (upstream.hostname !== '127.0.0.1')
    throw new Error('the fault proxy only forwards to 127.0.0.1');
  const rules: Rule[] = [];
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const ups = new Set<http.ClientRequest>();
  // One connection per request to the server, closed after it: none is left behind.
  const upstreamAgent = new http.Agent({ keepAlive: false });
  const state = { offline: false };

  const server = http.createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    seen.push(line);
    if (state.offline) {
      req.socket.destroy();
      return;
    }
    const index = rules.findIndex((r) => line.startsWith(r.match));
    const rule = index >= 0 ? rules.splice(index, 1)[0] : undefined;
    const fault = rule?.fault;

    const forward = () => {
      if (req.socket.destroyed) return; // the client gave up while we held it
      const up = http.request(
        {
          agent: upstreamAgent,
          host: '127.0.0.1',
          port: Number(upstream.port),
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (upRes) => {
          if (fault?.kind === 'swallow-response') {
            upRes.resume();
            upRes.on('end', () => {
              rule?.fired();
              req.socket.destroy();
            });
            return;
          }
          if (fault?.kind === 'drop-response') {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.flushHeaders();
            const limit = fault.afterBytes ?? 64;
            let sent = 0;
            upRes.on('data', (chunk: Buffer) => {
              if (sent >= limit) return;
              const part = chunk.subarray(0, limit - sent);
              sent += part.length;
              res.write(part);
              if (sent >= limit) {
                rule?.fired();
                setTimeout(() => req.socket.destroy(), 5);
                upRes.destroy();
              }
            });
            upRes.on('end', () => {
              if (sent < limit) {
                rule?.fired();
                req.socket.destroy();
              }
            });
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          if (rule && fault?.kind === 'delay') upRes.on('end', () => rule.fired());
        },
      );
      ups.add(up);
      up.on('close', () => ups.delete(up));
      req.socket.on('close', () => up.destroy()); // the client went away: so does the request
      up.on('error', () => req.socket.destroy());
      if (fault?.kind === 'drop-request') {
        const limit = fault.afterBytes ?? 16;
        let sent = 0;
        let cut = false;
        const cutBoth = () => {
          if (cut) return;
          cut = true;
          up.destroy();
          req.socket.destroy();
          rule?.fired();
        };
        req.on('data', (chunk: Buffer) => {
          if (cut) return;
          const part = chunk.subarray(0, Math.max(0, limit - sent));
          sent += part.length;
          if (part.length > 0) up.write(part);
          if (sent >= limit) setTimeout(cutBoth, 20);
        });
        req.on('end', () => setTimeout(cutBoth, 20));
        return;
      }
      if (fault?.kind === 'tap') req.on('end', () => rule?.fired());
      req.pipe(up);
    };

    if (fault?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        res.writeHead(fault.status, { 'content-type': 'text/html' });
        res.end(`<html><body>${fault.status} Service Unavailable</body></html>`);
        rule?.fired();
      });
      return;
    }
    if (fault?.kind === 'delay') setTimeout(forward, fault.ms);
    else forward();
  });
  server.keepAliveTimeout = 65_000; // like Fastify's: clients never reuse a socket it is closing
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get offline() {
      return state.offline;
    },
    set offline(v: boolean) {
      state.offline = v;
      if (v) for (const s of sockets) s.destroy();
    },
    failNext(match, fault) {
      return new Promise<void>((resolve) => rules.push({ match, fault, fired: resolve }));
    },
    seen,
    retarget(url) {
      const next = new URL(url);
      if (next.hostname !== '127.0.0.1')
        throw new Error('the fault proxy only forwards to 127.0.0.1');
      upstream = next;
    },
    async close() {
      for (const s of sockets) s.destroy();
      for (const u of ups) u.destroy();
      upstreamAgent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
