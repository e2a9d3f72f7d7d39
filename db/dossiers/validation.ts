/**
 * Input validation for the dossier intents: zod schemas with Vietnamese messages, and one parse
 * function that turns every problem into a DossierError naming the field in Vietnamese.
 */
import { z } from 'zod';
import { vietnameseErrorMap } from '../../shared/catalogue/issues';
import { applicantSchema, localDateTimeSchema } from '../../shared/dossier/events';
import { validateCccd } from '../../shared/text/cccd';
import { validatePhone } from '../../shared/text/phone';
import { DossierError } from './errors';

const FIELD_LABELS: Record<string, string> = {
  dossierId: 'Hồ sơ',
  procedureId: 'Thủ tục',
  caseLabel: 'Trường hợp',
  applicant: 'Người nộp hồ sơ',
  name: 'Họ tên',
  kind: 'Loại',
  idNumber: 'Số giấy tờ tùy thân',
  idKind: 'Loại giấy tờ tùy thân',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  representative: 'Người được ủy quyền',
  relation: 'Quan hệ',
  components: 'Thành phần hồ sơ',
  componentId: 'Mã thành phần',
  originals: 'Số bản chính',
  certifiedCopies: 'Số bản sao chứng thực',
  copies: 'Số bản sao',
  presentOnly: 'Chỉ xuất trình',
  note: 'Ghi chú',
  channel: 'Hình thức nộp',
  sets: 'Số bộ hồ sơ',
  resultDelivery: 'Hình thức nhận kết quả',
  method: 'Hình thức',
  fee: 'Phí, lệ phí',
  dueAtOverride: 'Ngày hẹn trả kết quả',
  fromSupplementRequestId: 'Phiếu yêu cầu bổ sung trước đó',
  missing: 'Giấy tờ cần bổ sung',
  reason: 'Lý do',
  toUnit: 'Đơn vị nhận',
  toPerson: 'Người nhận',
  unit: 'Đơn vị',
  person: 'Người nhận',
  fromUnit: 'Đơn vị gửi kết quả',
  collectedBy: 'Người nhận kết quả',
  postalTrackingNo: 'Số hiệu bưu gửi',
  newDueAt: 'Ngày hẹn trả kết quả mới',
  form: 'Mẫu phiếu',
  reprint: 'In lại',
  file: 'Tệp',
  filter: 'Bộ lọc',
  states: 'Trạng thái',
  deadline: 'Thời hạn',
  receivedFrom: 'Tiếp nhận từ ngày',
  receivedTo: 'Tiếp nhận đến ngày',
  text: 'Từ khóa',
  page: 'Trang',
  limit: 'Số dòng mỗi trang',
  after: 'Vị trí trang',
  now: 'Thời điểm hiện tại',
};

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `thứ ${p + 1}` : (FIELD_LABELS[String(p)] ?? String(p))))
    .join(' › ');
}

/** Parse input with a schema; every problem becomes one line of a DossierError('invalid_input'). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input, { error: vietnameseErrorMap });
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message }));
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
