/**
 * The dossier projection: what a dossier looks like after its events (the dossiers table row,
 * the timeline header, the control slip).
 *
 * Events are applied in (at, id) order: business time, then the UUIDv7 id. Two replicas holding
 * the same events therefore show the same dossier whatever order the events arrived in. Duplicate
 * events (same id) count once. The transitions are the table in transitions.ts.
 *
 * Time is not computed here: the view exposes the base due time (from the received event,
 * replaced by an apology's new due time) and the pauses; the calendar adjusts the due time for
 * the paused working time.
 */
import type { DossierEvent, DossierEventType, EventPayload } from './events';
import { PRINT_FORMS, type PrintForm } from '../print/forms';
import { DOSSIER_EVENT_LABELS, DOSSIER_STATE_LABELS, isPausedState } from './states';
import type { DossierState } from './states';
import { KEEP_STATE, RESUME_STATE, transitionTarget } from './transitions';
import type { LocalDateTime } from '../time/wallClock';
import { formatShortDateTime } from '../text/officialDate';
import { countedSettingsFrom, type CountingSettings } from '../calendar/countingSettings';

type ReceivedPayload = EventPayload<'received'>;

export type Applicant = ReceivedPayload['applicant'];
export type ProcessingDuration = ReceivedPayload['duration'];
export type ReceivedComponent = ReceivedPayload['components'][number];
export type MissingComponent = EventPayload<'supplement_requested'>['missing'][number];
export type ProcedureRef = Pick<
  ReceivedPayload,
  'procedureId' | 'procedureCode' | 'procedureName' | 'field' | 'agency' | 'caseLabel'
>;

/**
 * A pause of the clock while the applicant supplements the dossier or pays a tax or charge (docNo
 * empty: no slip). to is null while open.
 */
export interface DossierPause {
  from: LocalDateTime;
  to: LocalDateTime | null;
  reason: string;
  docNo: string;
  /** The appointment recorded when the clock resumed (null: open, or not recorded then). */
  dueAtAfter: LocalDateTime | null;
}

/** A Phiếu yêu cầu bổ sung: at the counter (before receipt) or during processing (a pause). */
export interface DossierSupplementRequest {
  at: LocalDateTime;
  docNo: string;
  reason: string;
  missing: MissingComponent[];
  atCounter: boolean;
}

/** One row of the control slip: a hand-over to a unit, its acceptance and the result back. */
export interface DossierHandover {
  at: LocalDateTime;
  toUnit: string;
  toPerson: string | null;
  note: string | null;
  acceptedAt: LocalDateTime | null;
  acceptedBy: string | null;
  resultAt: LocalDateTime | null;
}

/** A Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface DossierApology {
  at: LocalDateTime;
  docNo: string;
  reason: string;
  previousDueAt: LocalDateTime | null;
  newDueAt: LocalDateTime;
}

/** Giữ ngày hẹn: the head confirmed the appointment after a calendar change put it in question. */
export interface DossierAppointmentKeep {
  at: LocalDateTime;
  officerId: string;
  dueAt: LocalDateTime;
  dueOnDayOff: boolean;
  recomputedDueAt: LocalDateTime;
  note: string | null;
}

/** Xử lý xung đột đồng bộ: the head's decision on an event sync set aside. */
export interface DossierConflictResolution {
  at: LocalDateTime;
  officerId: string;
  /** The event set aside. */
  eventId: string;
  decision: EventPayload<'conflict_resolved'>['decision'];
  /** The event recorded to correct it (the action again, or the apology); null: confirmed. */
  correctionEventId: string | null;
  note: string | null;
}

/** What the counter recorded at receipt, beyond applicant and procedure. */
export interface DossierReception {
  deviceId: string;
  officerId: string;
  channel: ReceivedPayload['channel'];
  sets: number;
  fee: number;
  resultDelivery: ReceivedPayload['resultDelivery'];
  components: ReceivedComponent[];
  bookNo: number;
  entryNo: number;
  note: string | null;
}

