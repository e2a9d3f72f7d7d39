/**
 * Xung đột đồng bộ: the events sync set aside, and the head's decisions on them.
 *
 * Two workstations offline together can record actions on one dossier that cannot both stand (one
 * returned the result while the other recorded a withdrawal). Every replica folds the same events
 * in (at, id) order (lifecycle.ts); the event a dossier's state does not allow at its turn is kept
 * but not applied. This module says, from a dossier's events alone, which events were set aside,
 * what won over each (the event that brought the dossier into the state it met), and whether the
 * head has decided on it (a conflict_resolved event naming it). Being a function of the events, it
 * gives the same answer on every workstation and on the server; a later event that changes the
 * fold (one more sync) changes the answer the same way everywhere.
 */
import type { ConflictDecision, DossierEvent, DossierEventOf } from './events';
import { foldDossierLenient, sortDossierEvents, type LenientFold } from './lifecycle';
import { DOSSIER_EVENT_DONE, DOSSIER_EVENT_LABELS, type DossierState } from './states';
import { canApply } from './transitions';
import { DOSSIER_ACTIONS } from './actions';
import { formatShortDateTime } from '../text/officialDate';

export interface SyncConflict {
  /** The event set aside: kept in the history, not applied. */
  event: DossierEvent;
  /** The state it met (null: no dossier yet, e.g. its receipt came later in the fold). */
  from: DossierState | null;
  /** What won: the event that brought the dossier into that state; null when none. */
  winner: DossierEvent | null;
  /** The head's decision: the first conflict_resolved naming it, in fold order; null while open. */
  resolution: DossierEventOf<'conflict_resolved'> | null;
}

/**
 * The conflicts of one dossier, in fold order. `fold` may be passed when the caller folded the
 * same events already.
 */
export function syncConflicts(
  events: readonly DossierEvent[],
  fold: LenientFold = foldDossierLenient(events),
): SyncConflict[] {
  if (fold.skipped.length === 0) return [];
  const skippedIds = new Set(fold.skipped.map((s) => s.event.id));
  const resolutions = new Map<string, DossierEventOf<'conflict_resolved'>>();
  for (const e of sortDossierEvents(events)) {
    if (e.type !== 'conflict_resolved' || skippedIds.has(e.id)) continue;
    if (!resolutions.has(e.payload.eventId)) resolutions.set(e.payload.eventId, e);
  }
  return fold.skipped.map((s) => ({
    event: s.event,
    from: s.error.from,
    winner: s.winner,
    resolution: resolutions.get(s.event.id) ?? null,
  }));
}

/** The conflicts still waiting for the head's decision. */
export function openConflicts(conflicts: readonly SyncConflict[]): SyncConflict[] {
  return conflicts.filter((c) => c.resolution === null);
}

/** The decisions as the timeline, the board and the server's list say them. */
export const CONFLICT_DECISION_LABELS: Readonly<Record<ConflictDecision, string>> = {
  confirmed: 'giữ nguyên kết quả hiện tại',
  rerecorded: 'ghi lại việc bị gác lại',
  apology: 'xin lỗi và hẹn lại ngày trả kết quả',
};

/**
 * The actions that can be recorded again as they were: their content does not depend on when
 * they are recorded. A receipt cannot come twice; an apology or a kept appointment is decided
 * anew (the apology decision); prints and decisions are never set aside by a state.
 */
export const RERECORDABLE_TYPES: ReadonlySet<DossierEvent['type']> = new Set(
  DOSSIER_ACTIONS.filter((a) => a.rerecordable).map((a) => a.event),
);

/**
 * The decisions a dossier in this state allows on a set-aside event of this type: the outcome can
 * always be confirmed; the action recorded again only when the dossier's state now allows it; an
 * apology with a new appointment only while the dossier is open.
 */
export function conflictDecisions(
  state: DossierState,
  setAsideType: DossierEvent['type'],
): ConflictDecision[] {
  const out: ConflictDecision[] = ['confirmed'];
  if (RERECORDABLE_TYPES.has(setAsideType) && canApply(state, setAsideType)) out.push('rerecorded');
  if (canApply(state, 'apology_issued')) out.push('apology');
  return out;
}

