/**
 * The left column of a dossier: what was received (procedure, times, delivery, fee), who brought
 * it, its papers, and how it is being settled (hand-overs, supplements, pauses, apologies, end).
 */
import type { ReactNode } from 'react';
import { Card, Descriptions, Table, Tag } from 'antd';
import type { DossierDetail } from '../../../shared/api/schemas';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  ID_KIND_LABELS,
  officialTime,
  shortTime,
  thousands,
} from '../../lib/format';
import { applicantOf } from './applicant';

/** Thông tin hồ sơ: the procedure, the times, how it was submitted and where the result goes. */
export function DossierInfoCard({ d }: { d: DossierDetail }) {
  return (
    <Card size="small" title="Thông tin hồ sơ" className="panel">
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'state', label: 'Trạng thái', children: d.stateLabel },
          {
            key: 'proc',
            label: 'Thủ tục',
            span: 2,
            children: (
              <>
                {d.procedureName}
                {d.procedureCode ? <Tag style={{ marginLeft: 6 }}>{d.procedureCode}</Tag> : null}
              </>
            ),
          },
          ...(d.caseLabel
            ? [{ key: 'case', label: 'Trường hợp', span: 2, children: d.caseLabel }]
            : []),
          { key: 'field', label: 'Lĩnh vực', children: d.field },
          { key: 'agency', label: 'Cơ quan giải quyết', children: d.agency },
          {
            key: 'recv',
            label: d.code ? 'Tiếp nhận lúc' : 'Lập phiếu lúc',
            span: 2,
            children: officialTime(d.receivedAt),
          },
          ...(d.dueAt
            ? [
                {
                  key: 'due',
                  label: 'Hẹn trả kết quả',
                  span: 2,
                  children: <strong>{officialTime(d.dueAt)}</strong>,
                },
              ]
            : []),
          ...(d.baseDueAt && d.baseDueAt !== d.dueAt
            ? [
                {
                  key: 'base',
                  label: 'Hẹn trả ban đầu',
                  span: 2,
                  children: officialTime(d.baseDueAt),
                },
              ]
            : []),
          ...(d.resultAt
            ? [{ key: 'res', label: 'Có kết quả lúc', children: shortTime(d.resultAt) }]
            : []),
          ...(d.finishedAt
            ? [{ key: 'fin', label: 'Kết thúc lúc', children: shortTime(d.finishedAt) }]
            : []),
          {
            key: 'channel',
            label: 'Hình thức nộp',
            children: CHANNEL_LABELS[d.channel ?? ''] ?? '',
          },
          { key: 'sets', label: 'Số bộ', children: d.sets ?? '' },
          {
            key: 'fee',
            label: 'Phí, lệ phí',
            children: d.fee !== null ? `${thousands(d.fee)} đồng` : '',
          },
          {
            key: 'delivery',
            label: 'Nơi nhận kết quả',
            children:
              d.resultDelivery === 'post'
                ? 'Qua bưu chính công ích'
                : d.resultDelivery
                  ? 'Tại Bộ phận Một cửa'
                  : '',
          },
          ...(d.bookNo
            ? [
                {
                  key: 'book',
                  label: 'Sổ theo dõi',
                  span: 2,
                  children: `Quyển số ${d.bookNo}, số thứ tự ${d.entryNo ?? ''}`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Người nộp hồ sơ: as recorded at the counter (the dossier's own columns where it is silent). */
export function ApplicantCard({ d }: { d: DossierDetail }) {
  const a = (applicantOf(d) ?? {}) as {
    kind?: string;
    name?: string;
    idKind?: string;
    idNumber?: string;
    birthDate?: string;
    phone?: string;
    email?: string;
    address?: string;
    representative?: { name: string; idNumber?: string; phone?: string; relation?: string };
  };
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'name', label: 'Người nộp', children: <strong>{a.name ?? d.applicantName}</strong> },
    {
      key: 'kind',
      label: 'Là',
      children: APPLICANT_KIND_LABELS[a.kind ?? d.applicantKind ?? ''] ?? '',
    },
    {
      key: 'id',
      label: a.idKind ? (ID_KIND_LABELS[a.idKind] ?? 'Số giấy tờ') : 'Số giấy tờ',
      children: a.idNumber ?? d.applicantIdNumber ?? '',
    },
    {
      key: 'birth',
      label: 'Ngày sinh',
      children: a.birthDate ? a.birthDate.split('-').reverse().join('/') : '',
    },
    { key: 'phone', label: 'Điện thoại', children: a.phone ?? d.applicantPhone ?? '' },
    { key: 'email', label: 'Thư điện tử', children: a.email ?? '' },
    { key: 'addr', label: 'Địa chỉ', span: 2, children: a.address ?? d.applicantAddress ?? '' },
  ];
  if (a.representative) {
    const r = a.representative;
    items.push({
      key: 'rep',
      label: 'Người được ủy quyền',
      span: 2,
      children: [r.name, r.idNumber, r.phone, r.relation].filter(Boolean).join(' · '),
    });
  }
  return (
    <Card size="small" title="Người nộp hồ sơ" className="panel">
      <Descriptions size="small" column={2} bordered items={items} />
    </Card>
  );
}

/** Thành phần hồ sơ: the papers received, as the checklist recorded them. */
export function ComponentsCard({ d }: { d: DossierDetail }) {
  if (d.components.length === 0) return null;
  return (
    <Card size="small" title="Thành phần hồ sơ" className="panel">
      <Table
        size="small"
        pagination={false}
        rowKey="position"
        dataSource={d.components}
        columns={[
          // positions are stored from 1 (db/dossiers/projection.ts), as the receipt numbers them
          { title: 'TT', dataIndex: 'position', width: 40 },
          {
            title: 'Tên giấy tờ',
            dataIndex: 'name',
            render: (n: string, c) => (
              <>
                {n}
                {c.presentOnly ? <Tag style={{ marginLeft: 6 }}>Chỉ xuất trình</Tag> : null}
                {c.note ? <div className="muted small">{c.note}</div> : null}
              </>
            ),
          },
          { title: 'Bản chính', dataIndex: 'originals', width: 80, align: 'center' },
          {
            title: 'Bản sao chứng thực',
            dataIndex: 'certifiedCopies',
            width: 90,
            align: 'center',
          },
          { title: 'Bản sao', dataIndex: 'copies', width: 70, align: 'center' },
        ]}
      />
    </Card>
  );
}

/** Giải quyết: hand-overs, supplement requests, pauses, apologies, the end; nothing yet, no card. */
export function ProcessCard({ d }: { d: DossierDetail }) {
  const blocks: ReactNode[] = [];
  if (d.handovers.length > 0) {
    blocks.push(
      <Table
        key="h"
        size="small"
        pagination={false}
        rowKey={(h) => h.at + h.toUnit}
        title={() => <strong>Bàn giao</strong>}
        dataSource={d.handovers}
        columns={[
          { title: 'Lúc', dataIndex: 'at', render: (v: string) => shortTime(v), width: 130 },
          { title: 'Đơn vị nhận', dataIndex: 'toUnit' },
          { title: 'Người nhận', dataIndex: 'toPerson' },
          {
            title: 'Đơn vị nhận lúc',
            dataIndex: 'acceptedAt',
            render: (v: string | null) => shortTime(v),
            width: 130,
          },
          {
            title: 'Có kết quả lúc',
            dataIndex: 'resultAt',
            render: (v: string | null) => shortTime(v),
            width: 130,
          },
        ]}
      />,
    );
  }
  if (d.supplementRequests.length > 0) {
    blocks.push(
      <div key="s" className="process-block">
        <strong>Yêu cầu bổ sung, hoàn thiện hồ sơ</strong>
        {d.supplementRequests.map((s) => (
          <div key={s.docNo} className="process-item">
            Phiếu số {s.docNo} · {shortTime(s.at)}{' '}
            {s.atCounter ? '(tại quầy)' : '(trong khi giải quyết)'}
            <div>Lý do: {s.reason}</div>
            <ul>
              {s.missing.map((m, i) => (
                <li key={i}>
                  {m.name} (bản chính {m.originals}, bản sao chứng thực {m.certifiedCopies}, bản sao{' '}
                  {m.copies})
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>,
    );
  }
  if (d.pauses.length > 0) {
    blocks.push(
      <div key="p" className="process-block">
        <strong>Tạm dừng tính thời hạn</strong>
        {d.pauses.map((p) => (
          <div key={p.from} className="process-item">
            Từ {shortTime(p.from)}{' '}
            {/* open: what it waits for (đang chờ bổ sung, đang chờ thực hiện nghĩa vụ tài chính) */}
            {p.to ? `đến ${shortTime(p.to)}` : `(đang ${d.stateLabel.toLowerCase()})`} ·{' '}
            {Math.round(p.workingMinutes / 60)} giờ làm việc · {p.reason}
          </div>
        ))}
      </div>,
    );
  }
  if (d.apologies.length > 0) {
    blocks.push(
      <div key="a" className="process-block">
        <strong>Xin lỗi và hẹn lại</strong>
        {d.apologies.map((a) => (
          <div key={a.docNo} className="process-item">
            Phiếu số {a.docNo} · hẹn mới {officialTime(a.newDueAt)} · {a.reason}
          </div>
        ))}
      </div>,
    );
  }
  const c = d.closure;
  if (c) {
    blocks.push(
      <div key="c" className="process-block">
        <strong>Kết thúc</strong>
        <div className="process-item">
          {c.kind === 'returned'
            ? c.method === 'post'
              ? `Trả kết quả qua bưu điện lúc ${shortTime(c.at)}${c.postalTrackingNo ? `, số hiệu ${c.postalTrackingNo}` : ''}`
              : `Trả kết quả tại quầy lúc ${shortTime(c.at)} cho ${c.collectedBy?.name ?? ''}${c.collectedBy?.idNumber ? ` (giấy tờ ${c.collectedBy.idNumber})` : ''}${c.collectedBy?.relation ? `, ${c.collectedBy.relation}` : ''}`
            : c.kind === 'refused'
              ? `Từ chối (phiếu số ${c.docNo}) lúc ${shortTime(c.at)}: ${c.reason}`
              : c.kind === 'withdrawn'
                ? `Rút hồ sơ lúc ${shortTime(c.at)}: ${c.reason}`
                : `Dừng giải quyết lúc ${shortTime(c.at)}: ${c.reason}`}
        </div>
      </div>,
    );
  }
  if (blocks.length === 0) return null;
  return (
    <Card size="small" title="Giải quyết" className="panel">
      {blocks}
    </Card>
  );
}
