/**
 * The sync badge of the header: connected (green), disconnected (with the last successful sync)
 * or not enrolled (neutral); the events waiting to be sent; a red count of refused events. It
 * opens Cài đặt → Đồng bộ (not enrolled: for the administrator only, who can enrol there).
 */
import type { CSSProperties, ReactNode } from 'react';
import { Tooltip } from 'antd';
import { CloudOutlined, CloudServerOutlined, DisconnectOutlined } from './icons';
import { thousands } from '../lib/format';
import { useRoute } from '../stores/route';
import { badgeView, useSync, type BadgeTone } from '../stores/sync';

export const SYNC_TAB = 'dong-bo';

const TONES: Record<
  BadgeTone,
  { color: string; background: string; border: string; icon: ReactNode }
> = {
  online: { color: '#237804', background: '#f6ffed', border: '#b7eb8f', icon: <CloudOutlined /> },
  offline: {
    color: '#ad4e00',
    background: '#fff7e6',
    border: '#ffd591',
    icon: <DisconnectOutlined />,
  },
  standalone: {
    color: '#595959',
    background: '#fafafa',
    border: '#d9d9d9',
    icon: <CloudServerOutlined />,
  },
};

const pill: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  padding: '2px 10px',
  borderRadius: 4,
  border: '1px solid',
  font: 'inherit',
  fontSize: 13,
  lineHeight: 1.25,
  textAlign: 'left',
  whiteSpace: 'nowrap',
  minWidth: 0,
  overflow: 'hidden',
};

/** One line of the badge: cut with "…" when the header is short of room (the tooltip has it all). */
const line: CSSProperties = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' };

/** The red count of refused events, beside the connection. */
const refusedChip: CSSProperties = {
  marginLeft: 6,
  padding: '0 6px',
  borderRadius: 8,
  fontSize: 11.5,
  color: '#fff',
  background: '#cf1322',
};

/** The second and third lines: the last sync (disconnected), the events waiting. */
const small: CSSProperties = { fontSize: 11.5, lineHeight: 1.2, color: 'rgba(0,0,0,0.7)' };

export function SyncBadge({ isAdmin }: { isAdmin: boolean }) {
  const status = useSync((s) => s.status);
  const go = useRoute((s) => s.go);
  if (!status) return null;
  const view = badgeView(status);
  const tone = TONES[view.tone];
  const open = () => go({ screen: 'settings', tab: SYNC_TAB });
  // Refused events are for everyone to see; enrolment is the administrator's.
  const linked = status.configured || isAdmin || view.refused > 0;
  const where = status.configured
    ? (status.lastError ?? `Máy chủ đồng bộ ${status.serverUrl}`)
    : isAdmin
      ? 'Máy này làm việc độc lập. Bấm để đăng ký với máy chủ đồng bộ.'
      : 'Máy này làm việc độc lập, chưa đăng ký với máy chủ đồng bộ.';
  const refusedText = view.refused > 0 ? `${thousands(view.refused)} bị từ chối` : null;
  // The whole of it, also when a narrow window cuts the badge short.
  const tip = [
    view.label,
    view.lastSync,
    view.pending,
    refusedText ? `${refusedText}: bấm để xem, gửi lại hoặc bỏ qua` : null,
    where,
  ]
    .filter(Boolean)
    .map((text) => <div key={text}>{text}</div>);

  const body = (
    <>
      <span style={{ fontSize: 16, flex: 'none' }}>{tone.icon}</span>
      <span style={{ minWidth: 0 }}>
        <span style={{ ...line, fontWeight: 600 }}>
          {view.label}
          {refusedText ? (
            <span data-testid="sync-refused" style={refusedChip}>
              {refusedText}
            </span>
          ) : null}
        </span>
        {[view.lastSync, view.pending].filter(Boolean).map((text) => (
          <span key={text} style={{ ...line, ...small }}>
            {text}
          </span>
        ))}
      </span>
    </>
  );
  const style: CSSProperties = {
    ...pill,
    color: tone.color,
    background: tone.background,
    borderColor: tone.border,
    cursor: linked ? 'pointer' : 'default',
  };

  return (
    <div
      className="sync-badge"
      data-testid="sync-badge"
      data-tone={view.tone}
      // Shrinks (down to 150 px, lines cut with "…") once the unit name has wrapped (Shell).
      style={{ display: 'flex', flex: '0 1 auto', minWidth: 150 }}
    >
      <Tooltip title={tip}>
        {linked ? (
          <button type="button" style={style} onClick={open}>
            {body}
          </button>
        ) : (
          <span style={style} role="status">
            {body}
          </span>
        )}
      </Tooltip>
    </div>
  );
}
