/**
 * Push throughput: storing a batch of 500 events through the whole ingest path (validation,
 * authorisation, duplicate check, dossier index, one multi-row INSERT) against a raw multi-row
 * INSERT of the same 500 rows. Target: ours ≥ 0.3× the raw insert's throughput.
 *
 *   npx tsx test/server/sync-push.bench.ts
 * (default export for test/bench/run.ts: re-export it from test/bench/sync-push.bench.ts)
 */
import { pathToFileURL } from 'node:url';
import { v4 as uuidv4 } from 'uuid';
import { ms, report, sampleAsync, section, stats } from '../bench/harness';
import type { Db } from '../../server/db/types';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/pg';
import { migrate } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import { ingestEvents } from '../../server/sync/ingest';
import type { AuthenticatedDevice } from '../../server/auth/device';
import { createUnit } from '../../server/admin/units';
import { startTestPostgres } from '../helpers/postgres';
import { dossierCode, received } from './fixtures';

const BATCH = 500;
const RUNS = 30;
const UNIT = '000.00.13.H31';

async function benchOn(label: string, db: Db): Promise<void> {
  await migrate(db, MIGRATIONS);
  await createUnit(db, { code: UNIT, name: 'Trung tâm', parentName: 'UBND' });
  const deviceId = uuidv4();
  await db.query(
    `INSERT INTO devices (id, unit_code, workstation_number, name, token_hash) VALUES ($1, $2, 1, 'bench', 'x')`,
    [deviceId, UNIT],
  );
  const device: AuthenticatedDevice = {
    id: deviceId,
    workstationNumber: 1,
    unitCode: UNIT,
    unitName: 'T',
    unitKind: 'one_stop',
    movedFromZero: false,
    zeroSeenDate: null,
  };
  // Each batch is a day of its own: a dossier code is unique in its unit.
  let day = 0;
  const batch = () => {
    const yymmdd = `26${String(1 + Math.floor(day / 28)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
    day++;
    return Array.from({ length: BATCH }, (_, i) =>
      received({ deviceId, unitCode: UNIT }, dossierCode(device, i + 1, yymmdd)),
    );
  };

  const ours = await sampleAsync(
    async () => {
      const results = await ingestEvents(db, device, batch(), { kind: 'counter' });
      if (results.some((r) => r.status !== 'accepted')) throw new Error('bench batch rejected');
    },
    RUNS,
    3,
  );

  // The baseline gets its dossier rows for free (inserted before the clock starts).
  const placeholders = Array.from(
    { length: BATCH },
    (_, i) => `(${Array.from({ length: 10 }, (_, j) => `$${i * 10 + j + 1}`).join(', ')})`,
  ).join(', ');
  const rawInsert = async (): Promise<number> => {
    const events = batch();
    await db.query(`INSERT INTO dossiers (id, unit_code) SELECT unnest($1::uuid[]), $2`, [
      events.map((e) => e.dossierId),
      UNIT,
    ]);
    const params = events.flatMap((e) => [
      e.id,
      e.dossierId,
      e.unitCode,
      e.unitCode,
      e.deviceId,
      e.officerId,
      e.type,
      e.at,
      e.recordedAt,
      JSON.stringify(e.payload),
    ]);
    const t0 = performance.now();
    await db.query(
      `INSERT INTO events (id, dossier_id, unit_code, owner_unit, device_id, officer_id, type, at, recorded_at, payload)
         VALUES ${placeholders}`,
      params,
    );
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await rawInsert(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await rawInsert());
  const raw = stats(samples);

  const ratio = raw.medianMs / ours.medianMs;
  report({
    name: `push ${BATCH} events (${label})`,
    ours: `${ms(ours.medianMs)} median, p95 ${ms(ours.p95Ms)}`,
    baseline: `raw multi-row INSERT of the events ${ms(raw.medianMs)} median`,
    ratio,
    target: '≥ 0.30×',
    met: ratio >= 0.3,
  });
}

export default async function run(): Promise<void> {
  section('Central server: push');
  const lite = await openPglite();
  try {
    await benchOn('PGlite', lite);
  } finally {
    await lite.close();
  }
  const pg = await startTestPostgres();
  if (!pg) {
    console.log('  (PostgreSQL not available here: PostgreSQL variant skipped)');
    return;
  }
  const db = openPostgres(pg.url, 4);
  try {
    await benchOn('PostgreSQL', db);
  } finally {
    await db.close();
    await pg.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
