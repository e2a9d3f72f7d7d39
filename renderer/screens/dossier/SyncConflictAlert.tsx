/**
 * Xung đột đồng bộ on the dossier: each event sync set aside, said in plain Vietnamese (what,
 * who, on which workstation, when, and what won), and for a head the way to decide on it. Until
 * the head decides, the warning stays here and on the control slip. Decided ones say what was
 * decided, by whom and when.
 */
import { Alert, Button } from 'antd';
import type { SyncConflictItem } from '../../../shared/api/schemas';
import { Kbd } from '../../components/Kbd';
import { SYNC_CONFLICT_TITLE } from '../../lib/syncConflicts';

/** A sentence ends with its own mark, or a full stop. */
const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** The key that opens the decision on the first open conflict. */
export const RESOLVE_CONFLICT_KEYS = 'Alt+Y';

export function SyncConflictAlert({
  conflicts,
  decides,
  onResolve,
}: {
  conflicts: readonly SyncConflictItem[];
  /** A head or an administrator: the decisions are theirs. */
  decides: boolean;
  onResolve: (c: SyncConflictItem) => void;
}) {
  const open = conflicts.filter((c) => c.resolution === null);
  const decided = conflicts.filter((c) => c.resolution !== null);
  return (
    <>
      {open.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="sync-conflict-alert"
          style={{ marginBottom: 12 }}
          title={`${SYNC_CONFLICT_TITLE}: ${open.length} việc bị gác lại, chờ lãnh đạo đơn vị xử lý`}
          description={
            <ul className="conflict-lines">
              {open.map((c, i) => (
                <li key={c.eventId}>
                  {c.text}{' '}
                  {decides ? (
                    <Button size="small" type="primary" onClick={() => onResolve(c)}>
                      Xử lý xung đột {i === 0 ? <Kbd>{RESOLVE_CONFLICT_KEYS}</Kbd> : null}
                    </Button>
                  ) : null}
                </li>
              ))}
              {decides ? null : (
                <li>
                  <em>
                    Lãnh đạo đơn vị sẽ quyết định: giữ nguyên kết quả, ghi lại việc bị gác lại, hoặc
                    xin lỗi công dân và hẹn lại.
                  </em>
                </li>
              )}
            </ul>
          }
        />
      ) : null}
      {decided.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="sync-conflict-decided"
          style={{ marginBottom: 12 }}
          title={`${SYNC_CONFLICT_TITLE} đã xử lý`}
          description={
            <ul className="conflict-lines">
              {decided.map((c) => (
                <li key={c.eventId}>
                  {c.text} <strong>{sentence(c.resolution!.text)}</strong>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}
