/**
 * Tiếp nhận hồ sơ: a complete, valid dossier gets its code, its due time and its line in the
 * workstation's tracking book, in one transaction with its received event.
 */
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { getProcedure, recordProcedureUse, type StoredProcedure } from '../catalogue';
import { computeDueAt, countedSettingsRecord, type Duration } from '../../shared/calendar';
import { DEFAULT_CASE_LABEL } from '../../shared/catalogue/schema';
import type { ApiParsedInput } from '../../shared/api/contract';
import {
  dailySequenceNumber,
  DossierNumbersExhaustedError,
  formatDossierCode,
} from '../../shared/dossier/code';
import type { EventPayload } from '../../shared/dossier/events';
import { checkDueAtOverride, type ReceptionCase } from '../../shared/dossier/timeChecks';
import type { LocalDateTime } from '../../shared/time/wallClock';
import { workCalendar, type DossierContext } from './env';
import { DossierError } from './errors';
import { findDossierRow, newEvent, runIntent, type IntentResult, type IntentScope } from './intent';
import { takeNumber } from './sequences';
import { stmt } from './statements';

/** What the counter gives at receipt, as the API contract parsed it. */
export type ReceiveDossierInput = ApiParsedInput<'dossiers.receive'>;

/** The case a dossier is received under (trường hợp): the counter rules' own type. */
export type ProcedureCaseChoice = ReceptionCase;

/** The processing time of the chosen case, or the procedure's default case. */
export function chooseCase(
  proc: StoredProcedure,
  caseLabel: string | undefined,
): ProcedureCaseChoice {
  const cases = proc.durations;
  const wanted =
    caseLabel === undefined || caseLabel === DEFAULT_CASE_LABEL ? undefined : caseLabel;
  const chosen =
    wanted === undefined
      ? (cases.find((c) => c.case === DEFAULT_CASE_LABEL) ?? cases[0])
      : cases.find((c) => c.case === wanted);
  if (!chosen) {
    const names = cases.filter((c) => c.case !== DEFAULT_CASE_LABEL).map((c) => `"${c.case}"`);
    throw new DossierError(
      'procedure',
      `Thủ tục "${proc.name}" không có trường hợp "${caseLabel ?? ''}". ` +
        (names.length
          ? `Hãy chọn một trong: ${names.join(', ')}, hoặc bỏ trống để dùng trường hợp chung.`
          : 'Hãy bỏ trống trường hợp.'),
    );
  }
  const duration: Duration = { value: chosen.value, unit: chosen.unit };
  if (chosen.cutoff !== undefined) duration.cutoff = chosen.cutoff;
  return { label: chosen.case === DEFAULT_CASE_LABEL ? undefined : chosen.case, duration };
}

export function requireProcedure(db: Database.Database, procedureId: string): StoredProcedure {
  const proc = getProcedure(db, procedureId);
  if (!proc) {
    throw new DossierError(
      'procedure',
      `Không tìm thấy thủ tục "${procedureId}" trong danh mục: hãy tìm và chọn lại thủ tục, hoặc cập nhật danh mục thủ tục.`,
    );
  }
  return proc;
}

/** The code's NNNN: this workstation's next number of the day, never one already in use. */
function allocateCode(scope: IntentScope): string {
  const { db, ws, now } = scope;
  const date = now.slice(0, 10);
  for (;;) {
    const count = takeNumber(db, ws.id, 'dossier', date);
    let sequence: number;
    try {
      sequence = dailySequenceNumber({ workstationNumber: ws.number, countToday: count, date });
    } catch (err) {
      if (err instanceof DossierNumbersExhaustedError)
        throw new DossierError('capacity', err.message);
      throw err;
    }
    let code: string;
    try {
      code = formatDossierCode(ws.unitCode, date, sequence);
    } catch (err) {
      throw new DossierError(
        'not_set_up',
        `${(err as Error).message} Hãy sửa mã đơn vị trong Cài đặt → Đơn vị.`,
      );
    }
    // A code can already exist only if it came back through sync or a restored backup: skip it.
    if (!stmt<[string], { id: string }>(db, 'SELECT id FROM dossiers WHERE code = ?').get(code))
      return code;
  }
}

function dueAtFor(
  proc: StoredProcedure,
  kase: ProcedureCaseChoice,
  override: LocalDateTime | undefined,
  now: LocalDateTime,
  db: Database.Database,
): LocalDateTime {
  // a hand-set appointment after the receipt, one where the procedure fixes no time: the
  // counter's rule (shared/dossier/timeChecks.ts), checked again in the transaction's own "now"
  checkDueAtOverride(override, proc.name, kase, now);
  if (override !== undefined) return override;
  try {
    // null only where the procedure fixes no time, which needs an override: refused just above
    return computeDueAt(now, kase.duration, workCalendar(db))!;
  } catch (err) {
    throw new DossierError(
      'procedure',
      `Không tính được ngày hẹn trả cho thủ tục "${proc.name}": ${(err as Error).message} Hãy sửa thời hạn của thủ tục trong danh mục, hoặc nhập ngày hẹn trả kết quả.`,
    );
  }
}

/**
 * Receive a dossier: code `<unit>-<YYMMDD>-<NNNN>` from this workstation's daily counter, due time
 * from the procedure (case) and the office calendar, tracking book (Quyển số = the year, Số thứ tự
 * = this workstation's count of the year), the received event, the projection, and the
 * procedure's use count — all in one transaction.
 */
export function receiveDossier(
  db: Database.Database,
  ctx: DossierContext,
  data: ReceiveDossierInput,
): IntentResult {
  return runIntent(db, ctx, (scope) => {
    const { now, ws } = scope;
    const proc = requireProcedure(db, data.procedureId);
    const kase = chooseCase(proc, data.caseLabel);
    const dueAt = dueAtFor(proc, kase, data.dueAtOverride, now, db);

    let dossierId: string = uuidv7();
    if (data.fromSupplementRequestId !== undefined) {
      const earlier = findDossierRow(db, data.fromSupplementRequestId);
      if (!earlier || earlier.state !== 'supplement_requested') {
        throw new DossierError(
          'invalid_input',
          earlier
            ? `Hồ sơ "${data.fromSupplementRequestId}" không phải hồ sơ đang chờ bổ sung tại quầy (đang ở trạng thái khác): hãy tiếp nhận như hồ sơ mới.`
            : `Không tìm thấy phiếu yêu cầu bổ sung "${data.fromSupplementRequestId}": hãy tiếp nhận như hồ sơ mới.`,
        );
      }
      dossierId = earlier.id;
    }

    const code = allocateCode(scope);
    const year = Number(now.slice(0, 4));
    const entryNo = takeNumber(db, ws.id, 'book', String(year));
    const payload: EventPayload<'received'> = {
      procedureId: proc.id,
      procedureCode: proc.code ?? proc.localCode ?? null,
      procedureName: proc.name,
      field: proc.field,
      agency: proc.agency,
      code,
      applicant: data.applicant,
      components: data.components,
      channel: data.channel,
      sets: data.sets,
      resultDelivery: data.resultDelivery,
      fee: data.fee,
      duration: kase.duration,
      dueAt,
      countedWith: countedSettingsRecord(
        workCalendar(db),
      ) as EventPayload<'received'>['countedWith'],
      bookNo: year,
      entryNo,
    };
    if (kase.label !== undefined) payload.caseLabel = kase.label;
    if (data.dueAtOverride !== undefined) payload.dueAtSetByHand = true;
    if (data.note !== undefined) payload.note = data.note;
    recordProcedureUse(db, proc.id, now);
    return { event: newEvent(scope, dossierId, 'received', payload) };
  });
}
