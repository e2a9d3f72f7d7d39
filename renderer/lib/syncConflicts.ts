/**
 * Xung đột đồng bộ on screen: the name the header, the board and the dossier give it, and the
 * head's decisions as the dialog offers them (their words are shared/dossier/conflicts.ts's).
 */
import { CONFLICT_DECISION_LABELS } from '../../shared/dossier/conflicts';
import type { ConflictDecision } from '../../shared/dossier/events';

export const SYNC_CONFLICT_TITLE = 'Xung đột đồng bộ';

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Giữ nguyên kết quả hiện tại". */
export const decisionLabel = (d: ConflictDecision) => upperFirst(CONFLICT_DECISION_LABELS[d]);

/** What each decision does, under its choice. */
export const DECISION_HINTS: Record<ConflictDecision, string> = {
  confirmed:
    'Hồ sơ giữ trạng thái hiện tại; việc bị gác lại vẫn lưu trong quá trình xử lý. Ghi rõ đã xử lý thế nào với công dân.',
  rerecorded: 'Ghi lại việc bị gác lại vào lúc này, nhân danh anh/chị, như khi làm tại quầy.',
  apology: 'Ghi và in Phiếu xin lỗi và hẹn lại ngày trả kết quả, với ngày hẹn mới và lý do.',
};
