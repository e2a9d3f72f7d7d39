/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02), "Số: …/HDHS". */
import {
  ApplicantLines,
  ComponentsTable,
  Field,
  Header,
  LookupFooter,
  SheetReprintMark,
  Signatures,
} from '../components';
import { formLabelWithPaper, formTitle, has, PrintDataError } from '../../../shared/print';
import { addressee, BarcodeRow, need, QrBox } from './shared';
import type { TemplateProps } from './shared';

const FORM = formLabelWithPaper('supplement_request');

export function SupplementRequest({ data, options, date }: TemplateProps) {
  const s = need(data.supplement, 'nội dung yêu cầu bổ sung', FORM);
  const docNo = need(s.docNo, 'số phiếu', FORM);
  const reason = need(s.reason, 'lý do yêu cầu bổ sung', FORM);
  if (s.missing.length === 0) throw new PrintDataError(`${FORM}: chưa có giấy tờ nào cần bổ sung.`);
  const d = data.dossier;
  const you = addressee(d.applicant);
  const contactName = s.guidance?.officerName ?? d.officerName ?? data.office.unitName;
  const contactPhone = s.guidance?.phone ?? options.hotline;
  const code = d.code;

  return (
    <section className="page supplement">
      <SheetReprintMark reprint={options.reprint} printedAt={data.printedAt} />
      <Header office={data.office} date={date} docNo={docNo} />
      <p className="title">{formTitle('supplement_request')}</p>
      {has(code) && (
        <>
          <p className="subtitle">Mã hồ sơ: {code}</p>
          <BarcodeRow code={code} paper={options.paper} />
        </>
      )}
      <div className="fields">
        {has(code) && <QrBox code={code} options={options} />}
        <Field label="Hồ sơ của">
          <span className="b">{d.applicant.name}</span>
        </Field>
        <ApplicantLines applicant={d.applicant} />
        <Field label="Nội dung yêu cầu giải quyết">{d.procedure.name}</Field>
      </div>
      <div className="clear" />
      <div className="items">
        <p>Yêu cầu {you} hoàn thiện hồ sơ gồm những nội dung như sau:</p>
        <ComponentsTable components={s.missing} />
        <p>Lý do: {reason}</p>
        <p>
          Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, {you} liên hệ với {contactName}
          {has(contactPhone) ? `, số điện thoại ${contactPhone},` : ''} để được hướng dẫn.
        </p>
      </div>
      <Signatures
        right={{ role: 'NGƯỜI HƯỚNG DẪN', name: s.guidance?.officerName ?? d.officerName }}
      />
      <LookupFooter code={code} options={options} />
    </section>
  );
}
