/**
 * The print templates of the counter (one-stop-vn.md §3): receipt (2 copies), supplement request,
 * refusal, apology, control slip and the 80 mm appointment slip, rendered to self-contained HTML.
 * What they take and the forms' names, papers and wording are the print contract of
 * shared/print; the fonts are read by the host (electron/printFonts.ts) and passed as fontCss.
 */
export { renderPrintHtml } from './render';
export { thermalSlipHeightMm } from './templates/appointmentSlip';
export { PAPER_LAYOUTS } from './styles';
