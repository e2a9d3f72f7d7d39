/**
 * A pragmatic email check for the applicant's contact: one @, a local part without spaces, a
 * domain of dotted labels with a letter TLD. Not RFC 5322: quoted local parts and IP literals are
 * refused, which no counter will miss. The domain is lower-cased; the local part is kept as typed.
 */
import type { Validation } from './validation';

const LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const TLD_RE = /^[a-z]{2,}$/;

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export function validateEmail(input: string): Validation<string> {
  const email = input.trim();
  if (email === '') return fail('Chưa nhập địa chỉ email.');
  if (/\s/.test(email)) return fail(`Địa chỉ email "${email}" không được có khoảng trắng.`);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(email)) {
    return fail(`Địa chỉ email "${email}" chỉ dùng chữ không dấu: hãy bỏ dấu tiếng Việt.`);
  }
  const at = email.split('@');
  if (at.length !== 2) {
    return fail(`Địa chỉ email "${email}" phải có đúng một ký tự @, ví dụ ten@gmail.com.`);
  }
  const [local = '', rawDomain = ''] = at;
  const domain = rawDomain.toLowerCase();
  if (local === '') return fail(`Địa chỉ email "${email}" thiếu phần tên trước ký tự @.`);
  if (local.length > 64 || !LOCAL_RE.test(local)) {
    return fail(
      `Phần trước ký tự @ của "${email}" không hợp lệ: chỉ dùng chữ, số và . _ - +, không bắt đầu, kết thúc bằng dấu chấm hay có hai dấu chấm liền nhau.`,
    );
  }
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l)) || !TLD_RE.test(tld)) {
    return fail(
      `Tên miền sau ký tự @ của "${email}" không hợp lệ: cần dạng gmail.com hoặc khanhhoa.gov.vn.`,
    );
  }
  return { ok: true, value: `${local}@${domain}` };
}
