/**
 * Trang tra cứu hồ sơ: the office's lookup address as printed for one dossier, and what the QR
 * code on its papers holds.
 *
 * The office sets one address (Cài đặt → Đơn vị). When it has a `{code}` place
 * (https://tracuu.example.gov.vn/ho-so/{code}), each paper prints the address of its own dossier
 * and the QR opens it on the citizen's phone; without one, the address is printed as given and the
 * QR holds the dossier code, which the counter's scanner reads either way (dossierCodeInScan).
 */
import { parseDossierCode } from './code';

/** Where the dossier code goes in the office's lookup address. */
export const LOOKUP_CODE_PLACE = '{code}';

/** Whether the office's lookup address opens one dossier (has the `{code}` place). */
export function lookupAddressHasCodePlace(lookupUrl: string): boolean {
  return lookupUrl.includes(LOOKUP_CODE_PLACE);
}

/**
 * The lookup address printed on one dossier's papers: the office's address with the dossier code
 * in its `{code}` place, or the address as given when it has none. A paper without a code (a
 * refusal before reception) prints the address up to the place.
 */
export function dossierLookupAddress(lookupUrl: string, code: string | null | undefined): string {
  if (!lookupAddressHasCodePlace(lookupUrl)) return lookupUrl;
  if (code === undefined || code === null || code === '') {
    return lookupUrl.slice(0, lookupUrl.indexOf(LOOKUP_CODE_PLACE));
  }
  return lookupUrl.split(LOOKUP_CODE_PLACE).join(encodeURIComponent(code));
}

/** What a dossier's QR code holds: its lookup address when the office's opens one dossier, else its code. */
export function dossierQrText(lookupUrl: string | undefined, code: string): string {
  return lookupUrl !== undefined && lookupAddressHasCodePlace(lookupUrl)
    ? dossierLookupAddress(lookupUrl, code)
    : code;
}

const CODE_IN_TEXT_RE = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}/g;

/**
 * The dossier code in what a scanner typed from a paper's QR: a lookup address (http:// or
 * https://) holding exactly one well-formed dossier code gives that code; anything else gives null
 * (the text is searched as typed).
 */
export function dossierCodeInScan(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(trimmed);
  } catch {
    decoded = trimmed;
  }
  const found = new Set(decoded.match(CODE_IN_TEXT_RE) ?? []);
  if (found.size !== 1) return null;
  const [code] = found;
  return code !== undefined && parseDossierCode(code) ? code : null;
}
