/**
 * The resolution report (Báo cáo tình hình giải quyết hồ sơ) over a unit's busy stretch: 100,000
 * events (test/helpers/unitEvents.ts: 999 dossiers a working day, received and handed over; here
 * two in three also get their result, on the day or the day after, and are returned), pulled
 * into one workstation's store. Every dossier of the period is folded from its events up to the
 * period's end (db/reports/resolution.ts).
 *
 * Baseline, same run: reading the same events as the report does (the dossier_events rows of the
 * dossiers the period can count, up to its end) and parsing their payloads, without folding or
 * sorting: what any report over the events must pay at least. Targets: a month < 2 s, the whole
 * stretch < 5 s (a head waits for it once; the figures are then on screen).
 */
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { applyRemoteEvents } from '../../db/dossiers/remote';
import { resolutionReport } from '../../db/reports/resolution';
import type { DossierEvent } from '../../shared/dossier/events';
import { periodBounds, type ReportPeriod } from '../../shared/reports/resolution';
import { addRemoteWorkstation, setUpOffice, UNIT_CODE } from '../db/fixtures/dossierFixtures';
import { openTempDb } from '../helpers/tempDb';
import { unitEvents } from '../helpers/unitEvents';
import { ms, report, section, stats } from './harness';

const EVENTS = 100_000;
const NOW = '2026-12-07T10:00';

function withResults(events: DossierEvent[]): DossierEvent[] {
  const out: DossierEvent[] = [];
  let n = 0;
  for (const e of events) {
    out.push(e);
    if (e.type !== 'handed_over' || n++ % 3 === 2) continue;
    const day = e.at.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const resultAt = n % 3 === 1 ? `${day}T15:00` : `${next}T10:00`; // on time, or a day late
    const base = { ...e, payload: undefined };
    out.push({
      ...base,
      id: uuidv7(),
      type: 'result_ready',
      at: resultAt,
      payload: { fromUnit: 'Sở Nội vụ' },
    } as DossierEvent);
    out.push({
      ...base,
      id: uuidv7(),
      type: 'returned',
      at: `${next}T11:00`,
      payload: { method: 'counter', collectedBy: { name: 'Người nhận' } },
    } as DossierEvent);
  }
  return out;
}

function rawRead(db: ReturnType<typeof openTempDb>['db'], period: ReportPeriod): number {
  const { start, end } = periodBounds(period, NOW);
  let n = 0;
  for (const r of db
    .prepare<[{ start: string; end: string }], { payload: string }>(
      `SELECT e.payload FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id
        WHERE d.code IS NOT NULL AND d.received_at <= @end
          AND coalesce(d.result_at, d.finished_at, '9999') >= @start AND e.at <= @end`,
    )
    .iterate({ start, end }))
    n += (JSON.parse(r.payload) as object) ? 1 : 0;
  return n;
}

function time(fn: () => unknown, runs = 5) {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return stats(out);
}

export default function run(): void {
  section(`Resolution report over ${EVENTS.toLocaleString('en')} received/handed-over events`);
  const temp = openTempDb('report-bench');
  try {
    const { db } = temp;
    setUpOffice(db, 1);
    const other = uuidv7();
    addRemoteWorkstation(db, other, 2);
    const events = withResults(unitEvents(EVENTS, other, 2, UNIT_CODE));
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += 5_000)
      applyRemoteEvents(db, events.slice(i, i + 5_000));
    const dossiers = db.prepare('SELECT count(*) FROM dossiers').pluck().get() as number;
    console.log(
      `  store: ${events.length.toLocaleString('en')} events, ${dossiers.toLocaleString('en')} dossiers, pulled in ${ms(performance.now() - t0)}`,
    );
    const first = events[0]!.at.slice(0, 10);
    const last = events[events.length - 1]!.at.slice(0, 10);
    for (const [name, period, target] of [
      ['January (a month)', { from: '2026-01-01', to: '2026-01-31' }, 2_000],
      [`the whole stretch (${first} to ${last})`, { from: first, to: last }, 5_000],
    ] as const) {
      const counted = resolutionReport(db, period, NOW);
      const ours = time(() => resolutionReport(db, period, NOW));
      const base = time(() => rawRead(db, period));
      const received = Object.entries(counted.total)
        .filter(([k]) => k.startsWith('received') || k === 'carriedOver')
        .reduce((s, [, v]) => s + v, 0);
      report({
        name: `${name}: ${received.toLocaleString('en')} dossiers counted`,
        ours: ms(ours.medianMs),
        baseline: `${ms(base.medianMs)} (read + parse the same events)`,
        ratio: ours.medianMs / base.medianMs,
        target: `< ${target / 1000} s`,
        met: ours.medianMs < target,
      });
    }
  } finally {
    temp.cleanup();
  }
}
