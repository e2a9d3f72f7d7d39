/**
 * The board's group "Lịch nghỉ đã thay đổi": what it means, and the review of every flagged
 * dossier (the appointment given, counted again, the proposal) where a head decides for a
 * selection: keep the appointments, or apologise with the proposed new ones and print the slips
 * (Phiếu xin lỗi và hẹn lại ngày trả kết quả), each stored as a PDF before it is printed.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { CalendarReviewItem } from '../../../shared/api/schemas';
import { call, getApi, toApiError } from '../../api/client';
import { Kbd } from '../../components/Kbd';
import {
  apologiseWithProposal,
  CALENDAR_CHANGED_TITLE,
  keepAppointment,
} from '../../lib/calendarReview';
import { shortTime } from '../../lib/format';
import { useHotkeys } from '../../lib/hotkeys';
import { useSession } from '../../stores/session';

export function CalendarReviewBar({ onDecided }: { onDecided: () => void }) {
  const role = useSession((s) => s.session?.officer.role ?? 'officer');
  const [open, setOpen] = useState(false);
  const decides = role === 'head' || role === 'admin';
  useHotkeys({ 'Alt+Q': () => setOpen(true) }, !open);
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={`${CALENDAR_CHANGED_TITLE}: ngày hẹn đã in không tự thay đổi.`}
        description={
          decides
            ? 'Với từng hồ sơ (hoặc nhiều hồ sơ cùng lúc), hãy quyết định: xin lỗi và hẹn lại ngày trả kết quả, hoặc giữ ngày hẹn đã in.'
            : 'Lãnh đạo sẽ quyết định xin lỗi và hẹn lại, hoặc giữ ngày hẹn đã in. Khi công dân hỏi, hãy xem ngày hẹn tính lại trong từng hồ sơ.'
        }
        action={
          <Button onClick={() => setOpen(true)}>
            {decides ? 'Xem lại và quyết định' : 'Xem ngày hẹn tính lại'} <Kbd>Alt+Q</Kbd>
          </Button>
        }
      />
      <CalendarReviewDialog
        open={open}
        decides={decides}
        onClose={() => setOpen(false)}
        onDecided={onDecided}
      />
    </>
  );
}

interface Outcome {
  dossierId: string;
  code: string | null;
  text: string;
  ok: boolean;
  pdfPath?: string;
}

function CalendarReviewDialog({
  open,
  decides,
  onClose,
  onDecided,
}: {
  open: boolean;
  decides: boolean;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { modal } = AntApp.useApp();
  const [items, setItems] = useState<CalendarReviewItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const api = getApi();

  const load = useCallback(async () => {
    try {
      const list = await call('dossiers.calendarReviews');
      setItems(list);
      setSelected((s) => s.filter((id) => list.some((r) => r.dossierId === id)));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, []);

  useEffect(() => {
    if (!open) return;
    setOutcomes([]);
    setSelected([]);
    setNote('');
    void load();
  }, [open, load]);

  const chosen = (items ?? []).filter((r) => selected.includes(r.dossierId));
  const withProposal = chosen.filter((r) => r.proposedDueAt !== null);

  /** One call per dossier, in order; each outcome says what happened to it. */
  const run = async (
    list: CalendarReviewItem[],
    act: (r: CalendarReviewItem) => Promise<string>,
  ): Promise<Outcome[]> => {
    setBusy(true);
    const out: Outcome[] = [];
    for (const r of list) {
      try {
        out.push({ dossierId: r.dossierId, code: r.code, ok: true, text: await act(r) });
      } catch (err) {
        out.push({
          dossierId: r.dossierId,
          code: r.code,
          ok: false,
          text: toApiError(err).message,
        });
      }
    }
    setOutcomes((before) => [...before, ...out]);
    setBusy(false);
    await load();
    onDecided();
    return out;
  };

  const keep = () =>
    modal.confirm({
      title: `Giữ ngày hẹn đã in cho ${chosen.length} hồ sơ?`,
      content: 'Việc giữ ngày hẹn được ghi vào quá trình xử lý của từng hồ sơ, kèm tên của bạn.',
      okText: 'Giữ ngày hẹn',
      cancelText: 'Quay lại',
      onOk: () =>
        run(chosen, async (r) => {
          await keepAppointment(r.dossierId, note);
          return `Đã giữ ngày hẹn ${shortTime(r.dueAt)}.`;
        }).then(() => setNote('')),
    });

  const apologise = () =>
    modal.confirm({
      title: `Lập ${withProposal.length} phiếu xin lỗi và hẹn lại ngày trả kết quả?`,
      content:
        chosen.length > withProposal.length
          ? `${chosen.length - withProposal.length} hồ sơ đã chọn không có ngày hẹn mới đề xuất (ngày hẹn đã in muộn hơn ngày tính lại) nên không lập phiếu.`
          : 'Mỗi hồ sơ được hẹn lại theo ngày đề xuất; lý do in trên phiếu là thay đổi lịch nghỉ trong thời gian giải quyết.',
      okText: 'Lập phiếu',
      cancelText: 'Quay lại',
      onOk: () =>
        run(withProposal, async (r) => {
          const done = await apologiseWithProposal(r.dossierId, r);
          return `Phiếu số ${done.docNo}: hẹn lại ${shortTime(r.proposedDueAt)}.`;
        }),
    });

  /** Store (and on the desktop, print) the apology slip of every dossier just apologised to. */
  const printSlips = async () => {
    setBusy(true);
    const next: Outcome[] = [];
    for (const o of outcomes) {
      if (!o.ok || !o.text.startsWith('Phiếu số')) {
        next.push(o);
        continue;
      }
      try {
        const printed = await call('print.render', {
          dossierId: o.dossierId,
          form: 'apology',
          send: api.host === 'desktop',
        });
        next.push({ ...o, pdfPath: printed.pdfPath });
      } catch (err) {
        next.push({ ...o, ok: false, text: `${o.text} Chưa in được: ${toApiError(err).message}` });
      }
    }
    setOutcomes(next);
    setBusy(false);
  };

  const apologised = outcomes.filter((o) => o.ok && o.text.startsWith('Phiếu số'));
  return (
    <Modal
      open={open}
      title={`${CALENDAR_CHANGED_TITLE}: xem lại ngày hẹn trả kết quả`}
      onCancel={onClose}
      width={1100}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onClose}>
            Đóng <Kbd>Esc</Kbd>
          </Button>
          {decides ? (
            <>
              <Button disabled={busy || chosen.length === 0} onClick={keep}>
                Giữ ngày hẹn ({chosen.length})
              </Button>
              <Button
                type="primary"
                disabled={busy || withProposal.length === 0}
                onClick={apologise}
              >
                Xin lỗi và hẹn lại ({withProposal.length})
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Table<CalendarReviewItem>
        size="small"
        rowKey="dossierId"
        loading={items === null && !error}
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={items ?? []}
        aria-label="Hồ sơ có ngày hẹn cần xem lại"
        rowSelection={
          decides
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                // antd names its boxes in English ("Select all", "Select row 1"), whatever the
                // locale
                getTitleCheckboxProps: () => ({ 'aria-label': 'Chọn tất cả hồ sơ' }),
                getCheckboxProps: (r) => ({
                  'aria-label': `Chọn hồ sơ ${r.code ?? r.applicantName}`,
                }),
              }
            : undefined
        }
        locale={{ emptyText: 'Không còn hồ sơ nào cần xem lại ngày hẹn.' }}
        columns={[
          {
            title: 'Mã hồ sơ',
            dataIndex: 'code',
            width: 230,
            render: (c: string | null) => <span className="mono">{c}</span>,
          },
          { title: 'Người nộp', dataIndex: 'applicantName', ellipsis: true },
          {
            title: 'Ngày hẹn đã in',
            width: 290,
            render: (_: unknown, r) => (
              <span>
                <span className="nowrap">{shortTime(r.dueAt)}</span>
                {r.dueOnDayOff ? (
                  <Tag color="volcano" style={{ display: 'table', marginTop: 2 }}>
                    ngày nghỉ: {r.dayOffName}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: 'Tính lại',
            width: 150,
            render: (_: unknown, r) => (
              <span className="nowrap">{shortTime(r.recomputedDueAt)}</span>
            ),
          },
          {
            title: 'Đề xuất hẹn lại',
            width: 170,
            render: (_: unknown, r) =>
              r.proposedDueAt ? (
                shortTime(r.proposedDueAt)
              ) : (
                <em className="muted">giữ ngày hẹn</em>
              ),
          },
        ]}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Text type="secondary">
              Thay đổi trong thời gian giải quyết: {r.changes}
            </Typography.Text>
          ),
        }}
      />
      {decides ? (
        <Input
          style={{ marginTop: 8 }}
          placeholder="Ghi chú khi giữ ngày hẹn (không bắt buộc)"
          aria-label="Ghi chú khi giữ ngày hẹn"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      ) : null}
      {outcomes.length > 0 ? (
        <div style={{ marginTop: 12 }} data-testid="calendar-review-outcomes">
          {outcomes.map((o) => (
            <Alert
              key={o.dossierId}
              type={o.ok ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 4 }}
              title={
                <span>
                  <span className="mono">{o.code}</span>: {o.text}
                  {o.pdfPath ? (
                    <>
                      {' '}
                      Đã lưu <Typography.Text code>{o.pdfPath}</Typography.Text>
                      {api.fileUrl ? (
                        <>
                          {' '}
                          <a href={api.fileUrl(o.pdfPath)} target="_blank" rel="noreferrer">
                            Mở tệp PDF
                          </a>
                        </>
                      ) : null}
                    </>
                  ) : null}
                </span>
              }
            />
          ))}
          {apologised.length > 0 && apologised.some((o) => !o.pdfPath) ? (
            <Button loading={busy} onClick={() => void printSlips()} style={{ marginTop: 4 }}>
              In {apologised.filter((o) => !o.pdfPath).length} phiếu xin lỗi và hẹn lại
            </Button>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
