/**
 * Dossiers at scale: a store of 1,000,000 dossiers (three years of a busy unit, eight other
 * workstations), each with its projection row, its received event (a full payload) and two
 * component lines. Other events (hand-overs, returns …) are not generated: the size figure covers
 * rows + one event + two components per dossier.
 *
 * Measured against same-run baselines:
 * - receiveDossier p50/p99 over 500 calls, synchronous=FULL, vs a raw INSERT of one dossier row and
 *   one event row in one transaction (same pragmas, same indexes);
 * - countDossiers (the board) median vs a raw SELECT count(*) FROM dossiers; target < 50 ms;
 * - first page (50) of the overdue list median vs the raw indexed SELECT … LIMIT 50; target < 20 ms;
 * - the size of the database per 1,000,000 dossiers;
 * - free-text search (FTS5, db/dossiers/search.ts) over realistic queries, median and p95 vs the
 *   former LIKE '%word%' query on the folded column (same filters, order and page); target < 50 ms;
 * - and, without target: the newest-first page, a keyset second page.
 *
 * Distribution: received 07:30–17:00 on weekdays; the last 30 days mostly in progress (received,
 * handed over, in processing, waiting for supplements, result ready), older ones mostly returned,
 * some refused, withdrawn or stopped, 1% stuck in processing (long overdue), 0.5% supplement
 * requests at the counter (no code). Due dates are approximate (calendar days per procedure).
 *
 * The generated file is cached in os.tmpdir(), keyed by the schema and the generator version, and
 * copied for each run (receiving writes to it).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  countDossiers,
  listDossiers,
  receiveDossier,
  type DossierContext,
  type ListDossiersInput,
} from '../db/fixtures/intents';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { foldVietnamese } from '../../shared/text/fold';
import { formatDate, parseDate } from '../../shared/time/wallClock';
import { burialInput, setUpOffice, UNIT_CODE } from '../db/fixtures/dossierFixtures';
import { ms, report, sample, section, stats } from './harness';

const N = 1_000_000;
const GENERATOR_VERSION = 2;
/** Working days covered: ~3 years; 1,334 receipts a working day across 8 workstations. */
const WORKING_DAYS = 750;
const PER_DAY = Math.ceil(N / WORKING_DAYS);
const START = '2023-12-04'; // a Monday
const LAST_DAY_OFFSET = Math.floor((WORKING_DAYS - 1) / 5) * 7 + ((WORKING_DAYS - 1) % 5);
/** "Now" of the measurements: the last generated day, mid-morning. */
const NOW = `${formatDate(parseDate(START) + LAST_DAY_OFFSET)}T10:00`;

const schemaKey = createHash('sha256')
  .update(MIGRATIONS.map((m) => `${m.version}:${m.up.toString()}`).join('\n'))
  .update(`generator ${GENERATOR_VERSION} ${N}`)
  .digest('hex')
  .slice(0, 12);
const CACHE_FILE = join(tmpdir(), `motcua-bench-dossiers-${schemaKey}.sqlite`);