/** How the dossier ended. */
export type DossierClosure =
  | {
      kind: 'returned';
      at: LocalDateTime;
      method: EventPayload<'returned'>['method'];
      collectedBy: NonNullable<EventPayload<'returned'>['collectedBy']> | null;
      postalTrackingNo: string | null;
    }
  | { kind: 'refused'; at: LocalDateTime; docNo: string; reason: string; afterReceipt: boolean }
  | { kind: 'withdrawn'; at: LocalDateTime; reason: string }
  | { kind: 'stopped'; at: LocalDateTime; reason: string };

export interface DossierView {
  /** The internal dossier id (dossierId of the events). */
  id: string;
  unitCode: string;
  /** Mã hồ sơ; null before receipt. */
  code: string | null;
  state: DossierState;
  /** Set while paused: the state the supplement (the payment) brings the dossier back to. */
  stateBeforePause: DossierState | null;
  applicant: Applicant | null;
  procedure: ProcedureRef | null;
  receivedAt: LocalDateTime | null;
  reception: DossierReception | null;
  duration: ProcessingDuration | null;
  /** The due time computed at receipt (null: no fixed time). */
  baseDueAt: LocalDateTime | null;
  /**
   * The last appointment given: baseDueAt, an apology's new due time, or the one recorded when
   * the clock resumed after a pause. Closed pauses after dueAtSince move it later
   * (shared/dossier/appointment.ts); they are not applied here.
   */
  dueAt: LocalDateTime | null;
  /** When dueAt was given (null: at receipt, so every closed pause counts). */
  dueAtSince: LocalDateTime | null;
  /** The appointment of the receipt was set by hand: it is not counted again. */
  dueAtSetByHand: boolean;
  /** The counting settings of the receipt's due time (null in events from before they were kept). */
  countedWith: CountingSettings | null;
  pauses: DossierPause[];
  supplementRequests: DossierSupplementRequest[];
  handovers: DossierHandover[];
  apologies: DossierApology[];
  appointmentKeeps: DossierAppointmentKeep[];
  conflictResolutions: DossierConflictResolution[];
  /** When the result reached the one-stop unit (result_ready). */
  resultAt: LocalDateTime | null;
  /** Time of returned / refused / withdrawn / stopped. */
  finishedAt: LocalDateTime | null;
  closure: DossierClosure | null;
  printCounts: Record<PrintForm, number>;
  eventCount: number;
  lastEventAt: LocalDateTime;
  lastEventId: string;
}

/** An event that the dossier's state does not allow. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: DossierState | null,
    readonly event: DossierEventType,
    readonly eventId: string,
  ) {
    const action = DOSSIER_EVENT_LABELS[event] ?? event;
    super(
      from === null
        ? `Không thể "${action}" khi chưa có hồ sơ: việc đầu tiên phải là tiếp nhận, hướng dẫn bổ sung hoặc từ chối hồ sơ.`
        : `Không thể "${action}" khi hồ sơ đang ở trạng thái "${DOSSIER_STATE_LABELS[from]}".`,
    );
    this.name = 'IllegalTransitionError';
  }
}

/**
 * applyEvent got an event that sorts before the last one applied (it came late through sync, or
 * the clock went back). The projection must then be rebuilt with foldDossier over all events.
 */
export class EventOrderError extends Error {
  constructor(
    readonly eventId: string,
    readonly at: LocalDateTime,
    readonly lastEventAt: LocalDateTime,
  ) {
    super(
      `Sự kiện ${eventId} (${formatShortDateTime(at)}) xảy ra trước sự kiện cuối cùng đã áp dụng (${formatShortDateTime(lastEventAt)}): cần dựng lại hồ sơ từ toàn bộ sự kiện.`,
    );
    this.name = 'EventOrderError';
  }
}

