/**
 * Hồ sơ: everything about one dossier, its timeline, and its actions, each one API call (one
 * event): Bàn giao, Đơn vị nhận hồ sơ, Yêu cầu bổ sung / Đã nhận bổ sung, Nhận kết quả, Trả kết
 * quả, Rút hồ sơ, Xin lỗi và hẹn lại, In lại any slip (marked "Bản in lại").
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { canApply } from '../../shared/dossier/transitions';
import type { DossierEventType } from '../../shared/dossier/events';
import type { DossierDetail, PrintFormName } from '../../shared/api/schemas';
import { call, toApiError } from '../api/client';
import { DeadlineTag } from '../components/DeadlineTag';
import { Field } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { FORM_TITLES, PrintDialog, type PrintJob } from '../components/PrintDialog';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  ID_KIND_LABELS,
  instantTime,
  nowLocal,
  officialTime,
  parseTypedDateTime,
  shortTime,
  thousands,
  toTypedDateTime,
} from '../lib/format';
import { enterAdvances, useHotkeys } from '../lib/hotkeys';
import { toProcedurePick } from '../lib/procedure';
import { emptyApplicant, useReception, type ApplicantDraft } from '../stores/receptionDraft';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';

type ActionKind =
  | 'handover'
  | 'accept'
  | 'supplement'
  | 'supplementReceived'
  | 'resultReady'
  | 'return'
  | 'withdraw'
  | 'apology';

interface ActionSpec {
  kind: ActionKind;
  label: string;
  keys: string;
  event: DossierEventType;
  headOnly?: boolean;
  danger?: boolean;
}

export const ACTIONS: ActionSpec[] = [
  { kind: 'handover', label: 'Bàn giao', keys: 'Alt+G', event: 'handed_over' },
  { kind: 'accept', label: 'Đơn vị đã nhận hồ sơ', keys: 'Alt+D', event: 'accepted' },
  { kind: 'supplement', label: 'Yêu cầu bổ sung', keys: 'Alt+B', event: 'supplement_requested' },
  {
    kind: 'supplementReceived',
    label: 'Đã nhận bổ sung',
    keys: 'Alt+S',
    event: 'supplement_received',
  },
  {
    kind: 'resultReady',
    label: 'Nhận kết quả từ phòng chuyên môn',
    keys: 'Alt+K',
    event: 'result_ready',
  },
  { kind: 'return', label: 'Trả kết quả', keys: 'Alt+R', event: 'returned' },
  {
    kind: 'apology',
    label: 'Xin lỗi và hẹn lại',
    keys: 'Alt+X',
    event: 'apology_issued',
    headOnly: true,
  },
  { kind: 'withdraw', label: 'Rút hồ sơ', keys: 'Alt+W', event: 'withdrawn', danger: true },
];

/** The actions a dossier in this state allows (the lifecycle table of shared/dossier). */
export function allowedActions(
  d: Pick<DossierDetail, 'state' | 'code'>,
  role: string,
): ActionSpec[] {
  return ACTIONS.filter((a) => {
    if (a.headOnly && role === 'officer') return false;
    if (a.kind === 'supplement' && d.code === null) return false; // counter requests: a new reception
    return canApply(d.state, a.event);
  });
}

const FORM_SHORT: Record<PrintFormName, string> = {
  receipt: 'Giấy tiếp nhận',
  supplement_request: 'Phiếu yêu cầu bổ sung',
  refusal: 'Phiếu từ chối',
  apology: 'Phiếu xin lỗi',
  control_slip: 'Phiếu kiểm soát',
  appointment_slip: 'Phiếu hẹn 80 mm',
};

/** The slips a dossier can have printed (again); the first is the one Ctrl+P reprints. */
export function printableForms(
  d: Pick<DossierDetail, 'code' | 'state' | 'supplementRequests' | 'apologies' | 'closure'>,
): PrintFormName[] {
  const forms: PrintFormName[] = [];
  if (d.code !== null) forms.push('receipt', 'control_slip', 'appointment_slip');
  if (d.closure?.kind === 'refused') forms.unshift('refusal');
  if (d.supplementRequests.length > 0) forms.push('supplement_request');
  if (d.apologies.length > 0) forms.push('apology');
  return forms;
}