/** Procedures of the sample catalogue with their processing time as calendar days (approx.). */
const PROCEDURES: [id: string, code: string | null, dueDays: number][] = [
  ['1.010407', '1.010407', 8],
  ['2.000744', '2.000744', 5],
  ['1.014028', '1.014028', 3],
  ['BTXH-CTDC', 'BTXH-CTDC', 8],
  ['1.001776', '1.001776', 30],
  ['NCC-CGCN', 'NCC-CGCN', 24],
  ['NCC-HTDH', 'NCC-HTDH', 21],
  ['3.000010', '3.000010', 6],
  ['NCC-QD290', 'NCC-QD290', 30],
  ['B-BLD-BS161', 'B-BLD-BS161', 28],
  ['CT-BS', 'CT-BS', 0],
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thanh', 'Hữu', 'Thu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đông',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];

function valuesTable(db: Db, name: string, values: string[]): void {
  db.exec(`CREATE TEMP TABLE ${name} (idx INTEGER PRIMARY KEY, name TEXT, folded TEXT)`);
  const ins = db.prepare(`INSERT INTO ${name} VALUES (?, ?, ?)`);
  values.forEach((v, i) => ins.run(i, v, foldVietnamese(v)));
}

/**
 * Build the 1,000,000-dossier database with set-based SQL in one transaction. The indexes stay in
 * place: rows arrive in id and time order, so most index inserts are appends. The free-text
 * index is the exception: its insert trigger is set aside during the bulk insert and the index
 * filled afterwards in one pass (as migration 0006 backfills it), which is 5× quicker than a
 * trigger firing per row.
 */
function generate(file: string): number {
  const t0 = performance.now();
  const db = openDatabase(file);
  setUpOffice(db, 1);
  for (let w = 2; w <= 9; w++) {
    db.prepare(
      "INSERT INTO workstations (id, number, name, is_local, created_at) VALUES (?, ?, ?, 0, '2023-01-01')",
    ).run(`ws-${w}`, w, `Máy ${w}`);
  }
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -4000000'); // ~4 GB: the whole build stays in memory until the commit
  db.pragma('temp_store = MEMORY');
  const officer = db.prepare('SELECT id FROM officers LIMIT 1').pluck().get() as string;

  db.exec(
    'CREATE TEMP TABLE procs (idx INTEGER PRIMARY KEY, id TEXT, code TEXT, due_days INTEGER)',
  );
  PROCEDURES.forEach(([id, code, days], i) =>
    db.prepare('INSERT INTO procs VALUES (?, ?, ?, ?)').run(i, id, code, days),
  );
  db.exec(`CREATE TEMP TABLE proc_info AS
           SELECT p.idx, p.id, p.code, p.due_days, c.name, c.field, c.agency
           FROM procs p JOIN main.procedures c ON c.id = p.id`);
  // Calendar days from START as text, so the generator joins instead of calling date() per column.
  db.exec(
    'CREATE TEMP TABLE days (off INTEGER PRIMARY KEY, d TEXT NOT NULL, yymmdd TEXT NOT NULL)',
  );
  db.prepare(
    `WITH RECURSIVE o(off) AS (SELECT 0 UNION ALL SELECT off + 1 FROM o WHERE off < 1200)
     INSERT INTO temp.days SELECT off, date(@start, '+' || off || ' days'), '' FROM o`,
  ).run({ start: START });
  db.exec("UPDATE temp.days SET yymmdd = substr(replace(d, '-', ''), 3)");
  valuesTable(db, 'fam', FAMILY);
  valuesTable(db, 'mid', MIDDLE);
  valuesTable(db, 'giv', GIVEN);

  const searchTrigger = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'dossiers_search_insert'",
    )
    .pluck()
    .get() as string;
  db.transaction(() => {
    db.exec('DROP TRIGGER dossiers_search_insert');
    const totalDays = LAST_DAY_OFFSET + 1;
    const day = (offset: string) => `(SELECT d FROM temp.days WHERE off = ${offset})`;
    // Integer constants are written into the SQL: bound JS numbers would arrive as REAL and turn
    // the integer divisions into fractions.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${N - 1}),
       a AS (
         SELECT i, i / ${PER_DAY} AS wd, i % ${PER_DAY} AS k,
                (i * 2654435761) % 1000 AS r, (i * 40503) % ${PROCEDURES.length} AS p
         FROM n
       ),
       b AS (
         SELECT *, (wd / 5) * 7 + wd % 5 AS dayoff, 450 + k * 570 / ${PER_DAY} AS mins, k % 8 + 2 AS ws
         FROM a
       ),
       c AS (
         SELECT b.*, dd.d AS day, dd.yymmdd, printf('%02d:%02d', mins / 60, mins % 60) AS hm,
                CASE WHEN ${totalDays} - dayoff < 30 THEN
                  CASE WHEN r < 250 THEN 'received' WHEN r < 450 THEN 'handed_over' WHEN r < 800 THEN 'in_processing'
                       WHEN r < 880 THEN 'waiting_supplement' WHEN r < 950 THEN 'result_ready' ELSE 'returned' END
                ELSE
                  CASE WHEN r < 900 THEN 'returned' WHEN r < 940 THEN 'refused' WHEN r < 970 THEN 'withdrawn'
                       WHEN r < 980 THEN 'stopped' WHEN r < 985 THEN 'result_ready' WHEN r < 990 THEN 'supplement_requested'
                       ELSE 'in_processing' END
                END AS state
         FROM b JOIN temp.days dd ON dd.off = b.dayoff
       ),
       d AS (
         SELECT c.*, pi.id AS proc_id, pi.code AS proc_code, pi.name AS proc_name, pi.field, pi.agency, pi.due_days,
                f.name || ' ' || m.name || ' ' || g.name AS applicant,
                f.folded || ' ' || m.folded || ' ' || g.folded AS folded,
                printf('0%02d%d%02d%06d', 1 + i % 90, (i / 7) % 4, (i / 3) % 100, i % 1000000) AS idno,
                printf('09%08d', (i * 7919) % 100000000) AS phone,
                CASE WHEN state <> 'supplement_requested'
                     THEN '${UNIT_CODE}-' || yymmdd || '-' || printf('%d%03d', ws, k / 8 + 1) END AS code,
                CASE WHEN state <> 'supplement_requested'
                     THEN ${day('dayoff + pi.due_days')} || 'T' || CASE WHEN pi.due_days = 0 THEN '17:00' ELSE hm END END AS due,
                printf('01900000-0000-7000-8000-%012x', i + 1) AS id,
                printf('01900000-0000-7000-9000-%012x', i + 1) AS event_id
         FROM c
         JOIN temp.proc_info pi ON pi.idx = c.p
         JOIN temp.fam f ON f.idx = (i * 31) % ${FAMILY.length}
         JOIN temp.mid m ON m.idx = (i * 17) % ${MIDDLE.length}
         JOIN temp.giv g ON g.idx = (i * 13) % ${GIVEN.length}
       )
       INSERT INTO dossiers (id, code, state, in_progress, procedure_id, procedure_code, procedure_name, field, agency,
         case_label, applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_address,
         applicant_search, received_at, base_due_at, due_at, paused_since, result_at, finished_at, officer_id,
         device_id, workstation_number, book_no, entry_no, channel, sets, fee, result_delivery, apology_count,
         conflict_count, last_event_at, last_event_id, updated_at)
       SELECT id, code, state,
              state IN ('received', 'handed_over', 'in_processing', 'waiting_supplement'),
              proc_id, proc_code, proc_name, field, agency, NULL, 'citizen', applicant, idno, phone,
              'Phường Lộc Thọ, Nha Trang, Khánh Hòa',
              folded || ' ' || idno || ' ' || phone || ifnull(' ' || lower(code), ''),
              day || 'T' || hm, due, due,
              CASE WHEN state = 'waiting_supplement' THEN ${day('dayoff + 1')} || 'T' || hm END,
              CASE WHEN state IN ('result_ready', 'returned') THEN ${day('dayoff + max(0, due_days - r % 4 + 1)')} || 'T' || hm END,
              CASE WHEN state = 'returned' THEN ${day('dayoff + due_days + 1')} || 'T' || hm
                   WHEN state IN ('refused', 'withdrawn', 'stopped') THEN ${day('dayoff + 2')} || 'T' || hm END,
              @officer, 'ws-' || ws, ws,
              CASE WHEN code IS NOT NULL THEN CAST(substr(day, 1, 4) AS INTEGER) END,
              CASE WHEN code IS NOT NULL THEN i / 8 + 1 END,
              CASE WHEN r % 10 = 0 THEN 'online' ELSE 'in_person' END, 1, 0, 'counter', 0, 0,
              day || 'T' || hm, event_id, day || 'T01:00:00.000Z'
       FROM d`,
    ).run({ officer });
    db.exec(`
      INSERT INTO dossier_search_rowids (dossier_id) SELECT id FROM dossiers ORDER BY received_at, id;
      INSERT INTO dossier_fts (rowid, folded)
      SELECT k.rid, d.applicant_search
      FROM dossier_search_rowids k JOIN dossiers d ON d.id = k.dossier_id
      ORDER BY k.rid;
      INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize');
    `);
    db.exec(searchTrigger);

    db.exec(`
      INSERT INTO dossier_events (id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload, synced_at, origin)
      SELECT last_event_id, id, CASE WHEN code IS NULL THEN 'supplement_requested' ELSE 'received' END,
             received_at, updated_at, device_id, officer_id, '${UNIT_CODE}',
             CASE WHEN code IS NULL THEN
               json_object('docNo', (rowid % 999 + 1) || '/HDHS', 'missing', json_array(), 'reason', 'Thiếu giấy tờ',
                           'applicant', json_object('kind', 'citizen', 'name', applicant_name))
             ELSE json_object(
               'procedureId', procedure_id, 'procedureCode', procedure_code, 'procedureName', procedure_name,
               'field', field, 'agency', agency, 'code', code,
               'applicant', json_object('kind', 'citizen', 'name', applicant_name, 'idNumber', applicant_id_number,
                                        'idKind', 'cccd', 'phone', applicant_phone, 'address', applicant_address),
               'components', json_array(
                 json_object('name', 'Tờ khai đề nghị hỗ trợ chi phí mai táng', 'originals', 1, 'certifiedCopies', 0, 'copies', 0, 'presentOnly', json('false')),
                 json_object('name', 'Bản sao giấy chứng tử', 'originals', 0, 'certifiedCopies', 0, 'copies', 1, 'presentOnly', json('false'))),
               'channel', channel, 'sets', 1, 'resultDelivery', json_object('method', 'counter'), 'fee', 0,
               'duration', json_object('value', 3, 'unit', 'working_days'), 'dueAt', base_due_at,
               'bookNo', book_no, 'entryNo', entry_no)
             END,
             CASE WHEN received_at < '${NOW.slice(0, 10)}' THEN updated_at END, 'remote'
      FROM dossiers ORDER BY rowid;

      INSERT INTO dossier_components (dossier_id, position, component_id, name, originals, certified_copies, copies, present_only, note)
      SELECT d.id, c.position, NULL, c.name, c.originals, 0, c.copies, 0, NULL
      FROM dossiers d
      CROSS JOIN (SELECT 1 AS position, 'Tờ khai đề nghị hỗ trợ chi phí mai táng' AS name, 1 AS originals, 0 AS copies
                  UNION ALL SELECT 2, 'Bản sao giấy chứng tử', 0, 1) c
      WHERE d.code IS NOT NULL
      ORDER BY d.id, c.position;
    `);
  })();
  db.pragma('journal_mode = WAL');
  db.close();
  return performance.now() - t0;
}

function bytes(file: string): number {
  return ['', '-wal'].reduce(
    (sum, ext) => sum + (existsSync(file + ext) ? statSync(file + ext).size : 0),
    0,
  );
}

export default async function dossiersBench(): Promise<void> {
  section('Dossiers: 1,000,000 in the local store');
  if (!existsSync(CACHE_FILE)) {
    const building = `${CACHE_FILE}.building`;
    rmSync(building, { force: true });
    rmSync(`${building}-wal`, { force: true });
    const took = generate(building);
    renameSync(building, CACHE_FILE);
    report({
      name: `generate ${N.toLocaleString('en')} dossiers (cached at ${CACHE_FILE})`,
      ours: ms(took),
      target: '< 60 s',
      met: took < 60_000,
    });
  } else {
    console.log(`  (reusing ${CACHE_FILE})`);
  }
  const sizeMb = bytes(CACHE_FILE) / 1e6;

  const work = join(tmpdir(), `motcua-bench-dossiers-run-${process.pid}.sqlite`);
  copyFileSync(CACHE_FILE, work);
  const db = openDatabase(work); // WAL, synchronous=FULL, foreign keys on: as the app runs
  try {
    const total = db.prepare('SELECT count(*) FROM dossiers').pluck().get() as number;
    report({
      name: 'database size per 1,000,000 dossiers (row + received event + 2 components)',
      ours: `${((sizeMb * 1_000_000) / total).toFixed(0)} MB`,
    });

    // --- receiveDossier vs raw insert
    const ws = db.prepare('SELECT id FROM workstations WHERE is_local = 1').pluck().get() as string;
    const officer = db.prepare('SELECT id FROM officers LIMIT 1').pluck().get() as string;
    const ctx: DossierContext = { officerId: officer, deviceId: ws, now: NOW };
    const input = burialInput();
    const rawDossier = db.prepare(
      `INSERT INTO dossiers (id, code, state, in_progress, applicant_search, received_at, due_at, officer_id, device_id,
         last_event_at, last_event_id, updated_at)
       VALUES (?, ?, 'received', 1, 'tran van duc', ?, '2026-11-25T10:00', ?, ?, ?, ?, ?)`,
    );
    const rawEvent = db.prepare(
      `INSERT INTO dossier_events (id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload, origin)
       VALUES (?, ?, 'received', ?, ?, ?, ?, ?, ?, 'local')`,
    );
    const payload = JSON.stringify({
      code: 'x',
      applicant: input.applicant,
      components: input.components,
    });
    let rawCount = 0;
    const raw = db.transaction(() => {
      const i = rawCount++;
      const id = `raw-${i}`;
      rawDossier.run(id, `RAW-${i}`, NOW, officer, ws, NOW, `ev-${i}`, new Date().toISOString());
      rawEvent.run(`ev-${i}`, id, NOW, new Date().toISOString(), ws, officer, UNIT_CODE, payload);
    });
    // Interleaved, so both meet the same WAL size and the same checkpoints (fsync dominates both).
    const oursMs: number[] = [];
    const baseMs: number[] = [];
    for (let i = 0; i < 520; i++) {
      const t0 = performance.now();
      receiveDossier(db, ctx, input);
      const t1 = performance.now();
      raw.immediate();
      const t2 = performance.now();
      if (i >= 20) {
        oursMs.push(t1 - t0);
        baseMs.push(t2 - t1);
      }
    }
    const ours = stats(oursMs);
    const base = stats(baseMs);
    report({
      name: 'receiveDossier p50 (synchronous=FULL, 500 calls)',
      ours: ms(ours.medianMs),
      baseline: ms(base.medianMs),
      ratio: ours.medianMs / base.medianMs,
    });
    report({
      name: 'receiveDossier p99',
      ours: ms(ours.p99Ms),
      baseline: ms(base.p99Ms),
      ratio: ours.p99Ms / base.p99Ms,
    });

    // --- board counts vs count(*)
    const counts = sample(() => countDossiers(db, { now: NOW }), 30, 3);
    const countAll = db.prepare('SELECT count(*) FROM dossiers').pluck();
    const rawCounts = sample(() => countAll.get(), 30, 3);
    report({
      name: 'countDossiers (board) median',
      ours: ms(counts.medianMs),
      baseline: ms(rawCounts.medianMs),
      ratio: counts.medianMs / rawCounts.medianMs,
      target: '< 50 ms',
      met: counts.medianMs < 50,
    });
    const c = countDossiers(db, { now: NOW });
    console.log(`  counts: ${JSON.stringify(c)}`);

    // --- overdue list first page vs raw indexed select
    const overdue = sample(
      () => listDossiers(db, { now: NOW, filter: { deadline: 'overdue' }, page: { limit: 50 } }),
      100,
      10,
    );
    const rawOverdue = db.prepare(
      'SELECT * FROM dossiers WHERE in_progress = 1 AND paused_since IS NULL AND due_at < ? ORDER BY due_at, id LIMIT 50',
    );
    const rawList = sample(() => rawOverdue.all(NOW), 100, 10);
    report({
      name: 'overdue list, first page of 50, median',
      ours: ms(overdue.medianMs),
      baseline: ms(rawList.medianMs),
      ratio: overdue.medianMs / rawList.medianMs,
      target: '< 20 ms',
      met: overdue.medianMs < 20,
    });

    const newest = sample(() => listDossiers(db, { now: NOW, page: { limit: 50 } }), 100, 10);
    report({
      name: 'all dossiers, newest first, first page of 50, median',
      ours: ms(newest.medianMs),
    });
    const page = listDossiers(db, {
      now: NOW,
      filter: { deadline: 'overdue' },
      page: { limit: 50 },
    });
    const deep = sample(
      () =>
        listDossiers(db, {
          now: NOW,
          filter: { deadline: 'overdue' },
          page: { limit: 50, after: page.nextCursor! },
        }),
      100,
      10,
    );
    report({ name: 'overdue list, second page (keyset), median', ours: ms(deep.medianMs) });
    freeTextBench(db);
  } finally {
    db.close();
    for (const ext of ['', '-wal', '-shm']) rmSync(work + ext, { force: true });
  }
}

/**
 * Free-text queries an officer types, taken from the generated data (names, a CCCD, a code), alone
 * and with the board's filters, each timed through listDossiers and as the former LIKE query.
 */
function freeTextBench(db: Db): void {
  const pick = db.prepare<[number], { name: string; idNo: string; code: string }>(
    `SELECT applicant_name AS name, applicant_id_number AS idNo, code FROM dossiers
     WHERE code IS NOT NULL ORDER BY received_at, id LIMIT 1 OFFSET ?`,
  );
  const a = pick.get(123_457)!;
  const b = pick.get(876_543)!;
  const [, day, seq] = b.code.slice(UNIT_CODE.length + 1).match(/^(\d{6})-(\d{4})$/) ?? [];
  const unitTail = UNIT_CODE.split('.').pop()!;
  const overdue = 'in_progress = 1 AND paused_since IS NULL AND due_at < @now';
  const cases: { label: string; filter: ListDossiersInput['filter']; where?: string }[] = [
    { label: 'name without diacritics "nguyen van an"', filter: { text: 'nguyen van an' } },
    { label: `full name as written "${a.name}"`, filter: { text: a.name } },
    { label: 'given name "an"', filter: { text: 'an' } },
    { label: 'typing a name "ng"', filter: { text: 'ng' } },
    { label: 'common words, no such name "dang duc yen"', filter: { text: 'dang duc yen' } },
    { label: `CCCD prefix "${a.idNo.slice(0, 7)}"`, filter: { text: a.idNo.slice(0, 7) } },
    { label: 'CCCD in full', filter: { text: b.idNo } },
    { label: `code date "${unitTail}-${day}"`, filter: { text: `${unitTail}-${day}` } },
    { label: `code tail "${seq}"`, filter: { text: seq } },
    { label: 'code in full', filter: { text: b.code } },
    { label: 'no match "khong co ai ten nay"', filter: { text: 'khong co ai ten nay' } },
    {
      label: '"nguyen van an" + overdue',
      filter: { text: 'nguyen van an', deadline: 'overdue' },
      where: overdue,
    },
    {
      label: '"tran thi" + procedure 2.000744',
      filter: { text: 'tran thi', procedureId: '2.000744' },
      where: "procedure_id = '2.000744'",
    },
  ];
  /** Each call timed separately, after warm-up calls. */
  const times = (fn: () => unknown, n: number, warmup: number): number[] => {
    for (let i = 0; i < warmup; i++) fn();
    return Array.from({ length: n }, () => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    });
  };
  const ourAll: number[] = [];
  const baseAll: number[] = [];
  for (const c of cases) {
    const words = foldVietnamese(c.filter?.text ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const byDue = c.filter?.deadline === 'overdue';
    const like = db.prepare(
      `SELECT * FROM dossiers WHERE ${[
        c.where,
        ...words.map((_, i) => `applicant_search LIKE @w${i} ESCAPE '\\'`),
      ]
        .filter(Boolean)
        .join(' AND ')}
       ORDER BY ${byDue ? 'due_at ASC, id ASC' : 'received_at DESC, id DESC'} LIMIT 51`,
    );
    const likeParams: Record<string, string> = Object.fromEntries(
      words.map((w, i) => [`w${i}`, `%${w.replace(/[\\%_]/g, (x) => '\\' + x)}%`]),
    );
    if (byDue) likeParams.now = NOW;
    let found = 0;
    const ours = times(
      () =>
        (found = listDossiers(db, { now: NOW, filter: c.filter, page: { limit: 50 } }).items
          .length),
      20,
      3,
    );
    let likeFound = 0;
    const base = times(() => (likeFound = Math.min(50, like.all(likeParams).length)), 5, 1);
    ourAll.push(...ours);
    baseAll.push(...base);
    report({
      name: `free-text ${c.label} (page: ${found}; LIKE: ${likeFound}), median`,
      ours: ms(stats(ours).medianMs),
      baseline: ms(stats(base).medianMs),
      ratio: stats(ours).medianMs / stats(base).medianMs,
    });
  }
  const o = stats(ourAll);
  const l = stats(baseAll);
  report({
    name: `free-text search, all ${cases.length} queries pooled, median`,
    ours: ms(o.medianMs),
    baseline: ms(l.medianMs),
    ratio: o.medianMs / l.medianMs,
    target: '< 50 ms',
    met: o.medianMs < 50,
  });
  report({
    name: `free-text search, all ${cases.length} queries pooled, p95`,
    ours: ms(o.p95Ms),
    baseline: ms(l.p95Ms),
    ratio: o.p95Ms / l.p95Ms,
    target: '< 50 ms',
    met: o.p95Ms < 50,
  });
  // A second page follows the keyset like the first.
  const first = listDossiers(db, {
    now: NOW,
    filter: { text: 'nguyen van an' },
    page: { limit: 50 },
  });
  const second = sample(
    () =>
      listDossiers(db, {
        now: NOW,
        filter: { text: 'nguyen van an' },
        page: { limit: 50, after: first.nextCursor! },
      }),
    20,
    3,
  );
  report({
    name: 'free-text "nguyen van an", second page (keyset), median',
    ours: ms(second.medianMs),
  });
}