function compareKeys(atA: string, idA: string, atB: string, idB: string): number {
  if (atA !== atB) return atA < atB ? -1 : 1;
  if (idA !== idB) return idA < idB ? -1 : 1;
  return 0;
}

/** The fold order: business time, then event id (code-unit order, locale-independent). */
export function compareDossierEvents(a: DossierEvent, b: DossierEvent): number {
  return compareKeys(a.at, a.id, b.at, b.id);
}

/** A sorted copy in fold order, each event id once. */
export function sortDossierEvents(events: readonly DossierEvent[]): DossierEvent[] {
  const seen = new Set<string>();
  return [...events].sort(compareDossierEvents).filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}

function emptyPrintCounts(): Record<PrintForm, number> {
  return Object.fromEntries(PRINT_FORMS.map((form) => [form, 0])) as Record<PrintForm, number>;
}

function newView(event: DossierEvent): DossierView {
  return {
    id: event.dossierId,
    unitCode: event.unitCode,
    code: null,
    state: 'received', // replaced by the first event's target
    stateBeforePause: null,
    applicant: null,
    procedure: null,
    receivedAt: null,
    reception: null,
    duration: null,
    baseDueAt: null,
    dueAt: null,
    dueAtSince: null,
    dueAtSetByHand: false,
    countedWith: null,
    pauses: [],
    supplementRequests: [],
    handovers: [],
    apologies: [],
    appointmentKeeps: [],
    conflictResolutions: [],
    resultAt: null,
    finishedAt: null,
    closure: null,
    printCounts: emptyPrintCounts(),
    eventCount: 0,
    lastEventAt: event.at,
    lastEventId: event.id,
  };
}

function pickProcedure(p: ProcedureRef): ProcedureRef {
  const ref: ProcedureRef = {
    procedureId: p.procedureId,
    procedureCode: p.procedureCode,
    procedureName: p.procedureName,
  };
  if (p.field !== undefined) ref.field = p.field;
  if (p.agency !== undefined) ref.agency = p.agency;
  if (p.caseLabel !== undefined) ref.caseLabel = p.caseLabel;
  return ref;
}

function closeOpenPause(
  pauses: DossierPause[],
  at: LocalDateTime,
  dueAtAfter: LocalDateTime | null = null,
): DossierPause[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at, dueAtAfter } : p));
}

function updateLast<T>(items: T[], update: (item: T) => T): T[] {
  const last = items[items.length - 1];
  return last === undefined ? items : [...items.slice(0, -1), update(last)];
}

/**
 * One step of the fold, for the db layer to update the projection in the same transaction as the
 * event. Pure: `view` is not modified. Re-applying the last applied event returns the view as is;
 * an event that sorts before it throws EventOrderError (rebuild with foldDossier); an event the
 * state does not allow throws IllegalTransitionError.
 */
