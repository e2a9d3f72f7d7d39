/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03). */
import {
  ApplicantLines,
  Field,
  Header,
  LookupFooter,
  SheetReprintMark,
  Signatures,
} from '../components';
import { formLabelWithPaper, formTitle, has } from '../../../shared/print';
import { addressee, BarcodeRow, need, QrBox } from './shared';
import type { TemplateProps } from './shared';

const FORM = formLabelWithPaper('refusal');

export function Refusal({ data, options, date }: TemplateProps) {
  const r = need(data.refusal, 'nội dung từ chối', FORM);
  const reason = need(r.reason, 'lý do từ chối', FORM);
  const d = data.dossier;
  const unit = data.office.unitName;
  const code = d.code;

  return (
    <section className="page refusal">
      <SheetReprintMark reprint={options.reprint} printedAt={data.printedAt} />
      <Header office={data.office} date={date} docNo={r.docNo} />
      <p className="title">{formTitle('refusal')}</p>
      {has(code) && (
        <>
          <p className="subtitle">Mã hồ sơ: {code}</p>
          <BarcodeRow code={code} paper={options.paper} />
        </>
      )}
      <div className="fields">
        {has(code) && <QrBox code={code} options={options} />}
        <p>
          {unit} tiếp nhận hồ sơ của: <span className="b">{d.applicant.name}</span>
        </p>
        <ApplicantLines applicant={d.applicant} />
        <Field label="Nội dung yêu cầu giải quyết">{d.procedure.name}</Field>
      </div>
      <div className="clear" />
      <div className="items">
        <p>
          Sau khi xem xét hồ sơ, đối chiếu với các quy định hiện hành, {unit} thông báo không tiếp
          nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {reason}
        </p>
        <p>Xin thông báo cho {addressee(d.applicant)} được biết và thực hiện./.</p>
      </div>
      <Signatures
        left={{ role: 'NGƯỜI NỘP HỒ SƠ' }}
        right={{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: r.officerName ?? d.officerName }}
      />
      <LookupFooter code={code} options={options} />
    </section>
  );
}
