/**
 * The top of a dossier: the way back to the board, the code with its deadline and warnings, and
 * the bar of what can be done now (actions, receiving after a counter supplement, reprints).
 */
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '../../components/icons';
import type { DossierDetail, PrintFormName } from '../../../shared/api/schemas';
import { DeadlineTag } from '../../components/DeadlineTag';
import { Kbd } from '../../components/Kbd';
import { FORM_TITLES } from '../../components/PrintDialog';
import { FORM_SHORT, type ActionKind, type ActionSpec } from './actions';

export function DossierHeader({ d, onBack }: { d: DossierDetail; onBack: () => void }) {
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
        {d.conflictCount > 0 ? (
          <Tag color="error">{d.conflictCount} sự kiện đồng bộ không áp dụng được</Tag>
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
  onReprint,
}: {
  d: DossierDetail;
  actions: ActionSpec[];
  /** The slips that can be printed again, the one Ctrl+P reprints first. */
  forms: PrintFormName[];
  onAction: (kind: ActionKind) => void;
  onReceiveAfterSupplement: () => void;
  onReprint: (form: PrintFormName) => void;
}) {
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
        {forms[0] ? (
          <Button icon={<PrinterOutlined />} onClick={() => onReprint(forms[0]!)}>
            In lại {FORM_SHORT[forms[0]]} <Kbd>Ctrl+P</Kbd>
          </Button>
        ) : null}
        {forms.length > 1 ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: forms.slice(1).map((f) => ({ key: f, label: FORM_TITLES[f] })),
              onClick: ({ key }) => onReprint(key as PrintFormName),
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
  );
}
