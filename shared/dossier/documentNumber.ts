/**
 * Document numbers printed on the counter's slips ("Số: …/HDHS").
 *
 * Suffixes:
 * - supplement_request → HDHS: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (hướng dẫn hồ sơ)
 *   [confirmed from production templates];
 * - apology → PXL: Phiếu xin lỗi và hẹn lại ngày trả kết quả [confirmed];
 * - refusal → TCHS: Phiếu từ chối tiếp nhận giải quyết hồ sơ [assumed: the form has no number
 *   in the templates seen; TCHS = "từ chối hồ sơ"; override it if the province uses another].
 *
 * Offline uniqueness: like dossier codes, each workstation counts its own slips. A unit with
 * several workstations (numbered 1–9) prefixes the count with the workstation number and pads it
 * to three digits: workstation 3, 12th supplement request → '3-012/HDHS'. Workstation 0 (the
 * unit's only workstation) or no workstation gives the plain count: '12/HDHS'. The counter is kept
 * by the db layer per (workstation, kind, year) and consumed in the same transaction as the event
 * that carries the number.
 *
 * The year is off by default (the slip carries its date). With `year`, the number takes the
 * normative-document shape '12/2022/HDHS', for offices that reset counts yearly and want the year
 * in the number itself.
 */

export type DocumentKind = 'supplement_request' | 'refusal' | 'apology';

export const DOCUMENT_NUMBER_SUFFIXES: Readonly<Record<DocumentKind, string>> = {
  supplement_request: 'HDHS',
  refusal: 'TCHS',
  apology: 'PXL',
};

export interface DocumentNumberOptions {
  /** 1–9 adds the 'w-' prefix; 0 or absent gives the plain count. */
  workstationNumber?: number;
  /** Adds '/<year>' before the suffix. */
  year?: number;
}

export function formatDocumentNumber(
  kind: DocumentKind,
  n: number,
  options: DocumentNumberOptions = {},
): string {
  const suffix = DOCUMENT_NUMBER_SUFFIXES[kind];
  if (suffix === undefined) {
    throw new RangeError(`Loại phiếu không hợp lệ: "${String(kind)}".`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Số phiếu phải là số nguyên từ 1 trở lên, nhận được ${n}.`);
  }
  const { workstationNumber, year } = options;
  if (
    workstationNumber !== undefined &&
    (!Number.isInteger(workstationNumber) || workstationNumber < 0 || workstationNumber > 9)
  ) {
    throw new RangeError(
      `Số máy tiếp nhận phải là số nguyên từ 0 đến 9, nhận được ${workstationNumber}.`,
    );
  }
  if (year !== undefined && (!Number.isInteger(year) || year < 1000 || year > 9999)) {
    throw new RangeError(`Năm trên số phiếu phải gồm 4 chữ số, nhận được ${year}.`);
  }
  const count =
    workstationNumber === undefined || workstationNumber === 0
      ? String(n)
      : `${workstationNumber}-${String(n).padStart(3, '0')}`;
  return year === undefined ? `${count}/${suffix}` : `${count}/${year}/${suffix}`;
}
