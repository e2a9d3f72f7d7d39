/**
 * A supplement request or a refusal at the counter (before receipt, no dossier yet) needs the
 * procedure and the applicant: its slip prints them.
 */
import { apiError } from '../api/errors';
import { applicantNameMissing, PROCEDURE_MISSING } from '../api/schemas';

export function checkCounterSubject(d: {
  dossierId?: string | undefined;
  procedureId?: string | undefined;
  applicant?: unknown;
}): void {
  if (d.dossierId !== undefined) return;
  const fields: Record<string, string> = {};
  if (d.procedureId === undefined) fields.procedureId = PROCEDURE_MISSING;
  if (d.applicant === undefined) fields['applicant.name'] = applicantNameMissing('citizen');
  if (Object.keys(fields).length) {
    throw apiError(
      'validation',
      'Hồ sơ chưa được tiếp nhận: hãy chọn thủ tục và nhập người nộp hồ sơ để in phiếu.',
      { fields },
    );
  }
}
