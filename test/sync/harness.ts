/**
 * The sync test bench: a real central server (Fastify on PGlite in this process, or on a real
 * PostgreSQL when test/helpers/postgres.ts finds one) listening on 127.0.0.1, and workstations
 * with real SQLite files that enrol with it over loopback HTTP, optionally through the fault proxy.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db as ServerDb, DriverName } from '../../server/db/types';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/pg';
import { migrate } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import { buildApp } from '../../server/app';
import { createUnit } from '../../server/admin/units';
import { createOfficer } from '../../server/admin/officers';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { importCatalogue } from '../../server/admin/catalogue';
import { publishCalendar } from '../../server/admin/calendar';
import type { Db } from '../../db/open';
import type { DossierContext } from '../../db/dossiers';
import {
  createSyncClient,
  enrolWorkstation,
  type SyncClient,
  type SyncClientOptions,
} from '../../db/sync';
import { openTempDb, type TempDb } from '../helpers/tempDb';
import { postgresAvailability, startTestPostgres } from '../helpers/postgres';
import { resetDatabase } from '../server/harness';
import { seedDataDir } from '../db/fixtures/dossierFixtures';
import { TEST_PASSWORD_COST } from '../helpers/passwords';

export const UNIT = '000.00.13.H31';
export const DEPARTMENT = '000.01.13.H31';
export const PASSWORD = 'matkhau-2026';

const pg = postgresAvailability();

export interface DriverChoice {
  name: DriverName;
  skipReason: string | null;
}

/** PGlite always; PostgreSQL when available here (else skipped, with the reason). */
export const SYNC_DRIVERS: DriverChoice[] = [
  { name: 'pglite', skipReason: null },
  { name: 'postgres', skipReason: pg.available ? null : pg.reason },
];

if (!pg.available) console.warn(`[sync tests] PostgreSQL variant skipped: ${pg.reason}`);

