import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';
import { DataDirLockedError, lockDataDir } from '../../server/db/dataDirLock';
import { SERVER_VERSION } from '../../server/version';
import { postgresAvailability, startTestPostgres, type TestPostgres } from '../helpers/postgres';

const ROOT = new URL('../../', import.meta.url).pathname;
const pgAvailability = postgresAvailability();

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8787 with PGlite in ./data/server', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: './data/server',
      databaseUrl: undefined,
      logLevel: 'info',
      trustProxy: false,
      lookupPerMinute: 30,
    });
  });

  it('reads every variable; empty ones count as unset', () => {
    const c = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/srv/motcua',
      DATABASE_URL: 'postgres://u:p@db:5432/motcua',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '10.0.0.2',
      LOOKUP_PER_MINUTE: '',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://u:p@db:5432/motcua',
      trustProxy: ['10.0.0.2'],
      lookupPerMinute: 30,
    });
  });

  it('lists every bad variable in Vietnamese', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        TRUST_PROXY: 'maybe',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('Cấu hình máy chủ không hợp lệ');
    expect(message).toMatch(/PORT: phải từ 1 đến 65535/);
    expect(message).toMatch(/DATABASE_URL: phải có dạng postgres:\/\//);
    expect(message).toMatch(/LOG_LEVEL: phải là một trong/);
    expect(message).toMatch(/TRUST_PROXY: không hiểu "maybe"/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: phải là một số nguyên/);
  });
});

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('admits one holder; a lock left by a dead process is taken over', () => {
    const release = lockDataDir(dir);
    writeFileSync(join(dir, 'server.lock'), String(process.ppid)); // held by a live process
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/đang được tiến trình \d+ sử dụng/);
    writeFileSync(join(dir, 'server.lock'), '999999999'); // no such process
    const again = lockDataDir(dir);
    again();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
    release();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(port: number, started: Started): Promise<Record<string, unknown>> {
  // A fresh PGlite folder runs initdb: half a minute or more on a loaded machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      return (await res.json()) as Record<string, unknown>;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server did not answer /health: ${started.output()}`);
}

describe('npm run server (server/main.ts) as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-server-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on PGlite in DATA_DIR, answers /health over HTTP, refuses a second process, stops on SIGTERM', async () => {
    const port = await freePort();
    // A data folder other users may read: made private at start, and the log says so.
    if (process.platform !== 'win32') chmodSync(dataDir, 0o755);
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
    try {
      expect(await waitForHealth(port, server)).toEqual({
        ok: true,
        version: SERVER_VERSION,
        database: 'pglite',
      });
      expect(existsSync(join(dataDir, 'server.lock'))).toBe(true);
      if (process.platform !== 'win32') {
        expect(statSync(dataDir).mode & 0o777).toBe(0o700);
        expect(statSync(join(dataDir, 'server.lock')).mode & 0o777).toBe(0o600);
        const warning = server
          .output()
          .split('\n')
          .find((l) => l.includes('permissions tightened'));
        expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, count: 1, paths: ['.'] });
      }

      const second = startServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/đang được tiến trình \d+ sử dụng/);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
  }, 180_000);

  it('exits non-zero with a clear message on bad configuration', async () => {
    const server = startServer({ PORT: 'tám nghìn', DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Cấu hình máy chủ không hợp lệ');
    expect(server.output()).toContain('PORT');
  });
});

// Skipped when no PostgreSQL is available here (see test/helpers/postgres.ts).
describe.skipIf(!pgAvailability.available)('npm run server with DATABASE_URL', () => {
  let pg: TestPostgres | null = null;
  beforeAll(async () => {
    pg = await startTestPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('uses PostgreSQL through pg and migrates it on start', async () => {
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      DATABASE_URL: pg!.url,
      DATA_DIR: '/nonexistent/never-used',
    });
    try {
      expect(await waitForHealth(port, server)).toEqual({
        ok: true,
        version: SERVER_VERSION,
        database: 'postgres',
      });
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });
});
