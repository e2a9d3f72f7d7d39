/**
 * Applying what the server sends: one page of events in one transaction together with the
 * cursor that follows it, so a page is either wholly applied and remembered, or neither (a crash
 * or a dropped connection re-pulls it, and applyRemoteEvents ignores what it already holds).
 * The server keeps what a page brings, so its commit is not flushed to disk by itself
 * (relaxedDurability): a power cut may take the last pages back, cursor included, never a half.
 *
 * Other workstations of the unit are learnt from their receipts: the first digit of a dossier
 * code's NNNN is the workstation number (shared/dossier/code.ts), so every replica shows the same
 * workstation_number for a dossier.
 */
import type { Db } from '../open';
import { relaxedDurability } from './durability';
import { applyRemoteEvents, rebuildDossier } from '../dossiers';
import { parseDossierCode } from '../../shared/dossier/code';

export interface PulledPage {
  events: unknown[];
  cursor: string;
  hasMore: boolean;
}

export interface PageReport {
  inserted: number;
  duplicates: number;
  /** Events kept in sync_unapplied (not understood, or clashing with local data). */
  unapplied: number;
  /** Workstations of the unit met for the first time. */
  learntWorkstations: number;
}

interface EventLike {
  id?: unknown;
  dossierId?: unknown;
  deviceId?: unknown;
  type?: unknown;
  payload?: unknown;
}

const asEvent = (x: unknown): EventLike =>
  typeof x === 'object' && x !== null ? (x as EventLike) : {};

/** Register workstations seen in received events; returns the ids registered. */
function learnWorkstations(db: Db, events: readonly unknown[]): string[] {
  const rows = db
    .prepare<[], { id: string; number: number }>('SELECT id, number FROM workstations')
    .all();
  const knownIds = new Set(rows.map((w) => w.id));
  const takenNumbers = new Set(rows.map((w) => w.number));
  const insert = db.prepare(
    'INSERT INTO workstations (id, number, name, is_local, created_at) VALUES (?, ?, ?, 0, ?)',
  );
  const learnt: string[] = [];
  for (const raw of events) {
    const e = asEvent(raw);
    if (e.type !== 'received' || typeof e.deviceId !== 'string' || knownIds.has(e.deviceId))
      continue;
    const code = (e.payload as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string') continue;
    const parts = parseDossierCode(code);
    const number = parts ? Math.floor(parts.sequence / 1000) : 0;
    if (number < 1 || number > 9 || takenNumbers.has(number)) continue;
    const recordedAt = (raw as { recordedAt?: unknown }).recordedAt;
    insert.run(
      e.deviceId,
      number,
      `Máy tiếp nhận số ${number}`,
      typeof recordedAt === 'string' ? recordedAt : new Date().toISOString(),
    );
    knownIds.add(e.deviceId);
    takenNumbers.add(number);
    learnt.push(e.deviceId);
  }
  return learnt;
}

function keepUnapplied(db: Db, raw: unknown, reason: string, at: string): void {
  const e = asEvent(raw);
  const id =
    typeof e.id === 'string' ? e.id : `unknown-${at}-${Math.random().toString(36).slice(2)}`;
  db.prepare(
    `INSERT INTO sync_unapplied (event_id, dossier_id, raw, reason, received_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason`,
  ).run(id, typeof e.dossierId === 'string' ? e.dossierId : null, JSON.stringify(raw), reason, at);
}

/**
 * Apply events: all at once, and when that fails (a dossier code held by another dossier here),
 * dossier by dossier, keeping the events of the dossiers that fail in sync_unapplied. Call inside
 * a transaction.
 */
function applyEvents(db: Db, events: readonly unknown[], at: string, report: PageReport): void {
  const tally = (r: ReturnType<typeof applyRemoteEvents>, batch: readonly unknown[]) => {
    report.inserted += r.inserted;
    report.duplicates += r.duplicates;
    for (const bad of r.rejected) {
      const raw = batch.find((x) => asEvent(x).id === bad.id) ?? { id: bad.id };
      keepUnapplied(db, raw, bad.message, at);
      report.unapplied++;
    }
  };
  try {
    tally(applyRemoteEvents(db, events, { receivedAt: at }), events);
    return;
  } catch {
    // fall through: find the dossiers that fail
  }
  const groups = new Map<string, unknown[]>();
  for (const raw of events) {
    const key = String(asEvent(raw).dossierId);
    const group = groups.get(key);
    if (group) group.push(raw);
    else groups.set(key, [raw]);
  }
  for (const group of groups.values()) {
    try {
      tally(applyRemoteEvents(db, group, { receivedAt: at }), group);
    } catch (err) {
      for (const raw of group) keepUnapplied(db, raw, (err as Error).message, at);
      report.unapplied += group.length;
    }
  }
}

/** One page and its cursor, in one transaction. */
export function applyPulledPage(db: Db, page: PulledPage, receivedAt: string): PageReport {
  const report: PageReport = { inserted: 0, duplicates: 0, unapplied: 0, learntWorkstations: 0 };
  const apply = db.transaction(() => {
    const learnt = learnWorkstations(db, page.events);
    if (page.events.length > 0) applyEvents(db, page.events, receivedAt, report);
    rebuildForWorkstations(db, learnt);
    report.learntWorkstations = learnt.length;
    db.prepare('UPDATE sync_config SET pull_cursor = ? WHERE id = 1').run(page.cursor);
  });
  relaxedDurability(db, () => apply.immediate());
  return report;
}

/** Dossiers of a newly learnt workstation projected before it was known get its number. */
function rebuildForWorkstations(db: Db, ids: readonly string[]): void {
  const stale = db.prepare<[string], { id: string }>(
    'SELECT id FROM dossiers WHERE device_id = ? AND workstation_number IS NULL',
  );
  for (const wsId of ids) for (const { id } of stale.all(wsId)) rebuildDossier(db, id);
}

/**
 * Try again the pulled events kept aside (after an update that understands them, or once a code
 * clash is fixed). Returns how many could now be applied.
 */
export function reapplyUnapplied(db: Db, receivedAt: string): number {
  const rows = db
    .prepare<[], { event_id: string; raw: string }>(
      'SELECT event_id, raw FROM sync_unapplied ORDER BY event_id',
    )
    .all();
  if (rows.length === 0) return 0;
  let applied = 0;
  db.transaction(() => {
    const events = rows.map((r) => JSON.parse(r.raw) as unknown);
    learnWorkstations(db, events);
    db.prepare('DELETE FROM sync_unapplied').run();
    const report: PageReport = { inserted: 0, duplicates: 0, unapplied: 0, learntWorkstations: 0 };
    applyEvents(db, events, receivedAt, report);
    applied = rows.length - report.unapplied;
  }).immediate();
  return applied;
}