export function applyEvent(view: DossierView | null, event: DossierEvent): DossierView {
  if (view !== null) {
    if (event.dossierId !== view.id) {
      throw new Error(
        `Sự kiện ${event.id} thuộc hồ sơ ${event.dossierId}, không phải hồ sơ ${view.id}.`,
      );
    }
    if (event.id === view.lastEventId) return view;
    if (compareKeys(event.at, event.id, view.lastEventAt, view.lastEventId) < 0) {
      throw new EventOrderError(event.id, event.at, view.lastEventAt);
    }
  }
  const from = view?.state ?? null;
  const target = transitionTarget(from, event.type);
  if (target === undefined) throw new IllegalTransitionError(from, event.type, event.id);
  let state: DossierState;
  if (target === KEEP_STATE) {
    if (from === null) throw new IllegalTransitionError(from, event.type, event.id);
    state = from;
  } else if (target === RESUME_STATE) {
    const resumed = view?.stateBeforePause ?? null;
    if (resumed === null) throw new IllegalTransitionError(from, event.type, event.id);
    state = resumed;
  } else {
    state = target;
  }

  const next: DossierView = view === null ? newView(event) : { ...view };
  const at = event.at;
  if (isPausedState(state) && !isPausedState(from)) {
    // The clock pauses (a supplement or a financial obligation asked for): its reason and slip.
    const p = event.payload as { reason?: string; docNo?: string };
    next.stateBeforePause = from;
    next.pauses = [
      ...next.pauses,
      { from: at, to: null, reason: p.reason ?? '', docNo: p.docNo ?? '', dueAtAfter: null },
    ];
  } else if (target === RESUME_STATE) {
    // The clock resumes, with the appointment the resumption recorded (moved by the pause).
    const dueAt = (event.payload as { dueAt?: LocalDateTime }).dueAt;
    next.pauses = closeOpenPause(next.pauses, at, dueAt ?? null);
    if (dueAt !== undefined && next.dueAt !== null) {
      next.dueAt = dueAt;
      next.dueAtSince = at;
    }
    next.stateBeforePause = null;
  }
  switch (event.type) {
    case 'received': {
      const p = event.payload;
      next.unitCode = event.unitCode;
      next.code = p.code;
      next.applicant = p.applicant;
      next.procedure = pickProcedure(p);
      next.receivedAt = at;
      next.reception = {
        deviceId: event.deviceId,
        officerId: event.officerId,
        channel: p.channel,
        sets: p.sets,
        fee: p.fee,
        resultDelivery: p.resultDelivery,
        components: p.components,
        bookNo: p.bookNo,
        entryNo: p.entryNo,
        note: p.note ?? null,
      };
      next.duration = p.duration;
      next.baseDueAt = p.dueAt;
      next.dueAt = p.dueAt;
      next.dueAtSince = null;
      next.dueAtSetByHand = p.dueAtSetByHand === true;
      next.countedWith = p.countedWith ? countedSettingsFrom(p.countedWith) : null;
      break;
    }
    case 'supplement_requested': {
      const p = event.payload;
      const atCounter = state === 'supplement_requested';
      next.supplementRequests = [
        ...next.supplementRequests,
        { at, docNo: p.docNo, reason: p.reason, missing: p.missing, atCounter },
      ];
      if (atCounter) {
        if (p.applicant !== undefined) next.applicant = p.applicant;
        if (p.procedure !== undefined) next.procedure = pickProcedure(p.procedure);
      }
      break;
    }
    case 'refused': {
      const p = event.payload;
      if (p.applicant !== undefined) next.applicant = p.applicant;
      if (p.procedure !== undefined) next.procedure = pickProcedure(p.procedure);
      next.closure = {
        kind: 'refused',
        at,
        docNo: p.docNo,
        reason: p.reason,
        afterReceipt: next.receivedAt !== null,
      };
      next.finishedAt = at;
      break;
    }
    case 'handed_over': {
      const p = event.payload;
      next.handovers = [
        ...next.handovers,
        {
          at,
          toUnit: p.toUnit,
          toPerson: p.toPerson ?? null,
          note: p.note ?? null,
          acceptedAt: null,
          acceptedBy: null,
          resultAt: null,
        },
      ];
      break;
    }
    case 'accepted': {
      const person = event.payload.person ?? null;
      next.handovers = updateLast(next.handovers, (h) => ({
        ...h,
        acceptedAt: at,
        acceptedBy: person,
      }));
      break;
    }
    case 'result_ready':
      next.resultAt = at;
      next.handovers = updateLast(next.handovers, (h) =>
        h.resultAt === null ? { ...h, resultAt: at } : h,
      );
      break;
    case 'returned': {
      const p = event.payload;
      next.closure = {
        kind: 'returned',
        at,
        method: p.method,
        collectedBy: p.collectedBy ?? null,
        postalTrackingNo: p.postalTrackingNo ?? null,
      };
      next.finishedAt = at;
      break;
    }
    case 'withdrawn':
    case 'stopped':
      next.pauses = closeOpenPause(next.pauses, at);
      next.stateBeforePause = null;
      next.closure = { kind: event.type, at, reason: event.payload.reason };
      next.finishedAt = at;
      break;
    case 'apology_issued': {
      const p = event.payload;
      next.apologies = [
        ...next.apologies,
        { at, docNo: p.docNo, reason: p.reason, previousDueAt: next.dueAt, newDueAt: p.newDueAt },
      ];
      next.dueAt = p.newDueAt;
      next.dueAtSince = at;
      break;
    }
    case 'appointment_kept': {
      const p = event.payload;
      next.appointmentKeeps = [
        ...next.appointmentKeeps,
        {
          at,
          officerId: event.officerId,
          dueAt: p.dueAt,
          dueOnDayOff: p.dueOnDayOff,
          recomputedDueAt: p.recomputedDueAt,
          note: p.note ?? null,
        },
      ];
      break;
    }
    case 'conflict_resolved': {
      const p = event.payload;
      next.conflictResolutions = [
        ...next.conflictResolutions,
        {
          at,
          officerId: event.officerId,
          eventId: p.eventId,
          decision: p.decision,
          correctionEventId: p.correctionEventId ?? null,
          note: p.note ?? null,
        },
      ];
      break;
    }
    case 'printed': {
      const form = event.payload.form;
      next.printCounts = { ...next.printCounts, [form]: (next.printCounts[form] ?? 0) + 1 };
      break;
    }
  }
  next.state = state;
  next.eventCount = (view?.eventCount ?? 0) + 1;
  next.lastEventAt = at;
  next.lastEventId = event.id;
  return next;
}

