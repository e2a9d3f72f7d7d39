/** The right column of a dossier: its events in order, and every slip printed for it. */
import { Card, Empty, Tag, Timeline } from 'antd';
import type { DossierDetail } from '../../../shared/api/schemas';
import { instantTime, shortTime } from '../../lib/format';

/** Quá trình xử lý: every event, those a sync conflict kept from applying greyed out. */
export function TimelineCard({ d }: { d: DossierDetail }) {
  return (
    <Card size="small" title="Quá trình xử lý" className="panel">
      <Timeline
        items={d.timeline.map((t) => ({
          key: t.id,
          color: t.applied
            ? t.type === 'refused' || t.type === 'withdrawn'
              ? 'red'
              : t.type === 'appointment_kept'
                ? 'green'
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
  );
}

/** Các lần in phiếu: each print, a reprint marked "Bản in lại". */
export function PrintHistoryCard({ d }: { d: DossierDetail }) {
  return (
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
  );
}