/** What a decision needs besides itself. */
export interface ResolutionInput {
  decision: ConflictDecision;
  note?: string | undefined;
  reason?: string | undefined;
  newDueAt?: string | undefined;
}

/**
 * What is missing from a decision, by field, in Vietnamese (empty: complete). Keeping the outcome
 * needs a note saying why (it goes into the history); an apology needs its reason and the new
 * appointment printed on the slip.
 */
export function resolutionProblems(d: ResolutionInput): Record<string, string> {
  const out: Record<string, string> = {};
  const blank = (s: string | undefined) => (s ?? '').trim() === '';
  if (d.decision === 'confirmed' && blank(d.note)) {
    out.note =
      'Hãy ghi nội dung xử lý khi giữ nguyên kết quả (ví dụ: đã liên hệ công dân, công dân đã nhận kết quả).';
  }
  if (d.decision === 'apology') {
    if (blank(d.reason)) out.reason = 'Chưa nhập lý do xin lỗi, hẹn lại.';
    if (blank(d.newDueAt)) out.newDueAt = 'Chưa nhập ngày hẹn trả kết quả mới.';
  }
  return out;
}

/** Who recorded an event and where, by name (resolved by the caller from its own tables). */
export interface ConflictNames {
  officerName(officerId: string): string | null;
  workstationName(deviceId: string): string | null;
}

/** Whose eyes the text is for: the officer who recorded the set-aside event, the winner's, or anyone. */
export type ConflictPerspective = 'set_aside' | 'won' | null;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "rút hồ sơ", "trả kết quả": the action an event records, inside a sentence. */
export function actionWords(type: DossierEvent['type']): string {
  return lowerFirst(DOSSIER_EVENT_LABELS[type]);
}

const when = (at: string) => formatShortDateTime(at);

function where(e: DossierEvent, names: ConflictNames): string {
  return names.workstationName(e.deviceId) ?? 'một máy khác của đơn vị';
}

function who(e: DossierEvent, names: ConflictNames): string {
  return names.officerName(e.officerId) ?? 'cán bộ chưa rõ tên';
}

/**
 * One conflict in plain Vietnamese, e.g. "Việc rút hồ sơ anh/chị ghi lúc 10:05 07/12/2026 trên
 * Quầy 2 không được áp dụng vì hồ sơ đã được trả kết quả lúc 10:04 07/12/2026 trên Quầy 1
 * (Nguyễn Văn A)." `perspective` says it to the officer who recorded the set-aside event, to the
 * one whose event won, or to anyone (names both).
 */
export function describeConflict(
  c: Pick<SyncConflict, 'event' | 'winner'>,
  names: ConflictNames,
  perspective: ConflictPerspective = null,
): string {
  const e = c.event;
  const lost =
    perspective === 'set_aside'
      ? `Việc ${actionWords(e.type)} anh/chị ghi lúc ${when(e.at)} trên ${where(e, names)}`
      : `Việc ${actionWords(e.type)} do ${who(e, names)} ghi lúc ${when(e.at)} trên ${where(e, names)}`;
  const w = c.winner;
  if (w === null) {
    return `${lost} không được áp dụng vì lúc đó hồ sơ chưa được tiếp nhận trên hệ thống.`;
  }
  const won =
    perspective === 'won'
      ? `hồ sơ ${DOSSIER_EVENT_DONE[w.type]} lúc ${when(w.at)} (việc ${actionWords(w.type)} anh/chị ghi trên ${where(w, names)})`
      : `hồ sơ ${DOSSIER_EVENT_DONE[w.type]} lúc ${when(w.at)} trên ${where(w, names)} (${who(w, names)})`;
  return `${lost} không được áp dụng vì ${won}.`;
}

/** The head's decision in words: "Nguyễn Văn Lãnh đã giữ nguyên kết quả hiện tại lúc …: <note>". */
export function describeResolution(
  r: DossierEventOf<'conflict_resolved'>,
  names: ConflictNames,
): string {
  const note = r.payload.note ? `: ${r.payload.note}` : '';
  return `${who(r, names)} đã ${CONFLICT_DECISION_LABELS[r.payload.decision]} lúc ${when(r.at)}${note}`;
}