function assertOneDossier(events: readonly DossierEvent[]): void {
  const first = events[0];
  if (first === undefined) throw new Error('Không có sự kiện nào để dựng hồ sơ.');
  const other = events.find((e) => e.dossierId !== first.dossierId);
  if (other !== undefined) {
    throw new Error(
      `Các sự kiện thuộc nhiều hồ sơ khác nhau (${first.dossierId}, ${other.dossierId}): chỉ dựng từng hồ sơ một.`,
    );
  }
}

/**
 * The dossier after all its events, applied in (at, id) order. Throws IllegalTransitionError on
 * the first event its state does not allow.
 */
export function foldDossier(events: readonly DossierEvent[]): DossierView {
  assertOneDossier(events);
  let view: DossierView | null = null;
  for (const event of sortDossierEvents(events)) view = applyEvent(view, event);
  if (view === null) throw new Error('Không có sự kiện nào để dựng hồ sơ.');
  return view;
}

export interface SkippedEvent {
  event: DossierEvent;
  error: IllegalTransitionError;
  /**
   * What won: the applied event that brought the dossier into the state this one met (the last
   * one before it that changed the state); null when there was no dossier yet.
   */
  winner: DossierEvent | null;
}

export interface LenientFold {
  /** null when no event could be applied. */
  view: DossierView | null;
  /** Events the state did not allow at their turn, in fold order. */
  skipped: SkippedEvent[];
}

/**
 * Like foldDossier, but skips the events the state does not allow instead of throwing. For sync:
 * events merged from devices that were offline together can conflict (one withdrew the dossier
 * while another recorded its result); every replica skips the same events, so all still agree,
 * and the skipped events can be shown to the officer.
 */
export function foldDossierLenient(events: readonly DossierEvent[]): LenientFold {
  assertOneDossier(events);
  let view: DossierView | null = null;
  let stateSetBy: DossierEvent | null = null;
  const skipped: LenientFold['skipped'] = [];
  for (const event of sortDossierEvents(events)) {
    const from = view?.state ?? null;
    try {
      view = applyEvent(view, event);
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      skipped.push({ event, error, winner: stateSetBy });
      continue;
    }
    if (transitionTarget(from, event.type) !== KEEP_STATE) stateSetBy = event;
  }
  return { view, skipped };
}
