/** What every template receives, and the checks of the data a form cannot do without. */
import { foldVietnamese } from '../../../shared/text/fold';
import { dossierQrText } from '../../../shared/dossier/lookupAddress';
import { Code128, QrCode } from '../codes';
import {
  has,
  type PaperSize,
  type PrintApplicant,
  type PrintData,
  PrintDataError,
  type PrintOffice,
  type PrintOptions,
} from '../../../shared/print';
import type { LocalDate } from '../../../shared/time/wallClock';

export interface TemplateProps {
  data: PrintData;
  options: PrintOptions;
  /** The date of the "<place>, ngày … tháng … năm …" line. */
  date: LocalDate;
}

/** The value, or a PrintDataError naming the form and the missing item. */
export function need<T>(value: T | null | undefined, what: string, form: string): T {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    throw new PrintDataError(`${form}: thiếu ${what}.`);
  }
  return value;
}

/** "Ông/Bà" for a person, "Quý cơ quan, tổ chức" for an organisation. */
export function addressee(applicant: PrintApplicant): string {
  return applicant.kind === undefined || applicant.kind === 'citizen'
    ? 'Ông/Bà'
    : 'Quý cơ quan, tổ chức';
}

/** Where the result is collected, as item 6 of the receipt words it. */
export function deliveryText(data: PrintData): string {
  const delivery = data.dossier.resultDelivery;
  if (delivery.method === 'post') {
    return has(delivery.address)
      ? `qua dịch vụ bưu chính công ích, tại địa chỉ: ${delivery.address}`
      : 'qua dịch vụ bưu chính công ích, tại địa chỉ của người nộp hồ sơ';
  }
  return `tại ${oneStopUnitName(data.office)}`;
}

/** "Bộ phận Một cửa – <unit>", or the unit alone when its name already says so. */
export function oneStopUnitName(office: PrintOffice): string {
  const folded = foldVietnamese(office.unitName).toLowerCase();
  if (folded.includes('mot cua') || folded.includes('tiep nhan va tra ket qua')) {
    return office.unitName;
  }
  return `Bộ phận Một cửa – ${office.unitName}`;
}

/** The centred Code 128 barcode of the dossier code, on a row of its own under the title. */
export function BarcodeRow({ code, paper }: { code: string; paper: PaperSize }) {
  return (
    <div className="codes">
      <Code128 text={code} paper={paper} />
    </div>
  );
}

/** The dossier's QR code (its code, or its lookup address: dossierQrText), floated right of the fields. */
export function QrBox({ code, options }: { code: string; options: PrintOptions }) {
  return (
    <div className="qrbox">
      <QrCode text={dossierQrText(options.lookupUrl, code)} paper={options.paper} />
    </div>
  );
}
