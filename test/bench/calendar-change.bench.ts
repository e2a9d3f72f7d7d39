/**
 * Lịch nghỉ đã thay đổi at scale: a store with 5,000 open dossiers received in January 2027 under
 * the provisional calendar, then the official 2027 calendar (TEST DATA) applied and taken back.
 *
 * Measured against same-run baselines:
 * - the calendar change with the review of every open dossier (applyCalendarChange: the write, the
 *   flags derived again, the log) vs the same calendar write alone; median of 5 each way;
 * - reviewAppointment per dossier (what each projection write now adds, on the pull path too) vs
 *   the computeDueAt it builds on, in calls per second;
 * - the received event's payload with the counting settings it now records vs without them.
 */
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importHolidayFile, loadWorkCalendar, setCalendarYear } from '../../db/calendar';
import { applyCalendarChange } from '../../db/calendarReview';
import { receiveDossier } from '../db/fixtures/intents';
import { loadDossierEvents } from '../../db/dossiers/projection';
import { openDatabase } from '../../db/open';
import { computeDueAt } from '../../shared/calendar';
import { reviewAppointment } from '../../shared/dossier/appointment';
import { foldDossierLenient } from '../../shared/dossier/lifecycle';
import { formatDate, parseDate } from '../../shared/time/wallClock';
import { official2027Text } from '../fixtures/calendar2027';
import { setUpOffice } from '../db/fixtures/dossierFixtures';
import { ms, report, section, stats, throughput } from './harness';

const N = 5_000;
const RUNS = 5;

export default async function calendarChangeBench(): Promise<void> {
  section(`Calendar change: ${N.toLocaleString('en')} open dossiers put in question or not`);
  const file = join(tmpdir(), `motcua-bench-calendar-${process.pid}.sqlite`);
  const db = openDatabase(file);
  try {
    const office = setUpOffice(db);
    db.pragma('synchronous = OFF'); // building the store only
    const days: string[] = [];
    for (let d = parseDate('2027-01-04'); d <= parseDate('2027-02-02'); d++) {
      const day = formatDate(d);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && day !== '2027-01-01') days.push(day);
    }
    for (let i = 0; i < N; i++) {
      const day = days[i % days.length]!;
      const minute = 450 + ((i * 7) % 420);
      const at = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      receiveDossier(
        db,
        { ...office.ctx, now: at },
        {
          procedureId: i % 3 === 0 ? 'B-BLD-BS161' : '2.000744',
          applicant: { kind: 'citizen', name: `Người nộp ${i}` },
          components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
        },
      );
    }
    db.pragma('synchronous = FULL'); // as the app runs
    const provisional = db
      .prepare<[], { date: string; name: string }>(
        "SELECT date, name FROM calendar_days WHERE year = 2027 AND kind = 'day_off' ORDER BY date",
      )
      .all();
    const official = official2027Text();
    const back = () =>
      setCalendarYear(db, 2027, { status: 'provisional', daysOff: provisional, workingDays: [] });

    const withReview: number[] = [];
    const alone: number[] = [];
    let flagged = 0;
    for (let r = 0; r < RUNS; r++) {
      let t0 = performance.now();
      const { change } = applyCalendarChange(db, { source: 'import' }, () =>
        importHolidayFile(db, official),
      );
      withReview.push(performance.now() - t0);
      flagged = change?.flagged ?? 0;
      t0 = performance.now();
      applyCalendarChange(db, { source: 'settings' }, back);
      withReview.push(performance.now() - t0);

      t0 = performance.now();
      db.transaction(() => importHolidayFile(db, official)).immediate();
      alone.push(performance.now() - t0);
      t0 = performance.now();
      db.transaction(back).immediate();
      alone.push(performance.now() - t0);
    }
    const ours = stats(withReview).medianMs;
    const base = stats(alone).medianMs;
    report({
      name: `calendar change with the review of ${N.toLocaleString('en')} open dossiers (${flagged.toLocaleString('en')} flagged), median of ${RUNS * 2}`,
      ours: ms(ours),
      baseline: `${ms(base)} (the same calendar write alone)`,
      ratio: ours / base,
      target: '< 5 s',
      met: ours < 5_000,
    });

    // what each projection write adds: the review of one dossier, against computeDueAt
    const cal = loadWorkCalendar(db);
    const views = db
      .prepare<[], string>('SELECT id FROM dossiers LIMIT 1000')
      .pluck()
      .all()
      .map((id) => foldDossierLenient(loadDossierEvents(db, id)).view!);
    const perSecond = throughput((i) => reviewAppointment(views[i % views.length]!, cal), 200_000);
    const duePerSecond = throughput((i) => {
      const v = views[i % views.length]!;
      return computeDueAt(v.receivedAt!, v.duration!, cal);
    }, 200_000);
    report({
      name: 'reviewAppointment of one dossier (added to every projection write)',
      ours: `${Math.round(perSecond).toLocaleString('en')}/s`,
      baseline: `${Math.round(duePerSecond).toLocaleString('en')}/s (computeDueAt)`,
      ratio: duePerSecond / perSecond,
    });

    const payload = db
      .prepare<[], string>("SELECT payload FROM dossier_events WHERE type = 'received' LIMIT 1")
      .pluck()
      .get()!;
    const without = JSON.stringify({ ...JSON.parse(payload), countedWith: undefined });
    report({
      name: 'received event payload with the counting settings it records',
      ours: `${payload.length} bytes`,
      baseline: `${without.length} bytes without them`,
      ratio: payload.length / without.length,
    });
  } finally {
    db.close();
    for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
  }
}
