/**
 * The 80 mm thermal appointment slip (giấy hẹn): unit, dossier code (as text, as a Code 128
 * across the roll and as a QR code), applicant, procedure, received and due times, where to
 * collect, lookup address and hotline. One page whose height follows the content
 * (thermalSlipHeightMm).
 */
import { PROVISIONAL_DUE_NOTE } from '../../../shared/calendar/provisional';
import { dossierLookupAddress, dossierQrText } from '../../../shared/dossier/lookupAddress';
import { ReprintMark } from '../components';
import {
  feeText,
  formLabelWithPaper,
  formTitle,
  has,
  officialTime,
  type PrintData,
  type PrintOptions,
  upper,
} from '../../../shared/print';
import { BarcodeRow, deliveryText, need } from './shared';
import type { TemplateProps } from './shared';
import { code128Layout, QrCode, qrLayout } from '../codes';
import { THERMAL_MARGIN_MM, THERMAL_WIDTH_MM } from '../styles';

const FORM = formLabelWithPaper('appointment_slip');

interface SlipLine {
  label?: string;
  text: string;
  className?: string;
}

function slipLines(data: PrintData, options: PrintOptions): SlipLine[] {
  const d = data.dossier;
  const lines: SlipLine[] = [
    { label: 'Người nộp hồ sơ', text: d.applicant.name, className: 'b' },
    { label: 'Thủ tục', text: d.procedure.name },
    {
      label: 'Thời gian nhận hồ sơ',
      text: officialTime(need(d.receivedAt, 'thời gian nhận hồ sơ', FORM), 'Thời gian nhận hồ sơ'),
    },
    {
      label: 'Thời gian trả kết quả',
      text: officialTime(need(d.dueAt, 'thời gian trả kết quả', FORM), 'Thời gian trả kết quả'),
      className: 'b',
    },
    { label: 'Nhận kết quả', text: deliveryText(data) },
  ];
  if (d.provisionalDueAt) lines.splice(4, 0, { label: 'Lưu ý', text: PROVISIONAL_DUE_NOTE });
  const fee = feeText(d);
  if (fee !== null) lines.push({ label: 'Phí, lệ phí', text: fee });
  if (has(options.lookupUrl)) {
    lines.push({ label: 'Tra cứu hồ sơ', text: dossierLookupAddress(options.lookupUrl, d.code) });
  }
  if (has(options.hotline)) lines.push({ label: 'Đường dây nóng', text: options.hotline });
  return lines;
}

/** Characters per printed line at 9 pt DejaVu Serif Condensed in 74 mm (a safe, low estimate). */
const CHARS_PER_LINE = 42;
const LINE_MM = 4.4;

function wrappedLines(text: string): number {
  return Math.max(1, Math.ceil(text.length / CHARS_PER_LINE));
}

/** The page height for the slip: the content estimate plus a safety margin, at least 90 mm. */
export function thermalSlipHeightMm(data: PrintData, options: PrintOptions): number {
  const { office, dossier } = data;
  let lines = 0;
  lines += wrappedLines(upper(office.parentName)) + wrappedLines(upper(office.unitName));
  lines += 1 + 1 + 1.3 + wrappedLines(dossier.code ?? '') * 1.3; // title, label, code
  for (const l of slipLines(data, options)) lines += wrappedLines(`${l.label ?? ''}: ${l.text}`);
  lines += 2; // printed at, rule
  if (options.reprint) lines += 1.5;
  const code = dossier.code ?? '';
  const codesMm =
    code === '' ? 0 : qrLayout(code, '80mm').sizeMm + (code128Layout(code, '80mm')?.heightMm ?? 0);
  const height = 2 * THERMAL_MARGIN_MM + lines * LINE_MM + codesMm + 10; // + spacing
  return Math.max(90, Math.ceil(height));
}

export function AppointmentSlip({ data, options }: TemplateProps) {
  const d = data.dossier;
  const code = need(d.code, 'mã hồ sơ', FORM);
  return (
    <section className="page slip" style={{ maxWidth: `${THERMAL_WIDTH_MM}mm` }}>
      {options.reprint && <ReprintMark printedAt={data.printedAt} />}
      <p className="parent">{upper(data.office.parentName)}</p>
      <p className="unit">{upper(data.office.unitName)}</p>
      <p className="title">{formTitle('appointment_slip')}</p>
      <p>Mã hồ sơ:</p>
      <p className="code">{code}</p>
      <BarcodeRow code={code} paper="80mm" />
      <QrCode text={dossierQrText(options.lookupUrl, code)} paper="80mm" />
      <div className="rows">
        {slipLines(data, options).map((l, i) => (
          <p key={i}>
            {l.label}: <span className={l.className}>{l.text}</span>
          </p>
        ))}
      </div>
      <div className="rule" />
      <p className="foot">
        Vui lòng mang theo giấy hẹn này khi nhận kết quả. In lúc{' '}
        {officialTime(data.printedAt, 'Thời điểm in')}.
      </p>
    </section>
  );
}
