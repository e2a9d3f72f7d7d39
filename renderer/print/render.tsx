/**
 * renderPrintHtml: one form and its data → a complete, self-contained HTML document (fonts from
 * options.fontCss, QR and Code 128 as inline SVG, no network). The hosts turn it into a PDF with
 * Chromium (printToPDF / page.pdf with preferCSSPageSize) and the renderer shows it in a preview
 * iframe. Pure: no I/O, runs in Node and in the browser.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  datePart,
  formPapers,
  formTitle,
  PAPER_SIZES,
  PRINT_FORMS,
  PrintDataError,
  shortTime,
  type PrintData,
  type PrintForm,
  type PrintOptions,
} from '../../shared/print';
import { isLocalDate, isLocalDateTime } from '../../shared/time/wallClock';
import type { LocalDate } from '../../shared/time/wallClock';
import { printCss } from './styles';
import { Apology } from './templates/apology';
import { AppointmentSlip, thermalSlipHeightMm } from './templates/appointmentSlip';
import { ControlSlip } from './templates/controlSlip';
import { Receipt } from './templates/receipt';
import { Refusal } from './templates/refusal';
import type { TemplateProps } from './templates/shared';
import { SupplementRequest } from './templates/supplementRequest';

const TEMPLATES: Record<PrintForm, (props: TemplateProps) => ReactElement> = {
  receipt: Receipt,
  supplement_request: SupplementRequest,
  refusal: Refusal,
  apology: Apology,
  control_slip: ControlSlip,
  appointment_slip: AppointmentSlip,
};

/** The date of the "<place>, ngày …" line when the data does not give one. */
function documentDate(form: PrintForm, data: PrintData): LocalDate {
  if (data.documentDate !== undefined) {
    if (!isLocalDate(data.documentDate)) {
      throw new PrintDataError(
        `Ngày của văn bản "${data.documentDate}" không hợp lệ (cần YYYY-MM-DD).`,
      );
    }
    return data.documentDate;
  }
  const received = data.dossier.receivedAt;
  const byReceipt = form === 'receipt' || form === 'control_slip' || form === 'appointment_slip';
  return datePart(byReceipt && received ? received : data.printedAt);
}

/** "Bản in lại (08:41 20/11/2019)". */
export function reprintLabel(printedAt: string): string {
  return `Bản in lại (${shortTime(printedAt)})`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderPrintHtml(form: PrintForm, data: PrintData, options: PrintOptions): string {
  const Template = TEMPLATES[form];
  if (!PRINT_FORMS.includes(form) || Template === undefined) {
    throw new PrintDataError(`Mẫu in "${String(form)}" không tồn tại.`);
  }
  if (!PAPER_SIZES.includes(options.paper)) {
    throw new PrintDataError(
      `Khổ giấy "${String(options.paper)}" không hỗ trợ (A4, A5 hoặc 80mm).`,
    );
  }
  if (!formPapers(form).includes(options.paper)) {
    if (form === 'appointment_slip') {
      throw new PrintDataError('Giấy hẹn trả kết quả in trên khổ giấy nhiệt 80mm.');
    }
    throw new PrintDataError(
      'Khổ 80mm chỉ dùng cho giấy hẹn trả kết quả; các mẫu khác in khổ A4 hoặc A5.',
    );
  }
  if (!isLocalDateTime(data.printedAt)) {
    throw new PrintDataError(
      `Thời điểm in "${data.printedAt}" không hợp lệ (cần YYYY-MM-DDTHH:mm).`,
    );
  }
  if (/<\/style/i.test(options.fontCss)) {
    throw new PrintDataError('CSS phông chữ không được chứa thẻ </style>.');
  }

  const date = documentDate(form, data);
  const thermal = options.paper === '80mm';
  const body = renderToStaticMarkup(<Template data={data} options={options} date={date} />);
  const css = printCss(options.paper, options.fontCss, {
    thermalHeightMm: thermal ? thermalSlipHeightMm(data, options) : undefined,
    reprintLabel: options.reprint ? reprintLabel(data.printedAt) : undefined,
  });
  const code = data.dossier.code;
  const title = `${formTitle(form)}${code ? ` – ${code}` : ''}`;
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    `<title>${escapeText(title)}</title><style>${css}</style></head>` +
    `<body class="paper-${options.paper === '80mm' ? 'thermal' : options.paper}${options.reprint ? ' is-reprint' : ''}">${body}</body></html>`
  );
}
