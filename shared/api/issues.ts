/**
 * Turning a failed input check into an ApiError the form can show: one Vietnamese message per
 * field (keyed by its dotted path, e.g. "applicant.idNumber") and one sentence naming them all.
 */
import type { z } from 'zod';
import { vietnameseErrorMap } from '../catalogue/issues';
import type { ApiError } from './errors';

/** Vietnamese names of input fields, for the summary sentence. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  office: 'Đơn vị',
  parentName: 'Cơ quan chủ quản',
  unitName: 'Tên đơn vị',
  unitCode: 'Mã đơn vị',
  placeName: 'Địa danh',
  officeHours: 'Giờ làm việc',
  workingSaturdays: 'Làm việc thứ Bảy',
  workingWeekdays: 'Ngày làm việc trong tuần',
  workstation: 'Máy tiếp nhận',
  number: 'Số máy',
  admin: 'Quản trị viên',
  username: 'Tên đăng nhập',
  fullName: 'Họ tên',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  role: 'Vai trò',
  active: 'Đang hoạt động',
  query: 'Từ khóa',
  limit: 'Số dòng',
  id: 'Mã',
  dossierId: 'Hồ sơ',
  procedureId: 'Thủ tục',
  caseLabel: 'Trường hợp',
  receivedAt: 'Thời điểm tiếp nhận',
  applicant: 'Người nộp hồ sơ',
  kind: 'Loại',
  name: 'Họ tên',
  idNumber: 'Số giấy tờ tùy thân',
  idKind: 'Loại giấy tờ',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  representative: 'Người được ủy quyền',
  relation: 'Quan hệ',
  components: 'Thành phần hồ sơ',
  originals: 'Số bản chính',
  certifiedCopies: 'Số bản sao chứng thực',
  copies: 'Số bản sao',
  presentOnly: 'Chỉ xuất trình',
  componentId: 'Mã thành phần',
  note: 'Ghi chú',
  channel: 'Hình thức nộp',
  sets: 'Số bộ hồ sơ',
  resultDelivery: 'Nơi nhận kết quả',
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
  newDueAt: 'Ngày hẹn mới',
  form: 'Mẫu phiếu',
  paper: 'Khổ giấy',
  reprint: 'In lại',
  filter: 'Bộ lọc',
  states: 'Trạng thái',
  deadline: 'Thời hạn',
  receivedFrom: 'Từ ngày',
  receivedTo: 'Đến ngày',
  text: 'Từ khóa',
  page: 'Trang',
  after: 'Vị trí trang',
  year: 'Năm',
  status: 'Trạng thái',
  daysOff: 'Ngày nghỉ',
  workingDays: 'Ngày làm bù',
  date: 'Ngày',
  json: 'Tệp danh mục',
  dueSoonWorkingDays: 'Số ngày cảnh báo sắp đến hạn',
  countingRule: 'Cách tính thời hạn',
  calendarDaysDueTime: 'Giờ hẹn trả của thời hạn tính theo ngày',
  paperSize: 'Khổ giấy in',
  printerName: 'Máy in',
  idleLockMinutes: 'Số phút khóa màn hình',
  lookupUrl: 'Trang tra cứu',
  hotline: 'Đường dây nóng',
};

/** ['applicant', 'idNumber'] → 'applicant.idNumber'; ['components', 0, 'name'] → 'components.0.name'. */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** ['applicant', 'idNumber'] → "Người nộp hồ sơ › Số giấy tờ tùy thân"; indexes read "thứ 2". */
export function fieldLabel(
  path: readonly PropertyKey[],
  labels: Readonly<Record<string, string>> = FIELD_LABELS,
): string {
  return path
    .map((p) => (typeof p === 'number' ? `thứ ${p + 1}` : (labels[String(p)] ?? String(p))))
    .join(' › ');
}

/** Messages that already name the field start with a capital; generic ones get the label. */
function withLabel(path: readonly PropertyKey[], message: string): string {
  const label = fieldLabel(path);
  return label ? `${label}: ${message}` : message;
}

/**
 * A validation ApiError from zod issues. `what` names the form ("Thông tin tiếp nhận hồ sơ").
 * The first issue of a field wins in `fields`.
 */
type IssueLike = {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  errors?: readonly (readonly IssueLike[])[];
};

/**
 * A failed union ("a date, or an object with a date and a name") names the problem inside the one
 * alternative the input has the shape of, instead of zod's generic "giá trị không hợp lệ".
 */
function expandUnions(issues: readonly IssueLike[]): IssueLike[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !issue.errors) return [issue];
    const shaped = issue.errors.filter(
      (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
    );
    if (shaped.length !== 1) return [issue];
    return expandUnions(shaped[0]!).map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
  });
}

export function validationError(issues: readonly IssueLike[], what: string): ApiError {
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const issue of expandUnions(issues)) {
    const key = fieldKey(issue.path) || '_';
    if (fields[key] !== undefined) continue;
    fields[key] = issue.message;
    lines.push(withLabel(issue.path, issue.message.replace(/[.\s]+$/, '')));
  }
  return {
    code: 'validation',
    message: `${what} chưa hợp lệ, hãy sửa: ${lines.join('; ')}.`,
    fields,
  };
}

/** safeParse with the Vietnamese error map; the ApiError on failure. */
export function parseWithMessages<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const result = schema.safeParse(input, { error: vietnameseErrorMap });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: validationError(result.error.issues, what) };
}
