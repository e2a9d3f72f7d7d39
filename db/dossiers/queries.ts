/**
 * Reading dossiers: the board's lists and counts (SQL against the projection, deadline boundaries
 * computed once in JS), one dossier in full (its events folded), and the sync outbox.
 */
import type Database from 'better-sqlite3';
import type { ApiParsedInput } from '../../shared/api/contract';
import { pausedWorkingMinutes } from '../../shared/calendar';
import { DOSSIER_EVENT_LABELS, type DossierState } from '../../shared/dossier/states';
import type { DossierEvent, DossierEventType } from '../../shared/dossier/events';
import {
  foldDossierLenient,
  type DossierApology,
  type DossierClosure,
  type DossierHandover,
  type DossierSupplementRequest,
} from '../../shared/dossier/lifecycle';
import { formLabel, type PrintForm } from '../../shared/print/forms';
import { CONFLICT_DECISION_LABELS, syncConflicts } from '../../shared/dossier/conflicts';
import { actionOfEvent } from '../../shared/dossier/actions';
import { formatShortDateTime } from '../../shared/text/officialDate';
import type { LocalDateTime } from '../../shared/time/wallClock';
import { nowOf, withCalendar, workCalendar } from './env';
import { DossierError } from './errors';
import { countCalendarFlags } from './calendarFlags';
import {
  conflictNames,
  countConflictDossiers,
  describeSyncConflicts,
  type SyncConflictItem,
} from './syncConflicts';
import { findDossierRow } from './intent';
import { eventFromRow, type DossierRow, type EventRow } from './projection';
import { stmt } from './statements';
import {
  deadlineBoundaries,
  toSummary,
  type DeadlineBoundaries,
  type DossierSummary,
} from './summary';
import { searchTuning, textSearch } from './search';
import { filterConditions, plain, unindexed } from './filter';

// ---------------------------------------------------------------------------------------------
// listDossiers

/** The board's filter and page as the API contract parsed them, and the time of the lists. */
export type ListDossiersInput = ApiParsedInput<'dossiers.list'> & { now?: LocalDateTime };

export interface DossierPage {
  items: DossierSummary[];
  /** Pass as page.after for the next page; null on the last page. */
  nextCursor: string | null;
}

type Order = { column: 'due_at' | 'paused_since' | 'received_at'; dir: 'ASC' | 'DESC' };

function orderFor(deadline: string | undefined): Order {
  if (deadline === 'overdue' || deadline === 'due_today' || deadline === 'due_soon') {
    return { column: 'due_at', dir: 'ASC' }; // most urgent first
  }
  if (deadline === 'paused') return { column: 'paused_since', dir: 'ASC' };
  return { column: 'received_at', dir: 'DESC' }; // newest first
}

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string'
    ) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw new DossierError(
    'invalid_input',
    'Vị trí trang không hợp lệ (có thể danh sách đã thay đổi bộ lọc): hãy tải lại danh sách từ trang đầu.',
  );
}

/** How many candidates the index finds, counting up to `cap` (search.ts, searchTuning). */
function candidateCount(db: Database.Database, match: string, cap: number): number {
  return (
    stmt<[string, number], { n: number }>(
      db,
      'SELECT count(*) AS n FROM (SELECT 1 FROM dossier_fts WHERE dossier_fts MATCH ? LIMIT ?)',
    ).get(match, cap)?.n ?? 0
  );
}

/**
 * One page of dossiers. Deadline lists are ordered by due time (most urgent first), the paused
 * list by pause start, everything else by receipt time, newest first; pages follow a keyset
 * cursor, so a page costs the same at any depth.
 */
export function listDossiers(db: Database.Database, input: ListDossiersInput): DossierPage {
  return withCalendar(db, () => listPinned(db, input));
}

