/** Start test/web/hostChild.ts as a separate process and talk to it over raw TCP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface HostProcess {
  port: number;
  url: string;
  child: ChildProcess;
  alive(): boolean;
  output(): string;
  stop(): Promise<void>;
}

export async function startHostProcess(timeoutMs = 1500): Promise<HostProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-webfuzz-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/web/hostChild.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: join(dir, 'data'),
      TIMEOUT_MS: String(timeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; url: string }>((resolve, reject) => {
    let line = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      line += String(d);
      const nl = line.indexOf('\n');
      if (nl !== -1) resolve(JSON.parse(line.slice(0, nl)) as { port: number; url: string });
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
  });
  return {
    ...ready,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How a raw exchange ended: the status of the first answer, or how it ended without one. */
export type Outcome = number | 'closed' | 'reset' | 'silent';

export interface RawRequest {
  /** Written in order; a number is a pause (ms) between writes. */
  parts: Array<Buffer | number>;
  /** After the last part: half-close ('end'), or keep the socket open ('open'). */
  then: 'end' | 'open';
}

/**
 * Send bytes over a fresh TCP connection and read the status of the first answer (the status
 * line is enough). 'closed': the host closed without a word; 'reset': the connection was reset
 * before any answer; 'silent': nothing within `waitMs`.
 */
export function exchange(port: number, request: RawRequest, waitMs = 10_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let got = Buffer.alloc(0);
    let done = false;
    const finish = (o: Outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const status = (): number | null => {
      const m = /^HTTP\/1\.[01] (\d{3}) /.exec(got.toString('latin1'));
      return m ? Number(m[1]) : null;
    };
    const timer = setTimeout(() => finish(status() ?? 'silent'), waitMs);
    socket.on('data', (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.includes('\r\n')) finish(status() ?? 'closed');
    });
    socket.on('end', () => finish(status() ?? 'closed'));
    socket.on('close', () => finish(status() ?? 'closed'));
    socket.on('error', () => finish(status() ?? 'reset'));
    socket.on('connect', () => {
      void (async () => {
        for (const part of request.parts) {
          if (done || socket.destroyed) return;
          if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
          else if (!socket.write(part)) await new Promise((r) => socket.once('drain', r));
        }
        if (request.then === 'end' && !socket.destroyed) socket.end();
      })().catch(() => undefined);
    });
  });
}
