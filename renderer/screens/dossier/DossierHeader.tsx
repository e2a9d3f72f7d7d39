/**
 * The top of a dossier: the way back to the board, the code with its deadline and warnings, and
 * the bar of what can be done now (actions, receiving after a counter supplement, each slip).
 */
import { Button, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '../../components/icons';
import type { DossierDetail } from '../../../shared/api/schemas';
import { DeadlineTag } from '../../components/DeadlineTag';
import { Kbd } from '../../components/Kbd';
import { PRINT_FORM_INFO, type PrintForm } from '../../../shared/print/forms';
import type { ActionKind, ActionSpec } from './actions';

export function DossierHeader({ d, onBack }: { d: DossierDetail; onBack: () => void }) {
  const openConflicts = d.syncConflicts.filter((c) => c.resolution === null).length;
  return (
    <div className="detail-head">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
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
        {openConflicts > 0 ? (
          <Tag color="error">{openConflicts} xung đột đồng bộ chờ lãnh đạo xử lý</Tag>
        ) : d.conflictCount > 0 ? (
          <Tag>xung đột đồng bộ đã xử lý</Tag>
        ) : null}
      </div>
    </div>
  );
}

export function ActionBar({
  d,
  actions,
  forms,
  onAction,
  onReceiveAfterSupplement,
  onPrint,
}: {
  d: DossierDetail;
  actions: ActionSpec[];
  /** The slips that can be printed, the one Ctrl+P prints first. */
  forms: PrintForm[];
  onAction: (kind: ActionKind) => void;
  onReceiveAfterSupplement: () => void;
  onPrint: (form: PrintForm) => void;
}) {
  const printed = new Set(d.prints.map((p) => p.form));
  return (
    <div className="action-bar">
      <Space wrap>
        {actions.map((a) => (
          <Button key={a.kind} danger={a.danger ?? false} onClick={() => onAction(a.kind)}>
            {a.label} <Kbd>{a.keys}</Kbd>
          </Button>
        ))}
        {d.state === 'supplement_requested' ? (
          <Button type="primary" onClick={onReceiveAfterSupplement}>
            Người nộp đã bổ sung đủ: tiếp nhận hồ sơ <Kbd>Alt+S</Kbd>
          </Button>
        ) : null}
        {/* every slip at hand: "In" the first time, "In lại" (marked so on paper) after */}
        {forms.map((f, i) => (
          <Button
            key={f}
            icon={<PrinterOutlined />}
            data-testid={`print-${f}`}
            onClick={() => onPrint(f)}
          >
            {printed.has(f) ? 'In lại' : 'In'} {PRINT_FORM_INFO[f].short}
            {i === 0 ? <Kbd>Ctrl+P</Kbd> : null}
          </Button>
        ))}
        {actions.length === 0 && d.state !== 'supplement_requested' ? (
          <Typography.Text type="secondary">
            Hồ sơ đã kết thúc: chỉ còn in lại phiếu.
          </Typography.Text>
        ) : null}
      </Space>
    </div>
  );
}