function listPinned(db: Database.Database, input: ListDossiersInput): DossierPage {
  const { filter, page } = input;
  const now = nowOf(input.now);
  const boundaries = deadlineBoundaries(db, now);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const search = textSearch(filter.text ?? '');
  // With text, a scan should walk the list's order index, which checks the text on its entries
  // (dossiers_received, dossiers_open_due_search): `unindexed` keeps the planner off the indexes
  // of the state and equality filters, which would read and sort every row of a state or a
  // procedure.
  for (const cond of filterConditions(db, filter, now)) {
    const steer = search && cond.kind !== 'deadline' && cond.kind !== 'received';
    where.push(cond.sql(steer ? unindexed : plain));
    Object.assign(params, cond.params);
  }
  // instr first: it is quick, and the GLOB (a word boundary) runs only where the word occurs.
  search?.words.forEach((word, i) => {
    where.push(`instr(applicant_search, @text${i})`);
    params[`text${i}`] = word;
    const glob = search.globs[i];
    if (glob != null) {
      where.push(`(' ' || applicant_search) GLOB @glob${i}`);
      params[`glob${i}`] = glob;
    }
  });

  const order = orderFor(filter.deadline);
  const cmp = order.dir === 'ASC' ? '>' : '<';
  if (page.after !== undefined) {
    const [key, id] = decodeCursor(page.after);
    where.push(`(${order.column}, id) ${cmp} (@afterKey, @afterId)`);
    params.afterKey = key;
    params.afterId = id;
  }
  params.limit = page.limit + 1;
  const orderBy = `ORDER BY ${order.column} ${order.dir}, id ${order.dir} LIMIT @limit`;
  let sql: string;
  // A deadline list is short and its scan checks the text on the index entries: not "filtered".
  const filtered =
    filter.deadline === undefined &&
    [filter.states, filter.procedureId, filter.field, filter.officerId].some(
      (f) => f !== undefined,
    );
  const limit = filtered ? searchTuning.selectiveLimitFiltered : searchTuning.selectiveLimit;
  const match = search?.match ?? null;
  const candidates = match === null || limit < 0 ? null : candidateCount(db, match, limit + 1);
  if (candidates === 0) return { items: [], nextCursor: null }; // the index holds every match
  if (candidates !== null && candidates <= limit) {
    // Few candidates: read them through the index, then filter and sort them.
    // The rows are read twice: sorting whole rows of every candidate costs more than reading
    // the page's rows again by their rowid (stable within one statement).
    params.match = match;
    sql = `WITH hits AS MATERIALIZED (
         SELECT d.rowid AS r FROM dossier_fts f
         CROSS JOIN dossier_search_rowids k ON k.rid = f.rowid
         CROSS JOIN dossiers d ON d.id = k.dossier_id
         WHERE dossier_fts MATCH @match${where.map((w) => ' AND ' + w).join('')}
         ${orderBy})
       SELECT d.* FROM hits CROSS JOIN dossiers d ON d.rowid = hits.r
       ORDER BY ${order.column} ${order.dir}, id ${order.dir}`;
  } else {
    sql = `SELECT * FROM dossiers${where.length ? ' WHERE ' + where.join(' AND ') : ''} ` + orderBy;
  }
  const rows = stmt<[Record<string, unknown>], DossierRow>(db, sql).all(params);
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const cal = workCalendar(db);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map((r) => toSummary(r, boundaries, cal)),
    nextCursor: more && last ? encodeCursor(String(last[order.column]), last.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// countDossiers

export interface DossierCounts {
  /** In progress, clock running: the four deadline buckets. */
  overdue: number;
  dueToday: number;
  dueSoon: number;
  onTime: number;
  /** In progress, waiting for supplements. */
  paused: number;
  /** All in progress: overdue + dueToday + dueSoon + onTime + paused. */
  inProgress: number;
  /** Result at the unit, not yet returned. */
  resultReady: number;
  /** Open in the lifecycle's sense: in progress + result ready. */
  open: number;
  returned: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  /** Counter supplement requests the applicant has not come back from (no code yet). */
  supplementRequested: number;
  /** Open dossiers whose appointment a calendar change put in question (lịch nghỉ đã thay đổi). */
  calendarChanged: number;
  /** Dossiers with an event sync set aside, waiting for the head's decision (xung đột đồng bộ). */
  syncConflicts: number;
}

/**
 * The board's counts: the deadline buckets from the small partial index of dossiers in progress
 * (boundaries computed once), the rest from the per-state counters kept by triggers.
 */
export function countDossiers(
  db: Database.Database,
  input: { now?: LocalDateTime } = {},
): DossierCounts {
  return withCalendar(db, () => countPinned(db, input));
}

function countPinned(db: Database.Database, input: { now?: LocalDateTime }): DossierCounts {
  const b: DeadlineBoundaries = deadlineBoundaries(db, nowOf(input.now));
  const clock = stmt<
    [DeadlineBoundaries],
    { overdue: number; due_today: number; due_soon: number; on_time: number }
  >(
    db,
    `SELECT count(*) FILTER (WHERE due_at < @now) AS overdue,
            count(*) FILTER (WHERE due_at >= @now AND due_at <= @endOfToday) AS due_today,
            count(*) FILTER (WHERE due_at > @endOfToday AND due_at <= @dueSoon) AS due_soon,
            count(*) FILTER (WHERE due_at > @dueSoon OR due_at IS NULL) AS on_time
     FROM dossiers WHERE in_progress = 1 AND paused_since IS NULL`,
  ).get(b) ?? { overdue: 0, due_today: 0, due_soon: 0, on_time: 0 };
  const paused =
    stmt<[], { n: number }>(
      db,
      'SELECT count(*) AS n FROM dossiers WHERE paused_since IS NOT NULL',
    ).get()?.n ?? 0;
  const byState = new Map<string, number>(
    stmt<[], { state: string; n: number }>(db, 'SELECT state, n FROM dossier_state_counts')
      .all()
      .map((r) => [r.state, r.n]),
  );
  const n = (s: DossierState) => byState.get(s) ?? 0;
  const inProgress = clock.overdue + clock.due_today + clock.due_soon + clock.on_time + paused;
  return {
    overdue: clock.overdue,
    dueToday: clock.due_today,
    dueSoon: clock.due_soon,
    onTime: clock.on_time,
    paused,
    inProgress,
    resultReady: n('result_ready'),
    open: inProgress + n('result_ready'),
    returned: n('returned'),
    refused: n('refused'),
    withdrawn: n('withdrawn'),
    stopped: n('stopped'),
    supplementRequested: n('supplement_requested'),
    calendarChanged: countCalendarFlags(db),
    syncConflicts: countConflictDossiers(db),
  };
}

// ---------------------------------------------------------------------------------------------
// getDossier

/** One line of the timeline, in Vietnamese. */
export function timelineLabel(e: DossierEvent): string {
  switch (e.type) {
    case 'received':
      return `Tiếp nhận hồ sơ, cấp mã ${e.payload.code}`;
    case 'supplement_requested':
      return `Yêu cầu bổ sung, hoàn thiện hồ sơ (phiếu số ${e.payload.docNo}): ${e.payload.reason}`;
    case 'supplement_received':
      return 'Nhận hồ sơ bổ sung, tiếp tục tính thời hạn';
    case 'refused':
      return `Từ chối tiếp nhận, giải quyết hồ sơ (phiếu số ${e.payload.docNo}): ${e.payload.reason}`;
    case 'handed_over':
      return `Bàn giao hồ sơ cho ${e.payload.toUnit}${e.payload.toPerson ? ` (${e.payload.toPerson})` : ''}`;
    case 'accepted':
      return `${e.payload.unit} nhận hồ sơ để giải quyết${e.payload.person ? ` (${e.payload.person})` : ''}`;
    case 'result_ready':
      return `Nhận kết quả giải quyết${e.payload.fromUnit ? ` từ ${e.payload.fromUnit}` : ''}`;
    case 'returned':
      return e.payload.method === 'post'
        ? `Trả kết quả qua bưu điện${e.payload.postalTrackingNo ? ` (số hiệu ${e.payload.postalTrackingNo})` : ''}`
        : `Trả kết quả tại quầy${e.payload.collectedBy ? ` cho ${e.payload.collectedBy.name}` : ''}`;
    case 'apology_issued':
      return `Xin lỗi và hẹn lại ngày trả kết quả (phiếu số ${e.payload.docNo}), hẹn mới ${formatShortDateTime(e.payload.newDueAt)}`;
    case 'appointment_kept':
      return (
        `Lịch nghỉ đã thay đổi: giữ ngày hẹn trả kết quả ${formatShortDateTime(e.payload.dueAt)}` +
        `${e.payload.dueOnDayOff ? ' (rơi vào ngày nghỉ)' : ''}, không hẹn lại theo ngày tính lại ` +
        `${formatShortDateTime(e.payload.recomputedDueAt)}${e.payload.note ? `: ${e.payload.note}` : ''}`
      );
    case 'printed':
      return `${e.payload.reprint ? 'In lại' : 'In'} ${formLabel(e.payload.form)}`;
    case 'conflict_resolved':
      return (
        `Xử lý xung đột đồng bộ: ${CONFLICT_DECISION_LABELS[e.payload.decision]}` +
        `${e.payload.note ? `: ${e.payload.note}` : ''}`
      );
    default: {
      // A simple action: its line is its row's (shared/dossier/actions.ts).
      const line = actionOfEvent(e.type).timeline;
      return line
        ? line(e.payload as { reason?: string; note?: string })
        : DOSSIER_EVENT_LABELS[e.type];
    }
  }
}

export interface TimelineEntry {
  id: string;
  type: DossierEventType;
  /** The action, e.g. "Bàn giao hồ sơ". */
  action: string;
  /** The line, e.g. "Bàn giao hồ sơ cho Phòng Lao động". */
  label: string;
  at: LocalDateTime;
  recordedAt: string;
  officerId: string;
  officerName: string | null;
  deviceId: string;
  origin: 'local' | 'remote';
  synced: boolean;
  /** false: the event did not apply at its turn (a sync conflict); shown, not counted. */
  applied: boolean;
  payload: DossierEvent['payload'];
}

export interface DossierComponentLine {
  position: number;
  componentId: string | null;
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
  presentOnly: boolean;
  note: string | null;
}

export interface DossierPauseLine {
  from: LocalDateTime;
  to: LocalDateTime | null;
  reason: string;
  docNo: string;
  /** Working minutes paused (an open pause counts until now). */
  workingMinutes: number;
}

export interface PrintRecord {
  id: string;
  form: PrintForm;
  formLabel: string;
  eventId: string;
  file: string | null;
  reprint: boolean;
  createdAt: string;
}

export interface DossierDetail extends DossierSummary {
  components: DossierComponentLine[];
  pauses: DossierPauseLine[];
  supplementRequests: DossierSupplementRequest[];
  handovers: DossierHandover[];
  apologies: DossierApology[];
  closure: DossierClosure | null;
  prints: PrintRecord[];
  /** The events sync set aside, open ones first (xung đột đồng bộ), said to the viewer. */
  syncConflicts: SyncConflictItem[];
  /** All events in (at, id) order. */
  timeline: TimelineEntry[];
}

export interface GetDossierOptions {
  now?: LocalDateTime;
  /** Who reads it: its sync conflicts are said to them ("anh/chị ghi …"); null: to anyone. */
  viewerId?: string | null;
}

/** One dossier by id or code, with everything the detail view, control slip and timeline show. */
export function getDossier(
  db: Database.Database,
  idOrCode: string,
  options: GetDossierOptions = {},
): DossierDetail | null {
  return withCalendar(db, () => getPinned(db, idOrCode, options));
}

function getPinned(
  db: Database.Database,
  idOrCode: string,
  options: GetDossierOptions,
): DossierDetail | null {
  const row = findDossierRow(db, idOrCode);
  if (!row) return null;
  const now = nowOf(options.now);
  const cal = workCalendar(db);
  const eventRows = stmt<
    [string],
    EventRow & { origin: 'local' | 'remote'; synced_at: string | null; officer_name: string | null }
  >(
    db,
    `SELECT e.id, e.dossier_id, e.type, e.at, e.recorded_at, e.device_id, e.officer_id, e.unit_code, e.payload,
            e.origin, e.synced_at, o.full_name AS officer_name
     FROM dossier_events e LEFT JOIN officers o ON o.id = e.officer_id
     WHERE e.dossier_id = ? ORDER BY e.at, e.id`,
  ).all(row.id);
  const events = eventRows.map(eventFromRow);
  const fold = foldDossierLenient(events);
  const skipped = new Set(fold.skipped.map((s) => s.event.id));
  const view = fold.view;
  const components = stmt<
    [string],
    {
      position: number;
      component_id: string | null;
      name: string;
      originals: number;
      certified_copies: number;
      copies: number;
      present_only: number;
      note: string | null;
    }
  >(db, 'SELECT * FROM dossier_components WHERE dossier_id = ? ORDER BY position').all(row.id);
  const prints = stmt<
    [string],
    {
      id: string;
      form: PrintForm;
      event_id: string;
      file: string | null;
      reprint: number;
      created_at: string;
    }
  >(
    db,
    'SELECT id, form, event_id, file, reprint, created_at FROM prints WHERE dossier_id = ? ORDER BY created_at, id',
  ).all(row.id);
  const summary = toSummary(row, deadlineBoundaries(db, now), cal);
  const conflicts = describeSyncConflicts(
    syncConflicts(events, fold),
    {
      dossierId: row.id,
      code: row.code,
      applicantName: row.applicant_name,
      procedureName: row.procedure_name,
      state: row.state,
    },
    conflictNames(db),
    options.viewerId ?? null,
  );
  return {
    ...summary,
    components: components.map((c) => ({
      position: c.position,
      componentId: c.component_id,
      name: c.name,
      originals: c.originals,
      certifiedCopies: c.certified_copies,
      copies: c.copies,
      presentOnly: c.present_only === 1,
      note: c.note,
    })),
    pauses: (view?.pauses ?? []).map((p) => ({
      ...p,
      workingMinutes: pausedWorkingMinutes(
        [{ from: p.from, to: p.to }],
        cal,
        p.to === null ? now : undefined,
      ),
    })),
    supplementRequests: view?.supplementRequests ?? [],
    handovers: view?.handovers ?? [],
    apologies: view?.apologies ?? [],
    closure: view?.closure ?? null,
    prints: prints.map((p) => ({
      id: p.id,
      form: p.form,
      formLabel: formLabel(p.form),
      eventId: p.event_id,
      file: p.file,
      reprint: p.reprint === 1,
      createdAt: p.created_at,
    })),
    // the open ones first, each group in fold order
    syncConflicts: [
      ...conflicts.filter((c) => c.resolution === null),
      ...conflicts.filter((c) => c.resolution !== null),
    ],
    timeline: events.map((e, i) => {
      const r = eventRows[i] as (typeof eventRows)[number];
      return {
        id: e.id,
        type: e.type,
        action: DOSSIER_EVENT_LABELS[e.type],
        label: timelineLabel(e),
        at: e.at,
        recordedAt: e.recordedAt,
        officerId: e.officerId,
        officerName: r.officer_name,
        deviceId: e.deviceId,
        origin: r.origin,
        synced: r.synced_at !== null,
        applied: !skipped.has(e.id),
        payload: e.payload,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Sync outbox

/** Local events the server has not acknowledged, oldest first (UUIDv7 order). */
export function outbox(db: Database.Database, limit = 100): DossierEvent[] {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new DossierError(
      'invalid_input',
      `Số sự kiện mỗi lần gửi phải là số nguyên dương, nhận được ${limit}.`,
    );
  }
  return stmt<[number], EventRow>(
    db,
    `SELECT id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload
     FROM dossier_events WHERE synced_at IS NULL AND origin = 'local' ORDER BY id LIMIT ?`,
  )
    .all(limit)
    .map(eventFromRow);
}

/** The server acknowledged these events: they leave the outbox. Returns how many changed. */
export function markSynced(
  db: Database.Database,
  ids: readonly string[],
  at: string = new Date().toISOString(),
): number {
  if (ids.length === 0) return 0;
  return stmt(
    db,
    `UPDATE dossier_events SET synced_at = ?
     WHERE id IN (SELECT value FROM json_each(?)) AND synced_at IS NULL`,
  ).run(at, JSON.stringify(ids)).changes;
}
