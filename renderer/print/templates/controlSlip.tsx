/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of TT 01/2018): the dossier's identity, then
 * one row per hand-over (including the return to the one-stop unit), each with the giver's and
 * the receiver's signature and the step's result (trước hạn / đúng hạn / quá hạn). Empty rows are
 * left for the hand-overs still to come, to be filled in by hand as on the paper form.
 */
import { Field, Header, LookupFooter, SheetReprintMark } from '../components';
import {
  capitalise,
  formLabelWithPaper,
  formTitle,
  has,
  officialTime,
  type PrintHandoverRow,
} from '../../../shared/print';
import { BarcodeRow, need, QrBox } from './shared';
import type { TemplateProps } from './shared';

export const SYNC_CONFLICT_WARNING =
  'LƯU Ý: HỒ SƠ CÓ XUNG ĐỘT ĐỒNG BỘ CHƯA ĐƯỢC LÃNH ĐẠO ĐƠN VỊ XỬ LÝ';

const FORM = formLabelWithPaper('control_slip');
const DOTS = '…………………………';

function SignCells({ row }: { row?: PrintHandoverRow }) {
  return (
    <>
      <div className="sign">
        <div>Người giao</div>
        <div>Người nhận</div>
      </div>
      <div className="signspace" />
      {row && (has(row.fromPerson) || has(row.toPerson)) && (
        <div className="who">
          <div>{row.fromPerson ?? ''}</div>
          <div>{row.toPerson ?? ''}</div>
        </div>
      )}
    </>
  );
}

function HandoverRow({ row }: { row: PrintHandoverRow }) {
  return (
    <tr>
      <td className="units">
        <p>1. Giao: {row.fromUnit}</p>
        <p>2. Nhận: {row.toUnit}</p>
      </td>
      <td>
        <p className="center">{officialTime(row.at, 'Thời gian giao, nhận hồ sơ')}</p>
        <SignCells row={row} />
      </td>
      <td className="n">{capitalise(row.result)}</td>
      <td>{row.note ?? ''}</td>
    </tr>
  );
}

function BlankRow() {
  return (
    <tr className="blank">
      <td className="units">
        <p>1. Giao: {DOTS}</p>
        <p>2. Nhận: {DOTS}</p>
      </td>
      <td>
        <p className="center">… giờ … phút, ngày … tháng … năm ……</p>
        <SignCells />
      </td>
      <td />
      <td />
    </tr>
  );
}

export function ControlSlip({ data, options, date }: TemplateProps) {
  const d = data.dossier;
  const code = need(d.code, 'mã hồ sơ', FORM);
  const receivedAt = need(d.receivedAt, 'thời gian nhận hồ sơ', FORM);
  const rows = data.controlSlip?.handovers ?? [];
  const conflicts = data.controlSlip?.syncConflicts ?? [];
  const blank = data.controlSlip?.blankRows ?? (rows.length === 0 ? 4 : 0);
  const cooperating = (d.procedure.cooperatingAgencies ?? []).filter(has);
  const hasBook = d.bookNo !== undefined && d.entryNo !== undefined;

  return (
    <section className="page control-slip">
      <SheetReprintMark reprint={options.reprint} printedAt={data.printedAt} />
      <Header office={data.office} date={date} />
      <p className="title">{formTitle('control_slip')}</p>
      <BarcodeRow code={code} paper={options.paper} />
      <div className="fields">
        <QrBox code={code} options={options} />
        {hasBook && (
          <p>
            Quyển số: {d.bookNo} – Số thứ tự: {d.entryNo}
          </p>
        )}
        <Field label="Kèm theo hồ sơ của">
          <span className="b">{d.applicant.name}</span>
        </Field>
        <Field label="Mã hồ sơ">
          <span className="b">{code}</span>
        </Field>
        <Field label="Nội dung yêu cầu giải quyết">{d.procedure.name}</Field>
        <Field label="Thời gian nhận hồ sơ">
          {officialTime(receivedAt, 'Thời gian nhận hồ sơ')}
        </Field>
        <Field label="Thời gian hẹn trả kết quả">
          {d.dueAt === null ? d.legalTime : officialTime(d.dueAt, 'Thời gian hẹn trả kết quả')}
        </Field>
        <Field label="Cơ quan (bộ phận) giải quyết hồ sơ">
          {has(d.procedure.agency) ? d.procedure.agency : data.office.unitName}
        </Field>
        <Field label="Cơ quan phối hợp giải quyết hồ sơ">
          {cooperating.length > 0 ? cooperating.join('; ') : 'Không'}
        </Field>
      </div>
      <div className="clear" />
      {conflicts.length > 0 && (
        <div className="conflict-warning">
          <p className="b">{SYNC_CONFLICT_WARNING}</p>
          {conflicts.map((text, i) => (
            <p key={i}>{text}</p>
          ))}
        </div>
      )}
      <table className="grid handovers">
        <colgroup>
          <col style={{ width: '27%' }} />
          <col style={{ width: '37%' }} />
          <col style={{ width: '19%' }} />
          <col style={{ width: '17%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>TÊN CƠ QUAN</th>
            <th>THỜI GIAN GIAO, NHẬN HỒ SƠ</th>
            <th>
              KẾT QUẢ GIẢI QUYẾT HỒ SƠ
              <br />
              <span className="i">(Trước hạn/ Đúng hạn/ Quá hạn)</span>
            </th>
            <th>GHI CHÚ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <HandoverRow row={row} key={i} />
          ))}
          {Array.from({ length: blank }, (_, i) => (
            <BlankRow key={`blank-${i}`} />
          ))}
        </tbody>
      </table>
      <LookupFooter code={code} options={options} />
    </section>
  );
}
