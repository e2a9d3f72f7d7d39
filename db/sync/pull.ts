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
import { stmt } from '../dossiers/statements';
import { dueWithDossiers, forgetKept, keepAside, readKept } from './unapplied';
import { parseDossierCode } from '../../shared/dossier/code';
import type { PullAnswer } from '../../shared/sync/pull';

/** A page as the server sent it (shared/sync/pull.ts). */
export type PulledPage = PullAnswer;

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
  const rows = stmt<[], { id: string; number: number }>(
    db,
    'SELECT id, number FROM workstations',
  ).all();
  const knownIds = new Set(rows.map((w) => w.id));
  const takenNumbers = new Set(rows.map((w) => w.number));
  const insert = stmt(
    db,
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

interface Applied {
  /** Dossiers that got new events. */
  touched: string[];
  /** Events that could not be applied, with the reason. */
  aside: [raw: unknown, reason: string][];
}

/**
 * Apply events: all at once, and when that fails (a dossier code held by another dossier here),
 * dossier by dossier; the events of the dossiers that fail, and those that fail validation, are
 * returned to be set aside. Call inside a transaction.
 */
function applyEvents(db: Db, events: readonly unknown[], at: string, report: PageReport): Applied {
  const out: Applied = { touched: [], aside: [] };
  const tally = (r: ReturnType<typeof applyRemoteEvents>, batch: readonly unknown[]) => {
    report.inserted += r.inserted;
    report.duplicates += r.duplicates;
    out.touched.push(...r.dossierIds);
    for (const bad of r.rejected) out.aside.push([batch[bad.index], bad.message]);
  };
  try {
    tally(applyRemoteEvents(db, events, { receivedAt: at }), events);
  } catch {
    // find the dossiers that fail
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
        for (const raw of group) out.aside.push([raw, (err as Error).message]);
      }
    }
  }
  report.unapplied += out.aside.length;
  return out;
}

const emptyReport = (): PageReport => ({
  inserted: 0,
  duplicates: 0,
  unapplied: 0,
  learntWorkstations: 0,
});

/** One page and its cursor, in one transaction. */
export function applyPulledPage(db: Db, page: PulledPage, receivedAt: string): PageReport {
  return applyPulled(db, page.events, receivedAt, page.cursor);
}

/**
 * The first events of a page, in a transaction of their own, so that the counter's calls are
 * served between the slices of a page (client.ts). The cursor moves with the page's last slice
 * (applyPulledPage): after a crash in between, the page comes again and what is held is ignored.
 */
export function applyPageSlice(db: Db, events: readonly unknown[], receivedAt: string): PageReport {
  return applyPulled(db, events, receivedAt, null);
}

function applyPulled(
  db: Db,
  events: readonly unknown[],
  receivedAt: string,
  cursor: string | null,
): PageReport {
  const report = emptyReport();
  const apply = db.transaction(() => {
    const learnt = learnWorkstations(db, events);
    if (events.length > 0) {
      const { touched, aside } = applyEvents(db, events, receivedAt, report);
      dueWithDossiers(db, touched);
      for (const [raw, reason] of aside) keepAside(db, raw, reason, receivedAt);
    }
    rebuildForWorkstations(db, learnt);
    report.learntWorkstations = learnt.length;
    if (cursor !== null) {
      stmt(db, 'UPDATE sync_config SET pull_cursor = ? WHERE id = 1').run(cursor);
    }
  });
  relaxedDurability(db, () => apply.immediate());
  return report;
}

/** Dossiers of a newly learnt workstation projected before it was known get its number. */
function rebuildForWorkstations(db: Db, ids: readonly string[]): void {
  const stale = stmt<[string], { id: string }>(
    db,
    'SELECT id FROM dossiers WHERE device_id = ? AND workstation_number IS NULL',
  );
  for (const wsId of ids) for (const { id } of stale.all(wsId)) rebuildDossier(db, id);
}

export interface RetryReport {
  /** Kept events tried. */
  tried: number;
  /** Of those, now applied (or already held). */
  applied: number;
  /** The key of the last one tried (the sweep's place), or null when none was. */
  last: string | null;
}

/**
 * Try again, in one transaction, up to `pick.limit` pulled events kept aside (unapplied.ts says
 * which and when): those applied are forgotten, the others wait longer. The caller takes them in
 * small steps and lets the event loop run in between (client.ts).
 */
export function retryKeptEvents(
  db: Db,
  at: string,
  pick: { limit: number; after?: string },
): RetryReport {
  const out: RetryReport = { tried: 0, applied: 0, last: null };
  const run = db.transaction(() => {
    const rows = readKept(db, at, pick);
    if (rows.length === 0) return;
    const events = rows.map((r) => JSON.parse(r.raw) as unknown);
    const keyOf = new Map(events.map((e, i) => [e, rows[i]!.event_id]));
    learnWorkstations(db, events);
    const { touched, aside } = applyEvents(db, events, at, emptyReport());
    dueWithDossiers(db, touched);
    const stillKept = new Set<string>();
    for (const [raw, reason] of aside) {
      const key = keyOf.get(raw)!;
      stillKept.add(key);
      keepAside(db, raw, reason, at, key);
    }
    forgetKept(
      db,
      rows.map((r) => r.event_id).filter((k) => !stillKept.has(k)),
    );
    out.tried = rows.length;
    out.applied = rows.length - stillKept.size;
    out.last = rows[rows.length - 1]!.event_id;
  });
  relaxedDurability(db, () => run.immediate());
  return out;
}
