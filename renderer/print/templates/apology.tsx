/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04 of TT 01/2018), "Số: …/PXL". */
import { formatOfficialDate } from '../../../shared/text/officialDate';
import { Field, Header, LookupFooter, SheetReprintMark, Signatures } from '../components';
import {
  capitalise,
  datePart,
  formLabelWithPaper,
  formTitle,
  has,
  officialTime,
  upper,
} from '../../../shared/print';
import { addressee, BarcodeRow, need, QrBox } from './shared';
import type { TemplateProps } from './shared';

const FORM = formLabelWithPaper('apology');

export function Apology({ data, options, date }: TemplateProps) {
  const a = need(data.apology, 'nội dung phiếu xin lỗi', FORM);
  const d = data.dossier;
  const docNo = need(a.docNo, 'số phiếu', FORM);
  const code = need(d.code, 'mã hồ sơ', FORM);
  const receivedAt = need(d.receivedAt, 'thời gian nhận hồ sơ', FORM);
  const reason = need(a.reason, 'lý do trễ hạn', FORM);
  const signerTitle = need(a.signerTitle, 'chức danh người ký', FORM);
  const you = addressee(d.applicant);
  const agency = has(a.agencyName) ? a.agencyName : data.office.unitName;
  const subject = has(d.procedure.field)
    ? `về lĩnh vực ${d.procedure.field} (${d.procedure.name})`
    : `về ${d.procedure.name}`;

  return (
    <section className="page apology">
      <SheetReprintMark reprint={options.reprint} printedAt={data.printedAt} />
      <Header office={data.office} date={date} docNo={docNo} />
      <p className="title">{formTitle('apology')}</p>
      <BarcodeRow code={code} paper={options.paper} />
      <div className="fields">
        <QrBox code={code} options={options} />
        <Field label="Kính gửi">
          <span className="b">
            {you === 'Ông/Bà' ? 'Ông/Bà ' : ''}
            {d.applicant.name}
          </span>
        </Field>
        {has(d.applicant.address) && <Field label="Địa chỉ">{d.applicant.address}</Field>}
        {has(d.applicant.phone) && <Field label="Số điện thoại">{d.applicant.phone}</Field>}
      </div>
      <div className="clear" />
      <div className="items">
        <p>
          {capitalise(formatOfficialDate(datePart(receivedAt)))}, {agency} tiếp nhận giải quyết hồ
          sơ của {you} {subject}.
        </p>
        <p>
          Mã hồ sơ: <span className="b">{code}</span>
        </p>
        <p>
          Thời gian hẹn trả kết quả giải quyết hồ sơ:{' '}
          {officialTime(a.originalDueAt, 'Thời gian hẹn trả kết quả')}.
        </p>
        <p>
          Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của {you} đúng hạn ghi trên
          Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
        </p>
        <p>Lý do: {reason}</p>
        <p>
          Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {you}. {agency} xin lỗi {you}{' '}
          và xin hẹn lại thời gian trả kết quả.
        </p>
        <p>
          Thời gian hẹn trả kết quả lại:{' '}
          <span className="b">{officialTime(a.newDueAt, 'Thời gian hẹn trả kết quả lại')}</span>.
        </p>
        <p>Xin trân trọng cảm ơn sự hợp tác của {you}./.</p>
      </div>
      <Signatures
        right={{
          role: upper(signerTitle),
          hint: '(Ký, ghi rõ họ tên và đóng dấu)',
          name: a.signerName,
        }}
      />
      <LookupFooter code={code} options={options} />
    </section>
  );
}
