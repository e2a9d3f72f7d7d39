/**
 * Xung đột đồng bộ of a unit, as the server holds them: the events the fold sets aside (an action
 * the dossier's state did not allow at its turn because another workstation's action won), what
 * won, and the head's decision (conflict_resolved). The same rule as on every workstation
 * (shared/dossier/conflicts.ts), over the same events, so the server's list is the workstations'.
 *
 * Computed when asked: only dossiers written by more than one device can hold one (a workstation
 * checks the state before it records, so a set-aside event always meets another device's event).
 */
import type { Queryable } from '../db/types';
import type { DossierEvent } from '../../shared/dossier/events';
import {
  CONFLICT_DECISION_LABELS,
  describeConflict,
  describeResolution,
  syncConflicts,
  type ConflictNames,
} from '../../shared/dossier/conflicts';
import { DOSSIER_EVENT_LABELS } from '../../shared/dossier/states';
import { formatShortDateTime } from '../../shared/text/officialDate';
import { checkEvent } from '../sync/validate';
import { EVENT_COLUMNS, rowToEvent, type EventRow } from '../sync/eventRows';

export interface UnitConflict {
  dossierId: string;
  code: string | null;
  /** The event set aside. */
  eventId: string;
  action: string;
  at: string;
  officerName: string | null;
  workstationName: string | null;
  /** What won (null: the dossier was not received yet at its turn). */
  winnerAction: string | null;
  winnerAt: string | null;
  winnerOfficerName: string | null;
  winnerWorkstationName: string | null;
  /** The whole of it in plain Vietnamese. */
  text: string;
  /** null while the head has not decided. */
  decision: keyof typeof CONFLICT_DECISION_LABELS | null;
  resolutionText: string | null;
}

/** Officer and device names of a unit, read once. */
async function unitNames(db: Queryable, unit: string): Promise<ConflictNames> {
  const officers = await db.query<{ id: string; full_name: string }>(
    'SELECT id::text AS id, full_name FROM officers WHERE unit_code = $1',
    [unit],
  );
  const devices = await db.query<{ id: string; name: string }>(
    'SELECT id::text AS id, name FROM devices WHERE unit_code = $1',
    [unit],
  );
  const o = new Map(officers.rows.map((r) => [r.id, r.full_name]));
  const d = new Map(devices.rows.map((r) => [r.id, r.name]));
  return {
    officerName: (id) => o.get(id.toLowerCase()) ?? null,
    workstationName: (id) => d.get(id.toLowerCase()) ?? null,
  };
}

/**
 * The conflicts of the dossiers a unit owns: the open ones, or all (`all`), the latest set-aside
 * event first.
 */
export async function listUnitConflicts(
  db: Queryable,
  unit: string,
  options: { all?: boolean } = {},
): Promise<UnitConflict[]> {
  const { rows } = await db.query<EventRow & { code: string | null }>(
    `SELECT ${EVENT_COLUMNS.split(', ')
      .map((c) => `e.${c}`)
      .join(', ')}, d.code
       FROM events e JOIN dossiers d ON d.id = e.dossier_id
      WHERE e.dossier_id IN (SELECT dossier_id FROM events WHERE owner_unit = $1
                              GROUP BY dossier_id HAVING count(DISTINCT device_id) > 1)`,
    [unit],
  );
  const byDossier = new Map<string, { code: string | null; events: DossierEvent[] }>();
  for (const row of rows) {
    const checked = checkEvent(rowToEvent(row));
    if (!checked.ok) continue; // stored before a stricter rule: the workstations hold it too
    const entry = byDossier.get(checked.event.dossierId) ?? { code: row.code, events: [] };
    entry.events.push({
      ...checked.parsed,
      id: checked.event.id,
      dossierId: checked.event.dossierId,
    });
    byDossier.set(checked.event.dossierId, entry);
  }
  if (byDossier.size === 0) return [];
  const names = await unitNames(db, unit);
  const out: UnitConflict[] = [];
  for (const [dossierId, { code, events }] of byDossier) {
    for (const c of syncConflicts(events)) {
      if (c.resolution !== null && !options.all) continue;
      const w = c.winner;
      out.push({
        dossierId,
        code,
        eventId: c.event.id,
        action: DOSSIER_EVENT_LABELS[c.event.type],
        at: c.event.at,
        officerName: names.officerName(c.event.officerId),
        workstationName: names.workstationName(c.event.deviceId),
        winnerAction: w ? DOSSIER_EVENT_LABELS[w.type] : null,
        winnerAt: w?.at ?? null,
        winnerOfficerName: w ? names.officerName(w.officerId) : null,
        winnerWorkstationName: w ? names.workstationName(w.deviceId) : null,
        text: describeConflict(c, names),
        decision: c.resolution?.payload.decision ?? null,
        resolutionText: c.resolution ? describeResolution(c.resolution, names) : null,
      });
    }
  }
  return out.sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.eventId < b.eventId ? 1 : -1,
  );
}

/** "Tổng: 5 xung đột; chờ xử lý 1; đã xử lý 4 (giữ nguyên kết quả hiện tại 3, …)". */
export function conflictTotals(conflicts: readonly UnitConflict[]): string {
  const decided = new Map<string, number>();
  for (const c of conflicts) {
    if (c.decision === null) continue;
    const label = CONFLICT_DECISION_LABELS[c.decision];
    decided.set(label, (decided.get(label) ?? 0) + 1);
  }
  const open = conflicts.filter((c) => c.decision === null).length;
  const done = conflicts.length - open;
  const how = [...decided].map(([label, n]) => `${label} ${n}`).join(', ');
  return `Tổng: ${conflicts.length} xung đột; chờ xử lý ${open}; đã xử lý ${done}${how ? ` (${how})` : ''}.`;
}

/** The admin command's table (list-conflicts). */
export const CONFLICT_COLUMNS: { title: string; value(c: UnitConflict): string }[] = [
  { title: 'Mã hồ sơ', value: (c) => c.code ?? c.dossierId },
  {
    title: 'Việc bị gác lại',
    value: (c) =>
      `${c.action}, ${formatShortDateTime(c.at)}, ${c.workstationName ?? '?'} (${c.officerName ?? '?'})`,
  },
  {
    title: 'Việc được áp dụng',
    value: (c) =>
      c.winnerAction === null
        ? 'hồ sơ chưa được tiếp nhận'
        : `${c.winnerAction}, ${formatShortDateTime(c.winnerAt!)}, ${c.winnerWorkstationName ?? '?'} (${c.winnerOfficerName ?? '?'})`,
  },
  {
    title: 'Lãnh đạo xử lý',
    value: (c) => (c.decision === null ? 'chưa xử lý' : CONFLICT_DECISION_LABELS[c.decision]),
  },
];
