/**
 * The resolution report from the store: each dossier that may belong to the period is folded from
 * its events up to the period's end (what it was then, not what it is now), sorted by
 * shared/reports/resolution.ts; the sync conflicts of the period are counted beside it.
 */
import type Database from 'better-sqlite3';
import { foldDossierLenient, type DossierEvent } from '../../shared/dossier';
import {
  periodBounds,
  reportFacts,
  summarise,
  type ReportFacts,
  type ReportPeriod,
  type ResolutionTable,
} from '../../shared/reports/resolution';
import { syncConflictCounts, type SyncConflictCounts } from '../dossiers';
import { workCalendar } from '../dossiers/env';
import { eventFromRow, type EventRow } from '../dossiers/projection';
import { stmt } from '../dossiers/statements';
import type { LocalDateTime } from '../../shared/time/wallClock';

export interface ResolutionReport extends ResolutionTable {
  period: ReportPeriod;
  /** The figures stand as of then: the period's last minute, or now when it is not over. */
  asOf: LocalDateTime;
  /** Events sync set aside whose business time falls in the period, and the head's decisions. */
  conflicts: SyncConflictCounts;
}

export function resolutionReport(
  db: Database.Database,
  period: ReportPeriod,
  now: LocalDateTime,
): ResolutionReport {
  const { start, end } = periodBounds(period, now);
  const cal = workCalendar(db);
  // The candidates as the dossiers table has them now (received by the end, not finished before
  // the start: result and end times never move); their events up to the end say the rest.
  const rows = stmt<[{ start: string; end: string }], EventRow>(
    db,
    `SELECT e.id, e.dossier_id, e.type, e.at, e.recorded_at, e.device_id, e.officer_id,
            e.unit_code, e.payload
       FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id
      WHERE d.code IS NOT NULL AND d.received_at <= @end
        AND coalesce(d.result_at, d.finished_at, '9999') >= @start
        AND e.at <= @end
      ORDER BY e.dossier_id, e.at, e.id`,
  ).iterate({ start, end });
  const facts: ReportFacts[] = [];
  let events: DossierEvent[] = [];
  const flush = () => {
    if (events.length === 0) return;
    const view = foldDossierLenient(events).view;
    const f = view === null ? null : reportFacts(view, cal);
    if (f !== null) facts.push(f);
    events = [];
  };
  for (const row of rows) {
    if (events.length > 0 && events[0]!.dossierId !== row.dossier_id) flush();
    events.push(eventFromRow(row));
  }
  flush();
  return {
    period,
    asOf: end,
    ...summarise(facts, period, now),
    conflicts: syncConflictCounts(db, period),
  };
}