export function DossierScreen({ id }: { id: string }) {
  const go = useRoute((s) => s.go);
  const role = useSession((s) => s.session?.officer.role ?? 'officer');
  const locked = useSession((s) => s.session?.locked ?? false);
  const [d, setD] = useState<DossierDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ActionKind | null>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);

  const load = useCallback(async () => {
    try {
      setD(await call('dossiers.get', { id }));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, [id]);

  useEffect(() => {
    setD(null);
    void load();
  }, [load]);

  /** The applicant of a counter supplement request came back: receive it on the reception screen. */
  const receiveAfterSupplement = async () => {
    if (!d || d.state !== 'supplement_requested' || !d.procedureId) return;
    try {
      const pick = toProcedurePick(await call('procedures.get', { id: d.procedureId }));
      const r = useReception.getState();
      r.newReception();
      r.selectProcedure(pick);
      if (d.caseLabel) r.setCase(d.caseLabel);
      r.setApplicant(applicantDraftOf(d));
      r.set({ fromSupplementRequestId: d.id });
      go({ screen: 'reception' });
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const actions = d ? allowedActions(d, role) : [];
  const forms = d ? printableForms(d) : [];
  const keys = Object.fromEntries(actions.map((a) => [a.keys, () => setAction(a.kind)]));
  useHotkeys(
    {
      ...keys,
      ...(d?.state === 'supplement_requested'
        ? { 'Alt+S': () => void receiveAfterSupplement() }
        : {}),
      Escape: () => go({ screen: 'board' }),
      'Ctrl+P': () =>
        d && forms[0] ? setPrintJob({ dossierId: d.id, form: forms[0], reprint: true }) : undefined,
    },
    action === null && printJob === null && !locked,
  );

  if (error) {
    return (
      <div className="detail">
        <Button icon={<ArrowLeftOutlined />} onClick={() => go({ screen: 'board' })}>
          Theo dõi hồ sơ
        </Button>
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />
      </div>
    );
  }
  if (!d) {
    return (
      <div className="center-screen">
        <Spin description="Đang tải hồ sơ…" />
      </div>
    );
  }

  return (
    <div className="detail">
      <div className="detail-head">
        <Button icon={<ArrowLeftOutlined />} onClick={() => go({ screen: 'board' })}>
          Theo dõi hồ sơ <Kbd>Esc</Kbd>
        </Button>
        <div className="detail-title">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="detail-code">
            {d.code ?? 'Hồ sơ chưa được tiếp nhận'}
          </Typography.Title>
          <DeadlineTag d={d} />
          {d.provisionalDueAt ? (
            <Tag color="warning">Hẹn trả tính theo lịch nghỉ lễ tạm tính</Tag>
          ) : null}
          {d.conflictCount > 0 ? (
            <Tag color="error">{d.conflictCount} sự kiện đồng bộ không áp dụng được</Tag>
          ) : null}
        </div>
      </div>

      <div className="action-bar">
        <Space wrap>
          {actions.map((a) => (
            <Button key={a.kind} danger={a.danger ?? false} onClick={() => setAction(a.kind)}>
              {a.label} <Kbd>{a.keys}</Kbd>
            </Button>
          ))}
          {d.state === 'supplement_requested' ? (
            <Button type="primary" onClick={() => void receiveAfterSupplement()}>
              Người nộp đã bổ sung đủ: tiếp nhận hồ sơ <Kbd>Alt+S</Kbd>
            </Button>
          ) : null}
          {forms[0] ? (
            <Button
              icon={<PrinterOutlined />}
              onClick={() => setPrintJob({ dossierId: d.id, form: forms[0]!, reprint: true })}
            >
              In lại {FORM_SHORT[forms[0]]} <Kbd>Ctrl+P</Kbd>
            </Button>
          ) : null}
          {forms.length > 1 ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: forms.slice(1).map((f) => ({ key: f, label: FORM_TITLES[f] })),
                onClick: ({ key }) =>
                  setPrintJob({ dossierId: d.id, form: key as PrintFormName, reprint: true }),
              }}
            >
              <Button icon={<PrinterOutlined />}>In lại phiếu khác</Button>
            </Dropdown>
          ) : null}
          {actions.length === 0 && d.state !== 'supplement_requested' ? (
            <Typography.Text type="secondary">
              Hồ sơ đã kết thúc: chỉ còn in lại phiếu.
            </Typography.Text>
          ) : null}
        </Space>
      </div>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
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
                      {d.procedureCode ? (
                        <Tag style={{ marginLeft: 6 }}>{d.procedureCode}</Tag>
                      ) : null}
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
          <ApplicantCard d={d} />
          {d.components.length > 0 ? (
            <Card size="small" title="Thành phần hồ sơ" className="panel">
              <Table
                size="small"
                pagination={false}
                rowKey="position"
                dataSource={d.components}
                columns={[
                  { title: 'TT', dataIndex: 'position', width: 40, render: (p: number) => p + 1 },
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
          ) : null}
          <ProcessCard d={d} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="Quá trình xử lý" className="panel">
            <Timeline
              items={d.timeline.map((t) => ({
                key: t.id,
                color: t.applied
                  ? t.type === 'refused' || t.type === 'withdrawn'
                    ? 'red'
                    : 'blue'
                  : 'gray',
                title: shortTime(t.at),
                content: (
                  <div>
                    <div className={t.applied ? undefined : 'muted'}>{t.label}</div>
                    <div className="muted small">
                      {t.officerName ?? t.officerId}
                      {t.origin === 'remote' ? ' · từ máy khác' : ''}
                      {t.applied ? '' : ' · không áp dụng (xung đột đồng bộ)'}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
          <Card size="small" title="Các lần in phiếu" className="panel">
            {d.prints.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa in phiếu nào" />
            ) : (
              <ul className="print-list">
                {d.prints.map((p) => (
                  <li key={p.id}>
                    {p.formLabel}
                    {p.reprint ? (
                      <Tag color="orange" style={{ marginLeft: 6 }}>
                        Bản in lại
                      </Tag>
                    ) : null}
                    <span className="muted small"> · {instantTime(p.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>

      <ActionDialog
        kind={action}
        dossier={d}
        onClose={() => setAction(null)}
        onDone={async (kind, printForm) => {
          setAction(null);
          await load();
          if (printForm) setPrintJob({ dossierId: d.id, form: printForm });
          void kind;
        }}
      />
      <PrintDialog job={printJob} onClose={() => setPrintJob(null)} onPrinted={() => void load()} />
    </div>
  );
}

/** The applicant as the counter recorded it (the first event that carries one). */
function applicantOf(d: DossierDetail): Record<string, unknown> | undefined {
  const first = d.timeline.find(
    (t) => (t.payload as { applicant?: unknown }).applicant !== undefined,
  );
  return (first?.payload as { applicant?: Record<string, unknown> } | undefined)?.applicant;
}

/** The recorded applicant back into the reception form's shape. */
export function applicantDraftOf(d: DossierDetail): ApplicantDraft {
  const a = (applicantOf(d) ?? {}) as Partial<Record<string, string>> & {
    representative?: { name: string; idNumber?: string; phone?: string; relation?: string };
  };
  const base = emptyApplicant();
  return {
    ...base,
    kind: (a.kind as ApplicantDraft['kind'] | undefined) ?? 'citizen',
    name: a.name ?? d.applicantName ?? '',
    idKind: (a.idKind as ApplicantDraft['idKind'] | undefined) ?? 'cccd',
    idNumber: a.idNumber ?? '',
    birthDate: a.birthDate ? a.birthDate.split('-').reverse().join('/') : '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    address: a.address ?? '',
    hasRepresentative: a.representative !== undefined,
    representative: {
      name: a.representative?.name ?? '',
      idNumber: a.representative?.idNumber ?? '',
      phone: a.representative?.phone ?? '',
      relation: a.representative?.relation ?? '',
    },
  };
}

function ApplicantCard({ d }: { d: DossierDetail }) {
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

function ProcessCard({ d }: { d: DossierDetail }) {
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
            Từ {shortTime(p.from)} {p.to ? `đến ${shortTime(p.to)}` : '(đang chờ bổ sung)'} ·{' '}
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

// ---------------------------------------------------------------------------------------------
// Action dialogs

interface ActionForm {
  toUnit: string;
  toPerson: string;
  note: string;
  unit: string;
  person: string;
  fromUnit: string;
  method: 'counter' | 'post';
  collectorName: string;
  collectorId: string;
  relation: string;
  postalTrackingNo: string;
  /** When the result was handed over, as typed (dd/mm/yyyy HH:mm); default now. */
  returnedAt: string;
  reason: string;
  newDueAt: string;
  missingText: string;
}

function emptyForm(d: DossierDetail): ActionForm {
  const lastHandover = d.handovers[d.handovers.length - 1];
  return {
    toUnit: '',
    toPerson: '',
    note: '',
    unit: lastHandover?.toUnit ?? '',
    person: lastHandover?.toPerson ?? '',
    fromUnit: lastHandover?.toUnit ?? '',
    method: d.resultDelivery === 'post' ? 'post' : 'counter',
    collectorName: d.applicantName ?? '',
    collectorId: d.applicantIdNumber ?? '',
    relation: 'Người nộp hồ sơ',
    postalTrackingNo: '',
    returnedAt: toTypedDateTime(nowLocal()),
    reason: '',
    newDueAt: d.dueAt ? toTypedDateTime(d.dueAt) : '',
    missingText: '',
  };
}

const TITLES: Record<ActionKind, string> = {
  handover: 'Bàn giao hồ sơ',
  accept: 'Đơn vị giải quyết đã nhận hồ sơ',
  supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (tạm dừng tính thời hạn)',
  supplementReceived: 'Đã nhận hồ sơ bổ sung (tiếp tục tính thời hạn)',
  resultReady: 'Nhận kết quả giải quyết từ phòng chuyên môn',
  return: 'Trả kết quả',
  withdraw: 'Rút hồ sơ theo yêu cầu',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
};

function ActionDialog({
  kind,
  dossier,
  onClose,
  onDone,
}: {
  kind: ActionKind | null;
  dossier: DossierDetail;
  onClose: () => void;
  onDone: (kind: ActionKind, print?: PrintFormName) => Promise<void>;
}) {
  const [f, setF] = useState<ActionForm>(() => emptyForm(dossier));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The return time the dialog proposed: left as it is, the core records its own "now". */
  const [returnDefault, setReturnDefault] = useState('');

  useEffect(() => {
    if (!kind) return;
    const fresh = emptyForm(dossier);
    setF(fresh);
    setReturnDefault(fresh.returnedAt);
    setErrors({});
    setFormError(null);
    if (kind !== 'return') return;
    // Propose the core's clock rather than this device's (the time the event would get).
    let live = true;
    const proposed = fresh.returnedAt;
    call('auth.touch')
      .then(({ now }) => {
        if (!live) return;
        const typed = toTypedDateTime(now);
        setF((x) => (x.returnedAt === proposed ? { ...x, returnedAt: typed } : x));
        setReturnDefault(typed);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [kind, dossier]);

  const set = (patch: Partial<ActionForm>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const submit = async () => {
    if (!kind || busy) return;
    const dossierId = dossier.id;
    const found: Record<string, string> = {};
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    setBusy(true);
    setFormError(null);
    try {
      switch (kind) {
        case 'handover':
          if (!f.toUnit.trim())
            found.toUnit =
              'Chưa nhập đơn vị nhận hồ sơ (ví dụ Phòng Lao động – Thương binh và Xã hội).';
          if (Object.keys(found).length) break;
          await call(
            'dossiers.handover',
            clean({ dossierId, toUnit: f.toUnit, toPerson: opt(f.toPerson), note: opt(f.note) }),
          );
          return await onDone(kind);
        case 'accept':
          if (!f.unit.trim()) found.unit = 'Chưa nhập đơn vị đã nhận hồ sơ.';
          if (Object.keys(found).length) break;
          await call('dossiers.accept', clean({ dossierId, unit: f.unit, person: opt(f.person) }));
          return await onDone(kind);
        case 'supplement': {
          const missing = f.missingText
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((name) => ({ name, originals: 0, certifiedCopies: 0, copies: 1 }));
          if (missing.length === 0)
            found.missingText = 'Hãy ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một giấy tờ).';
          if (!f.reason.trim()) found.reason = 'Chưa nhập lý do yêu cầu bổ sung.';
          if (Object.keys(found).length) break;
          await call('dossiers.requestSupplement', { dossierId, missing, reason: f.reason });
          return await onDone(kind, 'supplement_request');
        }
        case 'supplementReceived':
          await call('dossiers.supplementReceived', clean({ dossierId, note: opt(f.note) }));
          return await onDone(kind);
        case 'resultReady':
          await call(
            'dossiers.resultReady',
            clean({ dossierId, fromUnit: opt(f.fromUnit), note: opt(f.note) }),
          );
          return await onDone(kind);
        case 'return': {
          if (f.method === 'counter' && !f.collectorName.trim())
            found.collectorName = 'Chưa nhập họ tên người nhận kết quả.';
          // Unchanged: now (the core's clock). Changed: the time typed, with its hour.
          let returnedAt: string | undefined;
          if (f.returnedAt.trim() !== returnDefault.trim()) {
            returnedAt = parseTypedDateTime(f.returnedAt, '') ?? undefined;
            if (!returnedAt)
              found.returnedAt = `Thời điểm trả kết quả "${f.returnedAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 10/03/2026 14:30.`;
          }
          if (Object.keys(found).length) break;
          await call(
            'dossiers.return',
            f.method === 'post'
              ? clean({
                  dossierId,
                  method: 'post' as const,
                  postalTrackingNo: opt(f.postalTrackingNo),
                  returnedAt,
                })
              : clean({
                  dossierId,
                  method: 'counter' as const,
                  collectedBy: clean({
                    name: f.collectorName,
                    idNumber: opt(f.collectorId),
                    relation: opt(f.relation),
                  }),
                  returnedAt,
                }),
          );
          return await onDone(kind);
        }
        case 'withdraw':
          if (!f.reason.trim()) found.reason = 'Chưa nhập lý do rút hồ sơ.';
          if (Object.keys(found).length) break;
          await call('dossiers.withdraw', { dossierId, reason: f.reason });
          return await onDone(kind);
        case 'apology': {
          const due = parseTypedDateTime(f.newDueAt);
          if (!due)
            found.newDueAt = `Ngày hẹn mới "${f.newDueAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 30/12/2025 08:00.`;
          if (!f.reason.trim()) found.reason = 'Chưa nhập lý do trễ hạn.';
          if (Object.keys(found).length || !due) break;
          await call('dossiers.apology', { dossierId, reason: f.reason, newDueAt: due });
          return await onDone(kind, 'apology');
        }
      }
      setErrors(found);
    } catch (err) {
      const e = toApiError(err);
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.fields ?? {})) {
        mapped[FIELD_MAP[k] ?? k] = v;
      }
      setErrors(mapped);
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys({ 'Ctrl+Enter': () => void submit() }, kind !== null);

  const text = (
    key: keyof ActionForm,
    label: string,
    opts: { required?: boolean; hint?: string; autoFocus?: boolean; area?: boolean } = {},
  ) => (
    <Field
      label={label}
      required={opts.required ?? false}
      error={errors[key]}
      hint={opts.hint}
      htmlFor={`act-${key}`}
    >
      {opts.area ? (
        <Input.TextArea
          id={`act-${key}`}
          rows={3}
          autoFocus={opts.autoFocus ?? false}
          value={f[key] as string}
          status={errors[key] ? 'error' : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<ActionForm>)}
        />
      ) : (
        <Input
          id={`act-${key}`}
          autoFocus={opts.autoFocus ?? false}
          value={f[key] as string}
          status={errors[key] ? 'error' : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<ActionForm>)}
        />
      )}
    </Field>
  );

  let body: ReactNode;
  switch (kind) {
    case 'handover':
      body = (
        <>
          {text('toUnit', 'Đơn vị nhận hồ sơ', {
            required: true,
            autoFocus: true,
            hint: 'Phòng chuyên môn hoặc cơ quan phối hợp (một cửa liên thông).',
          })}
          {text('toPerson', 'Người nhận')}
          {text('note', 'Ghi chú')}
        </>
      );
      break;
    case 'accept':
      body = (
        <>
          {text('unit', 'Đơn vị đã nhận hồ sơ', { required: true, autoFocus: true })}
          {text('person', 'Người nhận')}
        </>
      );
      break;
    case 'supplement':
      body = (
        <>
          {text('missingText', 'Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)', {
            required: true,
            autoFocus: true,
            area: true,
          })}
          {text('reason', 'Lý do', { required: true, area: true })}
        </>
      );
      break;
    case 'supplementReceived':
      body = (
        <>
          <Typography.Paragraph>
            Người nộp đã mang đủ giấy tờ bổ sung: thời hạn giải quyết được tính tiếp, ngày hẹn trả
            lùi thêm đúng số giờ làm việc đã tạm dừng.
          </Typography.Paragraph>
          {text('note', 'Ghi chú', { autoFocus: true })}
        </>
      );
      break;
    case 'resultReady':
      body = (
        <>
          {text('fromUnit', 'Đơn vị gửi kết quả', { autoFocus: true })}
          {text('note', 'Ghi chú')}
        </>
      );
      break;
    case 'return':
      body = (
        <>
          <Field label="Hình thức trả" htmlFor="act-method">
            <Radio.Group
              id="act-method"
              value={f.method}
              onChange={(e) => set({ method: e.target.value as 'counter' | 'post' })}
              options={[
                { value: 'counter', label: 'Tại quầy' },
                { value: 'post', label: 'Qua bưu chính công ích' },
              ]}
            />
          </Field>
          {f.method === 'counter' ? (
            <>
              {text('collectorName', 'Họ tên người nhận kết quả', {
                required: true,
                autoFocus: true,
              })}
              {text('collectorId', 'Số CCCD, giấy tờ của người nhận')}
              {text('relation', 'Quan hệ với người nộp hồ sơ', {
                hint: 'Ví dụ: người nộp hồ sơ, con, được ủy quyền',
              })}
            </>
          ) : (
            text('postalTrackingNo', 'Số hiệu bưu gửi', { autoFocus: true })
          )}
          {text('returnedAt', 'Thời điểm trả kết quả', {
            required: true,
            hint: parseTypedDateTime(f.returnedAt, '')
              ? `${officialTime(parseTypedDateTime(f.returnedAt, ''))}. Mặc định là bây giờ; sửa lại nếu đã trả kết quả trước đó.`
              : 'ngày/tháng/năm giờ:phút',
          })}
        </>
      );
      break;
    case 'withdraw':
      body = text('reason', 'Lý do rút hồ sơ', { required: true, autoFocus: true, area: true });
      break;
    case 'apology':
      body = (
        <>
          {text('newDueAt', 'Ngày hẹn trả kết quả mới', {
            required: true,
            autoFocus: true,
            hint: parseTypedDateTime(f.newDueAt)
              ? officialTime(parseTypedDateTime(f.newDueAt))
              : 'ngày/tháng/năm giờ:phút',
          })}
          {text('reason', 'Lý do trễ hạn', { required: true, area: true })}
        </>
      );
      break;
    default:
      body = null;
  }

  return (
    <Modal
      open={kind !== null}
      title={kind ? TITLES[kind] : ''}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={
        <Space>
          <Button onClick={onClose}>
            Hủy <Kbd>Esc</Kbd>
          </Button>
          <Button
            type="primary"
            danger={kind === 'withdraw'}
            loading={busy}
            onClick={() => void submit()}
          >
            Xác nhận <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <div data-enter-scope onKeyDown={enterAdvances}>
          <Typography.Paragraph type="secondary">
            Hồ sơ {dossier.code ?? ''} · {dossier.applicantName} · {dossier.procedureName}
          </Typography.Paragraph>
          {body}
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </div>
      </Form>
    </Modal>
  );
}

const FIELD_MAP: Record<string, string> = {
  'collectedBy.name': 'collectorName',
  'collectedBy.idNumber': 'collectorId',
  'collectedBy.relation': 'relation',
  collectedBy: 'collectorName',
  missing: 'missingText',
};

/** Drop undefined properties (the API's strict schemas take absent, not undefined). */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
