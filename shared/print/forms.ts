/**
 * The printed forms of the counter (one-stop-vn.md §3) and the papers they print on: each form's
 * name, printed title and papers written once here, for the core (messages, timeline), the print
 * templates (titles) and the screens (print dialog).
 */

/** The slips a counter prints for a dossier. */
export const PRINT_FORMS = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'control_slip',
  'appointment_slip',
] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

/** The sheets an office prints its forms on (Cài đặt → In ấn, the print dialog). */
export const SHEET_PAPERS = ['A4', 'A5'] as const;
export type SheetPaper = (typeof SHEET_PAPERS)[number];
/** The thermal roll of the appointment slip. */
export const ROLL_PAPER = '80mm';
export const PAPER_SIZES = [...SHEET_PAPERS, ROLL_PAPER] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface PrintFormInfo {
  /** The form's name in sentences, lists and the timeline (Giấy tiếp nhận hồ sơ …). */
  label: string;
  /** Its short name on the dossier screen's print buttons ("In lại Giấy tiếp nhận"). */
  short: string;
  /** The title printed at the head of the form when it is not the label upper-cased. */
  title?: string;
  /** The papers it prints on. */
  papers: readonly PaperSize[];
}

export const PRINT_FORM_INFO: Readonly<Record<PrintForm, PrintFormInfo>> = {
  receipt: {
    label: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    short: 'Giấy tiếp nhận',
    papers: SHEET_PAPERS,
  },
  supplement_request: {
    label: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    short: 'Phiếu yêu cầu bổ sung',
    papers: SHEET_PAPERS,
  },
  refusal: {
    label: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    short: 'Phiếu từ chối',
    papers: SHEET_PAPERS,
  },
  apology: {
    label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    short: 'Phiếu xin lỗi',
    papers: SHEET_PAPERS,
  },
  control_slip: {
    label: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    short: 'Phiếu kiểm soát',
    papers: SHEET_PAPERS,
  },
  appointment_slip: {
    label: 'Phiếu hẹn trả kết quả',
    short: 'Phiếu hẹn 80 mm',
    title: 'GIẤY HẸN TRẢ KẾT QUẢ',
    papers: [ROLL_PAPER],
  },
};

/** The papers a form prints on: the appointment slip on the 80 mm roll, the others on A4 or A5. */
export function formPapers(form: PrintForm): readonly PaperSize[] {
  return PRINT_FORM_INFO[form].papers;
}

/** The form's name ("Phiếu kiểm soát quá trình giải quyết hồ sơ"), as the timeline writes it. */
export function formLabel(form: PrintForm): string {
  return PRINT_FORM_INFO[form].label;
}

/** The name with the roll named when it prints on one ("Phiếu hẹn trả kết quả (khổ 80 mm)"). */
export function formLabelWithPaper(form: PrintForm): string {
  const { label, papers } = PRINT_FORM_INFO[form];
  return papers.includes(ROLL_PAPER) ? `${label} (khổ 80 mm)` : label;
}

/** The title printed at the head of the form, upper case ("GIẤY TIẾP NHẬN HỒ SƠ …"). */
export function formTitle(form: PrintForm): string {
  const { label, title } = PRINT_FORM_INFO[form];
  return title ?? label.toLocaleUpperCase('vi');
}
