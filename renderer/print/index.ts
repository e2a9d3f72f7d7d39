/**
 * The print templates of the counter (one-stop-vn.md §3): receipt (2 copies), supplement request,
 * refusal, apology, control slip and the 80 mm appointment slip, rendered to self-contained HTML.
 * Node callers get the font CSS from fonts.node.ts (not exported here: this module also runs in
 * the renderer).
 */
export { formPapers, renderPrintHtml, PRINT_FORM_TITLES } from './render';
export type {
  HandoverResult,
  PaperSize,
  PrintApology,
  PrintApplicant,
  PrintComponent,
  PrintControlSlip,
  PrintData,
  PrintDossier,
  PrintForm,
  PrintHandoverRow,
  PrintIdKind,
  PrintOffice,
  PrintOptions,
  PrintProcedure,
  PrintRefusal,
  PrintResultDelivery,
  PrintSupplement,
} from './types';
export { PrintDataError } from './types';
export { stepOutcomes, stepResults } from './controlSlip';
export type { HandoverTime, StepAllowance, StepOutcome, StepResultOptions } from './controlSlip';
export { fontFaceCss, PRINT_FONT_FACES, PRINT_FONT_FAMILY } from './fonts';
export type { PrintFontFace, PrintFontSource } from './fonts';
export { formatLegalTime } from './format';
export { thermalSlipHeightMm } from './templates/appointmentSlip';
export { PAPER_LAYOUTS } from './styles';
