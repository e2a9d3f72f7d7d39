/**
 * The server test bench: the same suite runs against PGlite always and against a real
 * PostgreSQL when one is available. One database per driver per test file (PGlite takes ~2 s to
 * start), emptied before each test.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db, DriverName } from '../../server/db/types';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/pg';
import { migrate } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import { buildApp, type AppOptions } from '../../server/app';
import { createUnit } from '../../server/admin/units';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import type { Enrolment } from '../../server/enrolment/enrol';
import { postgresAvailability, startTestPostgres } from '../helpers/postgres';

const pgAvailability = postgresAvailability();

export interface DriverCase {
  name: DriverName;
  /** Why the variant cannot run here; null when it can. */
  skipReason: string | null;
  open(): Promise<{ db: Db; stop(): Promise<void> }>;
}

export const DRIVERS: DriverCase[] = [
  {
    name: 'pglite',
    skipReason: null,
    async open() {
      const db = await openPglite(); // in memory
      return { db, stop: () => db.close() };
    },
  },
  {
    name: 'postgres',
    skipReason: pgAvailability.available ? null : pgAvailability.reason,
    async open() {
      const server = await startTestPostgres();
      if (!server) throw new Error('PostgreSQL became unavailable');
      const db = openPostgres(server.url, 4);
      return {
        db,
        async stop() {
          await db.close();
          await server.stop();
        },
      };
    },
  },
];

if (!pgAvailability.available) {
  console.warn(`[server tests] PostgreSQL variant skipped: ${pgAvailability.reason}`);
}

export interface Bench {
  db: Db;
  app: FastifyInstance;
  driver: DriverName;
}

const TABLES = [
  'dossier_routes',
  'events',
  'dossiers',
  'reference_data',
  'officers',
  'enrolment_codes',
  'devices',
  'units',
];

export async function resetDatabase(db: Db): Promise<void> {
  await db.exec(
    `TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE; ALTER SEQUENCE reference_version RESTART`,
  );
}

/** One database per driver per test file (modules are isolated per file), shared by its suites. */
const opened = new Map<DriverName, Promise<{ db: Db; stop(): Promise<void> }>>();
let closeRegistered = false;

async function acquire(driver: DriverCase): Promise<Db> {
  let entry = opened.get(driver.name);
  if (!entry) {
    entry = driver.open().then(async (o) => {
      await migrate(o.db, MIGRATIONS);
      return o;
    });
    opened.set(driver.name, entry);
  }
  return (await entry).db;
}

async function closeAll(): Promise<void> {
  const all = [...opened.values()];
  opened.clear();
  for (const entry of all) await (await entry).stop();
}

/**
 * describe.each over the drivers; inside, describe.skipIf skips the PostgreSQL variant when no
 * PostgreSQL is available here (the reason is printed once, above). `body` receives a getter
 * for the bench, ready in its tests.
 */
export function describeDrivers(
  title: string,
  body: (bench: () => Bench) => void,
  appOptions: Omit<AppOptions, 'db'> = {},
): void {
  if (!closeRegistered) {
    // Called at the top level of a test file: this hook belongs to the file, so the shared
    // databases close once every suite of the file has run (or been filtered out).
    afterAll(closeAll);
    closeRegistered = true;
  }
  describe.each(DRIVERS)(`${title} [$name]`, (driver) => {
    describe.skipIf(driver.skipReason !== null)(driver.skipReason ?? 'runs', () => {
      let current: Bench | null = null;
      beforeAll(async () => {
        const db = await acquire(driver);
        // Tests enrol many devices from one address: lift the enrolment limit unless asked.
        const app = await buildApp({ db, enrolPerMinute: 10_000, ...appOptions });
        current = { db, app, driver: driver.name };
      });
      afterAll(async () => {
        await current?.app.close();
      });
      beforeEach(async () => {
        if (current) await resetDatabase(current.db);
      });
      body(() => {
        if (!current) throw new Error('bench not ready');
        return current;
      });
    });
  });
}

// ---- helpers over the real API -------------------------------------------------------------

export const ONE_STOP = '000.00.13.H31';
export const OTHER_ONE_STOP = '000.00.13.H56';
export const DEPARTMENT = '000.01.13.H31';

export async function seedUnits(db: Db): Promise<void> {
  await createUnit(db, {
    code: ONE_STOP,
    name: 'Trung tâm Phục vụ hành chính công',
    parentName: 'UBND TỈNH KHÁNH HÒA',
  });
  await createUnit(db, {
    code: OTHER_ONE_STOP,
    name: 'Trung tâm Phục vụ hành chính công',
    parentName: 'UBND TỈNH THANH HÓA',
  });
  await createUnit(db, {
    code: DEPARTMENT,
    name: 'Sở Nội vụ',
    parentName: 'UBND TỈNH KHÁNH HÒA',
    kind: 'department',
    parent: ONE_STOP,
  });
}

export async function enrol(bench: Bench, unit: string, workstation: number): Promise<Enrolment> {
  const { code } = await issueEnrolmentCode(bench.db, { unit, workstation });
  const res = await bench.app.inject({
    method: 'POST',
    url: '/enrol',
    payload: { code, deviceName: `Máy ${workstation}` },
  });
  if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
  return res.json<Enrolment>();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function push(
  bench: Bench,
  token: string,
  events: unknown[],
  url = '/sync/push',
): Promise<LightMyRequestResponse> {
  return bench.app.inject({ method: 'POST', url, headers: bearer(token), payload: { events } });
}

export function pull(bench: Bench, token: string, query = ''): Promise<LightMyRequestResponse> {
  return bench.app.inject({ method: 'GET', url: `/sync/pull${query}`, headers: bearer(token) });
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

/** Row counts of every table, to show a refused request changed nothing. */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await countRows(db, t);
  return out;
}
