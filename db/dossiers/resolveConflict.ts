/**
 * Xử lý xung đột đồng bộ: the head's decision on an event sync set aside, recorded as an event
 * (conflict_resolved) that syncs and is folded like the others, so that the conflict closes on
 * every workstation it reaches. With it, in the same transaction, the correcting action when the
 * decision is one: the set-aside action recorded again (now that the dossier allows it), or an
 * apology with a new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả).
 */
import type Database from 'better-sqlite3';
import type { ApiParsedInput } from '../../shared/api/contract';
import type { DossierEvent, EventPayload } from '../../shared/dossier/events';
import {
  actionWords,
  conflictDecisions,
  describeResolution,
  syncConflicts,
} from '../../shared/dossier/conflicts';
import { DOSSIER_STATE_LABELS } from '../../shared/dossier/states';
import { formatShortDateTime } from '../../shared/text/officialDate';
import { withCalendar, type DossierContext } from './env';
import { DossierError } from './errors';
import {
  newEvent,
  requireDossierRow,
  runIntent,
  type IntentResult,
  type IntentScope,
} from './intent';
import { issueApology, withResumedDueAt } from './intents';
import { resumesClock } from '../../shared/dossier/transitions';
import { loadDossierEvents } from './projection';
import { conflictNames } from './syncConflicts';

/** The head's decision, as the API contract parsed it (what each decision needs included). */
export type ResolveConflictInput = ApiParsedInput<'dossiers.resolveConflict'>;

export interface ResolveConflictResult extends IntentResult {
  /** The correcting event recorded with the decision (null: the outcome was confirmed). */
  correctionEventId: string | null;
  /** The apology slip's number (decision 'apology'). */
  docNo: string | null;
}

/**
 * Record the head's decision on one set-aside event of a dossier. Refused when the event is not
 * set aside (any more), was decided on already, or the dossier's state does not allow the
 * decision (the action again, or an apology once the dossier is closed).
 */
export function resolveSyncConflict(
  db: Database.Database,
  ctx: DossierContext,
  d: ResolveConflictInput,
): ResolveConflictResult {
  const run = db.transaction((): ResolveConflictResult => {
    const row = requireDossierRow(db, d.dossierId);
    const which = `hồ sơ ${row.code ?? 'này'}`;
    const events = loadDossierEvents(db, row.id);
    const conflict = syncConflicts(events).find((c) => c.event.id === d.eventId.toLowerCase());
    if (!conflict) {
      const held = events.find((e) => e.id === d.eventId.toLowerCase());
      throw new DossierError(
        'invalid_input',
        held
          ? `Việc ${actionWords(held.type)} lúc ${formatShortDateTime(held.at)} của ${which} đã được áp dụng, không bị gác lại: không có xung đột nào cần xử lý.`
          : `Không tìm thấy việc bị gác lại này trong ${which}: hãy tải lại hồ sơ rồi chọn lại.`,
      );
    }
    if (conflict.resolution) {
      throw new DossierError(
        'invalid_input',
        `Xung đột này của ${which} đã được xử lý: ${describeResolution(conflict.resolution, conflictNames(db))}.`,
      );
    }
    const action = actionWords(conflict.event.type);
    if (!conflictDecisions(row.state, conflict.event.type).includes(d.decision)) {
      throw new DossierError(
        'illegal_transition',
        d.decision === 'rerecorded'
          ? `Không ghi lại được việc ${action} cho ${which}: hồ sơ đang ở trạng thái "${DOSSIER_STATE_LABELS[row.state]}", việc này không còn thực hiện được. Hãy giữ nguyên kết quả hoặc chọn cách xử lý khác.`
          : `Không xin lỗi và hẹn lại được cho ${which}: hồ sơ đã kết thúc ("${DOSSIER_STATE_LABELS[row.state]}"). Hãy giữ nguyên kết quả và ghi nội dung đã xử lý với công dân.`,
      );
    }
    let correctionEventId: string | null = null;
    let docNo: string | null = null;
    if (d.decision === 'apology') {
      const apology = issueApology(db, ctx, {
        dossierId: row.id,
        reason: d.reason!,
        newDueAt: d.newDueAt!,
      });
      correctionEventId = apology.eventId;
      docNo = apology.docNo;
    } else if (d.decision === 'rerecorded') {
      correctionEventId = runIntent(db, ctx, (scope) => ({
        event: withResumedDueAt(db, again(scope, conflict.event)),
      })).eventId;
    }
    const payload: EventPayload<'conflict_resolved'> = {
      eventId: conflict.event.id,
      decision: d.decision,
    };
    if (correctionEventId !== null) payload.correctionEventId = correctionEventId;
    if (d.note) payload.note = d.note;
    const decided = runIntent(db, ctx, (scope) => ({
      event: newEvent(scope, row.id, 'conflict_resolved', payload),
    }));
    return { ...decided, correctionEventId, docNo };
  });
  return withCalendar(db, () => run.immediate());
}

/** The set-aside action as a new event of this workstation, officer and time. */
function again(scope: IntentScope, e: DossierEvent): DossierEvent {
  const payload = { ...e.payload } as Record<string, unknown>;
  // the appointment a resumption gives is counted again now (withResumedDueAt)
  if (resumesClock(e.type)) delete payload.dueAt;
  return newEvent(scope, e.dossierId, e.type, payload as EventPayload<typeof e.type>);
}
