/** The deadline colour of a dossier: bucket while in progress, outcome once finished, else its state. */
import { Tag } from 'antd';
import type { DossierSummary } from '../../shared/api/schemas';
import { DEADLINE_COLORS, DEADLINE_LABELS, OUTCOME_COLORS, OUTCOME_LABELS } from '../lib/format';

const STATE_COLORS: Record<string, string> = {
  supplement_requested: 'blue',
  result_ready: 'cyan',
  returned: 'green',
  refused: 'default',
  withdrawn: 'default',
  stopped: 'default',
};

export function DeadlineTag({
  d,
}: {
  d: Pick<DossierSummary, 'deadline' | 'outcome' | 'state' | 'stateLabel'>;
}) {
  if (d.deadline) {
    return (
      <span className="tags">
        {/* paused: what it waits for (Chờ bổ sung, Chờ thực hiện nghĩa vụ tài chính) */}
        <Tag color={DEADLINE_COLORS[d.deadline]}>
          {d.deadline === 'paused' ? d.stateLabel : DEADLINE_LABELS[d.deadline]}
        </Tag>
        {d.deadline !== 'paused' ? <span className="muted small">{d.stateLabel}</span> : null}
      </span>
    );
  }
  return (
    <span className="tags">
      <Tag color={STATE_COLORS[d.state] ?? 'default'}>{d.stateLabel}</Tag>
      {d.outcome ? <Tag color={OUTCOME_COLORS[d.outcome]}>{OUTCOME_LABELS[d.outcome]}</Tag> : null}
    </span>
  );
}