export interface Central {
  driver: DriverName;
  db: ServerDb;
  app: FastifyInstance;
  url: string;
  /** Empty every table and publish the reference data again. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function openServerDb(driver: DriverName): Promise<{ db: ServerDb; close(): Promise<void> }> {
  if (driver === 'pglite') {
    const db = await openPglite();
    return { db, close: () => db.close() };
  }
  const server = await startTestPostgres();
  if (!server) throw new Error('PostgreSQL became unavailable');
  const db = openPostgres(server.url, 8);
  return {
    db,
    async close() {
      await db.close();
      await server.stop();
    },
  };
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** The unit, its department, the catalogue and the 2025–2026 calendars, published. */
export async function seedCentral(db: ServerDb): Promise<void> {
  await createUnit(db, {
    code: UNIT,
    name: 'Trung tâm Phục vụ hành chính công',
    parentName: 'UBND TỈNH KHÁNH HÒA',
  });
  await createUnit(db, {
    code: DEPARTMENT,
    name: 'Sở Nội vụ',
    parentName: 'UBND TỈNH KHÁNH HÒA',
    kind: 'department',
    parent: UNIT,
  });
  const dir = seedDataDir();
  await importCatalogue(db, {
    source: JSON.parse(readFileSync(`${dir}/procedures-sample.json`, 'utf8')) as unknown,
  });
  const holidays = JSON.parse(readFileSync(`${dir}/holidays-vn.json`, 'utf8')) as unknown;
  await publishCalendar(db, { source: holidays, year: 2025 });
  await publishCalendar(db, { source: holidays, year: 2026 });
}

export async function startCentral(driver: DriverName): Promise<Central> {
  const opened = await openServerDb(driver);
  await migrate(opened.db, MIGRATIONS);
  const app = await buildApp({ db: opened.db, enrolPerMinute: 100_000 });
  const url = await listen(app);
  await seedCentral(opened.db);
  return {
    driver,
    db: opened.db,
    app,
    url,
    async reset() {
      await resetDatabase(opened.db);
      await seedCentral(opened.db);
    },
    async stop() {
      // Nothing may keep the server open: connections left by aborted clients are cut.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await opened.close();
    },
  };
}

/** What a suite adds to useCentral's set-up around each test. */
export interface CentralHooks {
  /** After the server's reset. */
  beforeEach?: () => Promise<void> | void;
  /** After every workstation is closed. */
  afterEach?: () => Promise<void> | void;
}

/**
 * The central server of the enclosing suite on `driver`: started once before its tests, emptied
 * and seeded again before each test, every workstation closed after each test, stopped at the
 * end. The object returned is filled when the server starts: read it inside the tests and hooks.
 */
export function useCentral(driver: DriverName, hooks: CentralHooks = {}): Central {
  const central = {} as Central;
  beforeAll(async () => {
    Object.assign(central, await startCentral(driver));
  });
  afterAll(async () => {
    await central.stop?.();
  });
  beforeEach(async () => {
    await central.reset();
    await hooks.beforeEach?.();
  });
  afterEach(async () => {
    await closeStations();
    await hooks.afterEach?.();
  });
  return central;
}

// ---- workstations ---------------------------------------------------------------------------

export interface Station {
  name: string;
  db: Db;
  tmp: TempDb;
  client: SyncClient;
  deviceId: string;
  number: number;
  officerId: string;
  /** The officer at this workstation acting at an office-local time. */
  ctx(now: string): DossierContext;
}

const stations: Station[] = [];

/**
 * A workstation of UNIT: a fresh SQLite file, an officer account created on the server, the
 * enrolment, and a first sync (catalogue, calendar, officers). `serverUrl` defaults to the
 * central server itself (pass a proxy's URL to inject faults).
 */
export async function newStation(
  central: Central,
  number: number,
  o: { serverUrl?: string; client?: Partial<SyncClientOptions> } = {},
): Promise<Station> {
  const username = `canbo${number}`;
  const officer = await createOfficer(
    central.db,
    {
      unit: UNIT,
      username,
      name: `Cán bộ máy ${number}`,
      role: 'officer',
      password: PASSWORD,
    },
    { passwordCost: TEST_PASSWORD_COST },
  ).catch(async () => {
    const { rows } = await central.db.query<{ id: string }>(
      'SELECT id FROM officers WHERE unit_code = $1 AND username = $2',
      [UNIT, username],
    );
    return { id: rows[0]!.id };
  });
  const { code } = await issueEnrolmentCode(central.db, { unit: UNIT, workstation: number });
  const tmp = openTempDb(`ws${number}`);
  const serverUrl = o.serverUrl ?? central.url;
  const enrolment = await enrolWorkstation(tmp.db, {
    serverUrl,
    code,
    deviceName: `Quầy số ${number}`,
  });
  const client = createSyncClient({ db: tmp.db, ...o.client });
  await client.syncOnce();
  const station: Station = {
    name: `máy ${number}`,
    db: tmp.db,
    tmp,
    client,
    deviceId: enrolment.deviceId,
    number,
    officerId: officer.id,
    ctx: (now) => ({ officerId: officer.id, deviceId: enrolment.deviceId, now }),
  };
  stations.push(station);
  return station;
}

/** Stop every client and delete every workstation file made so far. */
export async function closeStations(): Promise<void> {
  const all = stations.splice(0);
  for (const s of all) {
    await s.client.stop();
    s.tmp.cleanup();
  }
}

/** Sync every station, twice round, so that everyone has everyone's events. */
export async function syncAll(list: readonly Station[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const s of list) await s.client.syncOnce();
}

// ---- comparing replicas ---------------------------------------------------------------------

export { projectionHash } from '../helpers/projection';

/** The set of event ids held, as one sorted list. */
export function eventIds(db: Db): string[] {
  return db
    .prepare<[], { id: string }>('SELECT id FROM dossier_events ORDER BY id')
    .all()
    .map((r) => r.id);
}

export async function serverEventIds(central: Central): Promise<string[]> {
  const { rows } = await central.db.query<{ id: string }>(
    'SELECT id::text AS id FROM events ORDER BY id',
  );
  return rows.map((r) => r.id);
}

export async function serverEventCount(central: Central): Promise<number> {
  const { rows } = await central.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0]!.n;
}

export { corruptPayload } from '../helpers/faultyOutbox';

/** The burial-support dossier (2.000744, 3 working days) of the sample catalogue. */
export function burial(name = 'Trần Văn Đức', idNumber = '056090001234') {
  return {
    procedureId: '2.000744',
    applicant: {
      kind: 'citizen' as const,
      name,
      idNumber,
      idKind: 'cccd' as const,
      phone: '0905123456',
    },
    components: [
      {
        name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
        originals: 1,
        certifiedCopies: 0,
        copies: 0,
      },
      { name: 'Bản sao giấy chứng tử', originals: 0, certifiedCopies: 0, copies: 1 },
    ],
    channel: 'in_person' as const,
    sets: 1,
    resultDelivery: { method: 'counter' as const },
    fee: 0,
  };
}
