/** Building blocks shared by the forms: header, component table, signatures, reprint mark. */
import type { ReactNode } from 'react';
import { dossierLookupAddress } from '../../shared/dossier/lookupAddress';
import { formatPlaceDateLine } from '../../shared/text/officialDate';
import type { LocalDate } from '../../shared/time/wallClock';
import {
  has,
  idLabel,
  type PrintApplicant,
  type PrintComponent,
  type PrintOffice,
  type PrintOptions,
  shortTime,
  upper,
} from '../../shared/print';

/**
 * The two-column header (Nghị định 30/2020 layout): left the parent body, the unit in bold, a
 * short rule and the document number; right the national title, the motto underlined and the
 * "<place>, ngày … tháng … năm …" line in italics.
 */
export function Header({
  office,
  date,
  docNo,
}: {
  office: PrintOffice;
  date: LocalDate;
  docNo?: string | undefined;
}) {
  return (
    <table className="header">
      <tbody>
        <tr>
          <td className="left">
            <p className="parent">{upper(office.parentName)}</p>
            <p className="unit">{upper(office.unitName)}</p>
            <div className="rule" />
            {has(docNo) && <p className="docno">Số: {docNo}</p>}
          </td>
          <td className="right">
            <p className="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="motto">
              <span>Độc lập - Tự do - Hạnh phúc</span>
            </p>
            <p className="dateline">{formatPlaceDateLine(office.placeName, date)}</p>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** "Bản in lại" with the time of this print (the 80 mm slip prints it at its top). */
export function ReprintMark({ printedAt, className }: { printedAt: string; className?: string }) {
  return (
    <div className={className ? `reprint ${className}` : 'reprint'}>
      Bản in lại <small>({shortTime(printedAt)})</small>
    </div>
  );
}

/**
 * The reprint mark of one A4/A5 sheet, its first child: shown on screen inside the sheet's top
 * margin; in print the @page margin box carries it on every page instead (styles.ts).
 */
export function SheetReprintMark({
  reprint,
  printedAt,
}: {
  reprint: boolean | undefined;
  printedAt: string;
}) {
  return reprint ? <ReprintMark printedAt={printedAt} className="reprint-sheet" /> : null;
}

/** A label and its value on one line: "Địa chỉ: …". */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p>
      {label}: {children}
    </p>
  );
}

/** The applicant's identification, address and contact lines (only those that are known). */
export function ApplicantLines({ applicant }: { applicant: PrintApplicant }) {
  const rep = applicant.representative;
  const contact = [
    has(applicant.phone) ? `Số điện thoại: ${applicant.phone}` : null,
    has(applicant.email) ? `Email: ${applicant.email}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      {has(applicant.idNumber) && (
        <Field label={idLabel(applicant.idKind)}>{applicant.idNumber}</Field>
      )}
      {rep && has(rep.name) && (
        <Field label="Người được ủy quyền nộp hồ sơ">
          {rep.name}
          {has(rep.idNumber) ? `, số CCCD: ${rep.idNumber}` : ''}
          {has(rep.relation) ? ` (${rep.relation})` : ''}
          {has(rep.phone) ? `, số điện thoại: ${rep.phone}` : ''}
        </Field>
      )}
      {has(applicant.address) && <Field label="Địa chỉ">{applicant.address}</Field>}
      {contact.length > 0 && <p>{contact.join('; ')}</p>}
    </>
  );
}

/** The originals cell: the count, marked "(xuất trình)" for papers only shown at the counter. */
function OriginalsCell({ c }: { c: PrintComponent }) {
  if (!c.presentOnly) return <>{c.originals}</>;
  return (
    <>
      {c.originals > 0 ? c.originals : ''}
      <div className="note">(xuất trình)</div>
    </>
  );
}

/** TT | Tên giấy tờ | Bản chính | Bản sao chứng thực | Bản photo. */
export function ComponentsTable({ components }: { components: readonly PrintComponent[] }) {
  return (
    <table className="grid components">
      <colgroup>
        <col style={{ width: '6%' }} />
        <col />
        <col style={{ width: '15%' }} />
        <col style={{ width: '17%' }} />
        <col style={{ width: '11%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>TT</th>
          <th>Tên giấy tờ</th>
          <th>Bản chính</th>
          <th>Bản sao chứng thực</th>
          <th>Bản photo</th>
        </tr>
      </thead>
      <tbody>
        {components.map((c, i) => (
          <tr key={i}>
            <td className="n">{i + 1}</td>
            <td className="name">
              {c.name}
              {has(c.note) && <div className="note">({c.note})</div>}
            </td>
            <td className="n">
              <OriginalsCell c={c} />
            </td>
            <td className="n">{c.certifiedCopies}</td>
            <td className="n">{c.copies}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface Signer {
  role: string;
  hint?: string;
  name?: string | undefined;
}

/** One or two signature blocks; a single block stands on the right. */
export function Signatures({ left, right }: { left?: Signer; right: Signer }) {
  const cell = (s: Signer | undefined) =>
    s ? (
      <>
        <p className="role">{s.role}</p>
        <p className="hint">{s.hint ?? '(Ký và ghi rõ họ tên)'}</p>
        <div className="space" />
        {has(s.name) && <p className="name">{s.name}</p>}
      </>
    ) : null;
  return (
    <table className="signatures">
      <tbody>
        <tr>
          <td>{cell(left)}</td>
          <td>{cell(right)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** "Tra cứu … tại: <the dossier's lookup address>; Đường dây nóng: …", or nothing. */
export function LookupFooter({
  code,
  options: { lookupUrl, hotline },
}: {
  code: string | null | undefined;
  options: Pick<PrintOptions, 'lookupUrl' | 'hotline'>;
}) {
  const parts: string[] = [];
  if (has(lookupUrl)) {
    parts.push(`Tra cứu tình trạng hồ sơ tại: ${dossierLookupAddress(lookupUrl, code)}`);
  }
  if (has(hotline)) parts.push(`Đường dây nóng: ${hotline}`);
  if (parts.length === 0) return null;
  return <p className="footer">{parts.join(' – ')}</p>;
}
