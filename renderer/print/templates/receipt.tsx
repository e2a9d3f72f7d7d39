/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01), printed in two copies on separate pages:
 * Liên 1 stays with the control slip, Liên 2 goes to the applicant.
 */
import {
  ApplicantLines,
  ComponentsTable,
  Field,
  Header,
  LookupFooter,
  SheetReprintMark,
  Signatures,
} from '../components';
import { PROVISIONAL_DUE_NOTE } from '../../../shared/calendar/provisional';
import {
  feeText,
  formLabelWithPaper,
  formTitle,
  has,
  officialTime,
  pad2,
  type PaperSize,
  type PrintComponent,
} from '../../../shared/print';
import { BarcodeRow, deliveryText, need, QrBox } from './shared';
import type { TemplateProps } from './shared';

export const RECEIPT_COPIES = ['Liên 1: Lưu', 'Liên 2: Giao người nộp hồ sơ'] as const;

const FORM = formLabelWithPaper('receipt');

/** Characters of a component name per table line, and the lines that fit at normal density. */
const NAME_CHARS_PER_LINE: Record<PaperSize, number> = { A4: 40, A5: 26, '80mm': 26 };
const NORMAL_TABLE_LINES: Record<PaperSize, number> = { A4: 9, A5: 4, '80mm': 4 };

/**
 * A rough count of the component table's text lines. Above NORMAL_TABLE_LINES the copy is set
 * denser so that each Liên keeps to one page as long as it can; a very long list still flows
 * onto a second page (and Liên 2 still starts on a new one).
 */
export function componentTableLines(components: readonly PrintComponent[], paper: PaperSize) {
  const per = NAME_CHARS_PER_LINE[paper];
  return components.reduce(
    (n, c) => n + Math.max(1, Math.ceil(c.name.length / per)) + (has(c.note) ? 1 : 0),
    0,
  );
}

export function Receipt({ data, options, date }: TemplateProps) {
  const d = data.dossier;
  const code = need(d.code, 'mã hồ sơ', FORM);
  const receivedAt = officialTime(
    need(d.receivedAt, 'thời gian nhận hồ sơ', FORM),
    'Thời gian nhận hồ sơ',
  );
  const dueAt = officialTime(need(d.dueAt, 'thời gian trả kết quả', FORM), 'Thời gian trả kết quả');
  const legalTime = need(d.legalTime, 'thời gian giải quyết theo quy định', FORM);
  const fee = feeText(d);
  const procedure = has(d.procedure.caseLabel)
    ? `${d.procedure.name} (trường hợp: ${d.procedure.caseLabel})`
    : d.procedure.name;
  const hasBook = d.bookNo !== undefined && d.entryNo !== undefined;
  const dense =
    componentTableLines(d.components, options.paper) > NORMAL_TABLE_LINES[options.paper];

  return (
    <>
      {RECEIPT_COPIES.map((copy) => (
        <section className={dense ? 'page receipt dense' : 'page receipt'} key={copy}>
          <SheetReprintMark reprint={options.reprint} printedAt={data.printedAt} />
          <Header office={data.office} date={date} />
          <p className="title">{formTitle('receipt')}</p>
          <p className="subtitle">Mã hồ sơ: {code}</p>
          <p className="copy">({copy})</p>
          <BarcodeRow code={code} paper={options.paper} />
          <div className="fields">
            <Field label="Đơn vị tiếp nhận hồ sơ">{data.office.unitName}</Field>
            <QrBox code={code} options={options} />
            <Field label="Tiếp nhận hồ sơ của">
              <span className="b">{d.applicant.name}</span>
            </Field>
            <ApplicantLines applicant={d.applicant} />
            <Field label="Nội dung yêu cầu giải quyết">{procedure}</Field>
          </div>
          <div className="clear" />
          <div className="items">
            <p>1. Thành phần hồ sơ nộp gồm:</p>
            <ComponentsTable components={d.components} />
            <p>2. Số lượng hồ sơ: {pad2(d.sets)} bộ</p>
            <p>3. Thời gian giải quyết hồ sơ theo quy định là: {legalTime}</p>
            <p>4. Thời gian nhận hồ sơ: {receivedAt}</p>
            <p>
              5. Thời gian trả kết quả giải quyết hồ sơ: <span className="b">{dueAt}</span>
            </p>
            {d.provisionalDueAt && <p className="i">({PROVISIONAL_DUE_NOTE})</p>}
            <p>6. Đăng ký nhận kết quả {deliveryText(data)}</p>
            {fee !== null && <p>7. Phí, lệ phí: {fee}</p>}
            {hasBook && (
              <p>
                Vào Sổ theo dõi hồ sơ, Quyển số: {d.bookNo} Số thứ tự: {d.entryNo}
              </p>
            )}
          </div>
          <Signatures
            left={{ role: 'NGƯỜI NỘP HỒ SƠ' }}
            right={{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: d.officerName }}
          />
          <LookupFooter code={code} options={options} />
        </section>
      ))}
    </>
  );
}
