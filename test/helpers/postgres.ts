/**
 * PostgreSQL for tests. Either TEST_DATABASE_URL (CI starts a server and sets it; each caller
 * gets its own fresh database in it), or a private throw-away cluster started from the Debian
 * PostgreSQL binaries (/usr/lib/postgresql/<v>/bin) in /tmp on a free 127.0.0.1 port, run as
 * the postgres user when we are root. When neither exists the PostgreSQL tests are skipped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A database of its own, empty. */
  url: string;
  source: 'TEST_DATABASE_URL' | 'private cluster';
  stop(): Promise<void>;
}

export type Availability = { available: true; how: string } | { available: false; reason: string };

const ROOT_DIR = '/usr/lib/postgresql';

function binDir(): string | null {
  if (!existsSync(ROOT_DIR)) return null;
  const versions = readdirSync(ROOT_DIR)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(ROOT_DIR, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(ROOT_DIR, versions[0], 'bin') : null;
}

/** Whether PostgreSQL tests can run here (cheap and synchronous, for describe.skipIf). */
export function postgresAvailability(): Availability {
  if (process.env.TEST_DATABASE_URL) return { available: true, how: 'TEST_DATABASE_URL' };
  const bin = binDir();
  if (!bin) {
    return {
      available: false,
      reason: `no TEST_DATABASE_URL and no PostgreSQL binaries under ${ROOT_DIR} (apt-get install postgresql)`,
    };
  }
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return {
        available: false,
        reason: 'running as root and there is no postgres user to run the cluster',
      };
    }
  }
  return { available: true, how: `private cluster from ${bin}` };
}

/** Start (or connect to) PostgreSQL; null when unavailable. */
export async function startTestPostgres(): Promise<TestPostgres | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return freshDatabase(url);
  const bin = binDir();
  return bin ? privateCluster(bin) : null;
}

async function freshDatabase(serverUrl: string): Promise<TestPostgres> {
  const name = `motcua_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    source: 'TEST_DATABASE_URL',
    async stop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function privateCluster(bin: string): Promise<TestPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  // initdb and postgres refuse to run as root: drop to the postgres user.
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
          cwd: dir,
          stdio: 'pipe',
        })
      : execFileSync(join(bin, tool), args, { cwd: dir, stdio: 'pipe' });

  const cleanup = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      data,
      '--auth=trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
    process.once('exit', cleanup);
    watchdog(asRoot, join(bin, 'pg_ctl'), data, dir);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      source: 'private cluster',
      async stop() {
        process.removeListener('exit', cleanup);
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    const e = err as Error & { stderr?: Buffer };
    throw new Error(
      `Could not start a private PostgreSQL cluster: ${e.stderr?.toString() || e.message}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * A test worker killed outright runs no exit handler. A detached shell waits for this process
 * to end, then stops the cluster and deletes its directory (no-op when stop() already did).
 */
function watchdog(asRoot: boolean, pgCtl: string, data: string, dir: string): void {
  const stop = `${asRoot ? 'runuser -u postgres -- ' : ''}'${pgCtl}' -D '${data}' -m immediate stop`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; [ -d '${data}' ] && ${stop}; rm -rf '${dir}'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}
