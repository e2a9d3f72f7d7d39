/**
 * Xung đột đồng bộ in the local store: the events sync set aside (shared/dossier/conflicts.ts),
 * kept in dossier_conflicts, described in plain Vietnamese with the names of the officers and
 * workstations, counted for the board and the reports, and the notice an officer sees.
 *
 * dossier_conflicts is derived, like dossier_calendar_flags: a function of a dossier's events,
 * rewritten with the projection whenever they change (a local intent, pulled events, a rebuild).
 * Replicas holding the same events hold the same rows; the head's decision is an event
 * (conflict_resolved) and closes the conflict everywhere it reaches.
 */
import type Database from 'better-sqlite3';
import type { ConflictDecision, DossierEvent, DossierEventType } from '../../shared/dossier/events';
import {
  CONFLICT_DECISION_LABELS,
  conflictDecisions,
  describeConflict,
  describeResolution,
  syncConflicts,
  type ConflictNames,
  type ConflictPerspective,
  type SyncConflict,
} from '../../shared/dossier/conflicts';
import { DOSSIER_EVENT_LABELS, type DossierState } from '../../shared/dossier/states';
import { loadDossierEvents } from './projection';
import type { ConflictCounts } from '../../shared/reports/resolution';
import { stmt } from './statements';

/**
 * Write one dossier's conflicts as its fold says. `hadAny`: the store may hold rows for it (it
 * had set-aside events before); when it had none and has none, nothing is read or written.
 */
