/**
 * The notice under the header when sync set aside an event the signed-in officer is part of
 * (xung đột đồng bộ): theirs was not applied because another workstation's action won, or theirs
 * won over someone else's. Each line says what, who, on which workstation and when (the core
 * words it for this officer). A head or an administrator sees every open conflict: the decisions
 * are theirs. Closing it closes those lines for this officer; the dossiers stay in the board's
 * group "Xung đột đồng bộ" until the head decides. Asked every 15 s (a passive call) and at once
 * after a decision made on this screen.
 */
import { Alert, Button } from 'antd';
import type { SyncConflictNotice as Notice } from '../../shared/api/schemas';
import { call } from '../api/client';
import { usePolledNotice } from '../lib/polledNotice';
import { SYNC_CONFLICT_TITLE } from '../lib/syncConflicts';
import { useBoardFilters } from '../stores/boardFilters';
import { useRoute } from '../stores/route';

/** Dispatched on window after a head's decision, so the notice asks at once. */
export const SYNC_CONFLICT_DECIDED_EVENT = 'motcua:sync-conflict-decided';

/** "1 việc anh/chị ghi không được áp dụng; 2 xung đột chờ lãnh đạo đơn vị xử lý". */
function summary(n: Notice, decides: boolean): string {
  const parts: string[] = [];
  if (n.mine > 0) parts.push(`${n.mine} việc anh/chị ghi không được áp dụng`);
  if (n.won > 0) parts.push(`${n.won} việc của người khác bị gác lại vì việc anh/chị ghi`);
  parts.push(
    decides
      ? `${n.open} xung đột chờ anh/chị (lãnh đạo đơn vị) xử lý`
      : `${n.open} xung đột chờ lãnh đạo đơn vị xử lý`,
  );
  return parts.join('; ');
}

const askNotice = () => call('sync.conflictNotice');

export function SyncConflictNotice({ active, decides }: { active: boolean; decides: boolean }) {
  const [notice, setNotice] = usePolledNotice(askNotice, active, SYNC_CONFLICT_DECIDED_EVENT);
  const go = useRoute((s) => s.go);
  const setFilters = useBoardFilters((s) => s.setFilters);

  if (!notice) return null;
  return (
    <Alert
      banner
      type="error"
      data-testid="sync-conflict-notice"
      title={
        <span>
          <strong>{SYNC_CONFLICT_TITLE}</strong>: {summary(notice, decides)}.
        </span>
      }
      description={
        <ul className="conflict-lines">
          {notice.items.map((c) => (
            <li key={c.eventId}>
              <Button
                type="link"
                size="small"
                className="conflict-code"
                onClick={() => go({ screen: 'dossier', id: c.dossierId })}
              >
                Hồ sơ {c.code ?? c.applicantName ?? ''}
              </Button>
              : {c.text}
            </li>
          ))}
        </ul>
      }
      action={
        <Button
          size="small"
          onClick={() => {
            setFilters({ bucket: 'sync_conflict' });
            go({ screen: 'board' });
          }}
        >
          Xem danh sách
        </Button>
      }
      closable={{
        'aria-label': 'Đóng thông báo xung đột đồng bộ',
        onClose: () => {
          setNotice(null);
          const eventIds = notice.items.map((c) => c.eventId);
          void call('sync.dismissConflictNotice', { eventIds }).catch(() => undefined);
        },
      }}
    />
  );
}
