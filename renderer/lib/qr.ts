/**
 * The CCCD QR scan as the reception form uses it: a USB scanner types one line
 * `id|oldId|name|ddmmyyyy|sex|address|ddmmyyyy` and Enter into whichever field has the focus.
 * The parsing and checks are shared/text/cccdQr.ts; this glue turns the result into a patch of
 * the applicant draft and recognises a scan typed into a field that was not the scan field.
 */
import { parseCccdQr } from '../../shared/text/cccdQr';
import { formatShortDate } from '../../shared/text/officialDate';
import type { ApplicantDraft } from '../stores/receptionDraft';

export type QrApplicantPatch = Pick<
  ApplicantDraft,
  'kind' | 'name' | 'idKind' | 'idNumber' | 'birthDate' | 'sex' | 'address'
> & { oldIdNumber: string; issuedOn: string };

/** A scanner line has at least six '|' and starts with digits: a typed name never does. */
export function looksLikeCccdQr(text: string): boolean {
  const t = text.trim();
  return /^\d{9,12}\|/.test(t) && (t.match(/\|/g)?.length ?? 0) >= 6;
}

/**
 * A scanned line at the end of what a field holds (the scanner typed it after what was there):
 * the line, and what the field held before it; null when the text does not end with one.
 */
export function splitScannedLine(text: string): { line: string; before: string } | null {
  const m = /\d{9,12}\|[^\n]*$/.exec(text);
  if (!m || !looksLikeCccdQr(m[0])) return null;
  return { line: m[0].trim(), before: text.slice(0, m.index) };
}

export function applicantFromQr(
  line: string,
): { ok: true; patch: QrApplicantPatch } | { ok: false; message: string } {
  const parsed = parseCccdQr(line);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const d = parsed.value;
  return {
    ok: true,
    patch: {
      kind: 'citizen',
      name: d.fullName,
      idKind: 'cccd',
      idNumber: d.idNumber,
      birthDate: formatShortDate(d.birthDate),
      sex: d.sex,
      address: d.address,
      oldIdNumber: d.oldIdNumber ?? '',
      issuedOn: formatShortDate(d.issuedOn),
    },
  };
}
