/**
 * Input validation for the dossier intents: zod schemas with Vietnamese messages, and one parse
 * function that turns every problem into a DossierError naming the field in Vietnamese.
 */
import { z } from 'zod';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';
import { FIELD_LABELS as API_FIELD_LABELS, fieldLabel } from '../../shared/api/issues';
import { applicantSchema, localDateTimeSchema } from '../../shared/dossier/events';
import { validateCccd } from '../../shared/text/cccd';
import { validatePhone } from '../../shared/text/phone';
import { DossierError } from './errors';

/**
 * The names of the fields (shared/api/issues.ts), with the intents' own wording where it says
 * more than the form's.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...API_FIELD_LABELS,
  idKind: 'Loại giấy tờ tùy thân',
  componentId: 'Mã thành phần',
  resultDelivery: 'Hình thức nhận kết quả',
  fromSupplementRequestId: 'Phiếu yêu cầu bổ sung trước đó',
  newDueAt: 'Ngày hẹn trả kết quả mới',
  file: 'Tệp',
  receivedFrom: 'Tiếp nhận từ ngày',
  receivedTo: 'Tiếp nhận đến ngày',
  limit: 'Số dòng mỗi trang',
  now: 'Thời điểm hiện tại',
};

/** Parse input with a schema; every problem becomes one line of a DossierError('invalid_input'). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input, { error: vietnameseErrorMap });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: fieldLabel(i.path, FIELD_LABELS),
    message: i.message,
  }));
  const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  throw new DossierError('invalid_input', `${what} chưa hợp lệ. ${lines.join('; ')}.`, issues);
}

/** A dossier id (UUID) or code. */
export const dossierRefSchema = z
  .string({ error: 'Chưa chọn hồ sơ' })
  .trim()
  .min(1, 'Chưa chọn hồ sơ');

export const reasonSchema = (missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(2000, 'dài quá 2000 ký tự');

/**
 * The applicant with the checks a counter needs: a CCCD number must be a valid one, a phone number
 * a Vietnamese one; both are stored normalised (digits only, national 0xxxxxxxxx form).
 */
export const checkedApplicantSchema = applicantSchema.transform((a, ctx) => {
  const out = { ...a };
  const id = a.idNumber?.trim();
  if (id !== undefined && id !== '') {
    if (
      a.idKind === 'cccd' ||
      (a.idKind === undefined && /^\d{12}$/.test(id.replace(/\s+/g, '')))
    ) {
      const check = validateCccd(id);
      if (check.ok) out.idNumber = check.value;
      else ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.message });
    }
  } else {
    delete out.idNumber;
  }
  const phone = a.phone?.trim();
  if (phone !== undefined && phone !== '') {
    const check = validatePhone(phone);
    if (check.ok) out.phone = check.value;
    else ctx.addIssue({ code: 'custom', path: ['phone'], message: check.message });
  } else {
    delete out.phone;
  }
  return out;
});

export { localDateTimeSchema };