export function writeSyncConflicts(
  db: Database.Database,
  dossierId: string,
  conflicts: readonly SyncConflict[],
  hadAny: boolean,
): void {
  if (!hadAny && conflicts.length === 0) return;
  if (hadAny) stmt(db, 'DELETE FROM dossier_conflicts WHERE dossier_id = ?').run(dossierId);
  const insert = stmt(
    db,
    `INSERT INTO dossier_conflicts (event_id, dossier_id, from_state, winner_id, resolution_id)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const c of conflicts) {
    insert.run(c.event.id, dossierId, c.from, c.winner?.id ?? null, c.resolution?.id ?? null);
  }
}

// ---------------------------------------------------------------------------------------------
// Counting

/** Dossiers with a conflict the head has not decided on (the board's group "Xung đột đồng bộ"). */
export function countConflictDossiers(db: Database.Database): number {
  return (
    stmt<[], { n: number }>(
      db,
      'SELECT count(DISTINCT dossier_id) AS n FROM dossier_conflicts WHERE resolution_id IS NULL',
    ).get()?.n ?? 0
  );
}

/** The conflicts for a report: the shape is the report's (shared/reports/resolution.ts). */
export type SyncConflictCounts = ConflictCounts;

/**
 * The conflicts for a report: events set aside whose business time falls in [from, to] (dates
 * 'YYYY-MM-DD', inclusive; either may be left out), how many are decided and how.
 */
export function syncConflictCounts(
  db: Database.Database,
  period: { from?: string; to?: string } = {},
): SyncConflictCounts {
  const rows = stmt<
    [{ from: string; to: string }],
    { type: DossierEventType; decision: ConflictDecision | null; n: number }
  >(
    db,
    `SELECT e.type, json_extract(r.payload, '$.decision') AS decision, count(*) AS n
       FROM dossier_conflicts c
       JOIN dossier_events e ON e.id = c.event_id
       LEFT JOIN dossier_events r ON r.id = c.resolution_id
      WHERE e.at >= @from AND e.at < @to
      GROUP BY 1, 2`,
  ).all({
    from: period.from ? `${period.from}T00:00` : '',
    to: period.to ? `${period.to}T24:00` : '\uffff',
  });
  const counts: SyncConflictCounts = {
    total: 0,
    open: 0,
    resolved: 0,
    byDecision: { confirmed: 0, rerecorded: 0, apology: 0 },
    byType: {},
  };
  for (const r of rows) {
    counts.total += r.n;
    counts.byType[r.type] = (counts.byType[r.type] ?? 0) + r.n;
    if (r.decision === null) counts.open += r.n;
    else {
      counts.resolved += r.n;
      counts.byDecision[r.decision] += r.n;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Describing

export interface ConflictParty {
  eventId: string;
  type: DossierEventType;
  /** "Rút hồ sơ". */
  action: string;
  at: string;
  officerId: string;
  officerName: string | null;
  deviceId: string;
  workstationName: string | null;
}

export interface SyncConflictResolution {
  eventId: string;
  decision: ConflictDecision;
  /** "giữ nguyên kết quả hiện tại". */
  decisionLabel: string;
  at: string;
  officerId: string;
  officerName: string | null;
  note: string | null;
  correctionEventId: string | null;
  /** "Phạm Văn Lãnh đã giữ nguyên kết quả hiện tại lúc 11:00 07/12/2026: …". */
  text: string;
}

export interface SyncConflictItem {
  /** The event set aside: the conflict is known by it. */
  eventId: string;
  dossierId: string;
  code: string | null;
  applicantName: string | null;
  procedureName: string | null;
  /** The dossier's state now. */
  state: DossierState;
  /** The state the set-aside event met (null: no dossier yet). */
  fromState: DossierState | null;
  setAside: ConflictParty;
  winner: ConflictParty | null;
  /** The viewer's part in it: they recorded the set-aside event, the one that won, or neither. */
  mine: ConflictPerspective;
  /** What happened, in plain Vietnamese, said to the viewer. */
  text: string;
  resolution: SyncConflictResolution | null;
  /** What the head may decide now ([] once decided). */
  decisions: ConflictDecision[];
}

/** Officer and workstation names from this store's tables, read once per call. */
export function conflictNames(db: Database.Database): ConflictNames {
  const officers = new Map(
    stmt<[], { id: string; full_name: string }>(db, 'SELECT id, full_name FROM officers')
      .all()
      .map((o) => [o.id, o.full_name]),
  );
  const stations = new Map(
    stmt<[], { id: string; name: string }>(db, 'SELECT id, name FROM workstations')
      .all()
      .map((w) => [w.id, w.name]),
  );
  return {
    officerName: (id) => officers.get(id) ?? null,
    workstationName: (id) => stations.get(id) ?? null,
  };
}

function party(e: DossierEvent, names: ConflictNames): ConflictParty {
  return {
    eventId: e.id,
    type: e.type,
    action: DOSSIER_EVENT_LABELS[e.type],
    at: e.at,
    officerId: e.officerId,
    officerName: names.officerName(e.officerId),
    deviceId: e.deviceId,
    workstationName: names.workstationName(e.deviceId),
  };
}

/** The viewer's part in a conflict. */
function perspectiveOf(c: SyncConflict, viewerId: string | null): ConflictPerspective {
  if (viewerId === null) return null;
  if (c.event.officerId === viewerId) return 'set_aside';
  if (c.winner?.officerId === viewerId) return 'won';
  return null;
}

export interface DossierRef {
  dossierId: string;
  code: string | null;
  applicantName: string | null;
  procedureName: string | null;
  state: DossierState;
}

/** The conflicts of one dossier as the API shows them, to `viewerId` (null: to anyone). */
export function describeSyncConflicts(
  conflicts: readonly SyncConflict[],
  dossier: DossierRef,
  names: ConflictNames,
  viewerId: string | null,
): SyncConflictItem[] {
  return conflicts.map((c) => {
    const mine = perspectiveOf(c, viewerId);
    const r = c.resolution;
    return {
      eventId: c.event.id,
      ...dossier,
      fromState: c.from,
      setAside: party(c.event, names),
      winner: c.winner ? party(c.winner, names) : null,
      mine,
      text: describeConflict(c, names, mine),
      resolution: r && {
        eventId: r.id,
        decision: r.payload.decision,
        decisionLabel: CONFLICT_DECISION_LABELS[r.payload.decision],
        at: r.at,
        officerId: r.officerId,
        officerName: names.officerName(r.officerId),
        note: r.payload.note ?? null,
        correctionEventId: r.payload.correctionEventId ?? null,
        text: describeResolution(r, names),
      },
      decisions: r === null ? conflictDecisions(dossier.state, c.event.type) : [],
    };
  });
}

interface ListedRow {
  event_id: string;
  dossier_id: string;
  code: string | null;
  applicant_name: string | null;
  procedure_name: string | null;
  state: DossierState;
}

/** The rows' conflicts, described, in the rows' order (each dossier folded once). */
function describeRows(
  db: Database.Database,
  rows: readonly ListedRow[],
  viewerId: string | null,
): SyncConflictItem[] {
  const names = conflictNames(db);
  const byDossier = new Map<string, Map<string, SyncConflictItem>>();
  for (const row of rows) {
    if (byDossier.has(row.dossier_id)) continue;
    const items = describeSyncConflicts(
      syncConflicts(loadDossierEvents(db, row.dossier_id)),
      {
        dossierId: row.dossier_id,
        code: row.code,
        applicantName: row.applicant_name,
        procedureName: row.procedure_name,
        state: row.state,
      },
      names,
      viewerId,
    );
    byDossier.set(row.dossier_id, new Map(items.map((i) => [i.eventId, i])));
  }
  return rows
    .map((row) => byDossier.get(row.dossier_id)?.get(row.event_id))
    .filter((i): i is SyncConflictItem => i !== undefined);
}

const LISTED = `SELECT c.event_id, c.dossier_id, d.code, d.applicant_name, d.procedure_name, d.state
  FROM dossier_conflicts c
  JOIN dossiers d ON d.id = c.dossier_id
  JOIN dossier_events e ON e.id = c.event_id`;

/**
 * The conflicts of the unit as this workstation holds them: open ones (default), decided ones,
 * or all; the latest set-aside event first. Said to `viewerId`.
 */
export function listSyncConflicts(
  db: Database.Database,
  options: { status?: 'open' | 'resolved' | 'all'; limit?: number; viewerId?: string | null } = {},
): SyncConflictItem[] {
  const status = options.status ?? 'open';
  const where =
    status === 'open'
      ? 'WHERE c.resolution_id IS NULL'
      : status === 'resolved'
        ? 'WHERE c.resolution_id IS NOT NULL'
        : '';
  const rows = stmt<[number], ListedRow>(
    db,
    `${LISTED} ${where} ORDER BY e.at DESC, e.id DESC LIMIT ?`,
  ).all(options.limit ?? 500);
  return describeRows(db, rows, options.viewerId ?? null);
}

export interface SyncConflictNotice {
  /** Open conflicts in the unit. */
  open: number;
  /** Open conflicts whose set-aside event this officer recorded. */
  mine: number;
  /** Open conflicts in which this officer's event won. */
  won: number;
  /** What the notice lists (not closed by this officer), this officer's own first. */
  items: SyncConflictItem[];
}

/**
 * The header's notice for one officer: the open conflicts they are part of (they recorded the
 * event set aside, or the one that won over it), and for a head or an administrator, who decides,
 * every open conflict; minus those whose notice this officer closed. null when there is none.
 */
export function syncConflictNotice(
  db: Database.Database,
  officer: { id: string; role: 'officer' | 'head' | 'admin' },
  limit = 5,
): SyncConflictNotice | null {
  const rows = stmt<[{ me: string; all: number; limit: number }], ListedRow>(
    db,
    `${LISTED}
      LEFT JOIN dossier_events w ON w.id = c.winner_id
      WHERE c.resolution_id IS NULL
        AND (@all = 1 OR e.officer_id = @me OR w.officer_id = @me)
        AND NOT EXISTS (SELECT 1 FROM sync_conflict_notices_seen s
                         WHERE s.officer_id = @me AND s.event_id = c.event_id)
      ORDER BY (e.officer_id = @me) DESC, (w.officer_id = @me) DESC, e.at DESC, e.id DESC
      LIMIT @limit`,
  ).all({ me: officer.id, all: officer.role === 'officer' ? 0 : 1, limit });
  if (rows.length === 0) return null;
  const counts = stmt<[{ me: string }], { open: number; mine: number; won: number }>(
    db,
    `SELECT count(*) AS open,
            count(*) FILTER (WHERE e.officer_id = @me) AS mine,
            count(*) FILTER (WHERE w.officer_id = @me AND e.officer_id <> @me) AS won
       FROM dossier_conflicts c
       JOIN dossier_events e ON e.id = c.event_id
       LEFT JOIN dossier_events w ON w.id = c.winner_id
      WHERE c.resolution_id IS NULL`,
  ).get({ me: officer.id }) ?? { open: 0, mine: 0, won: 0 };
  return { ...counts, items: describeRows(db, rows, officer.id) };
}

/** Close the notice of these conflicts for this officer on this workstation. */
export function dismissSyncConflictNotice(
  db: Database.Database,
  officerId: string,
  eventIds: readonly string[],
  now: Date = new Date(),
): void {
  const insert = stmt(
    db,
    `INSERT INTO sync_conflict_notices_seen (officer_id, event_id, seen_at) VALUES (?, ?, ?)
     ON CONFLICT (officer_id, event_id) DO NOTHING`,
  );
  db.transaction(() => {
    for (const id of eventIds) insert.run(officerId, id, now.toISOString());
  })();
}
