/** The office's use of a procedure, which lifts it in search. */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { isLocalDateTime, type LocalDateTime } from '../../shared/time/wallClock';

export class ProcedureNotFoundError extends Error {
  constructor(readonly procedureId: string) {
    super(
      `Không tìm thấy thủ tục "${procedureId}" trong danh mục. Hãy tải lại danh mục thủ tục rồi chọn lại.`,
    );
    this.name = 'ProcedureNotFoundError';
  }
}

const cache = new WeakMap<Db, Statement<{ id: string; at: string }>>();

/**
 * One more receipt of this procedure at `at` (office-local YYYY-MM-DDTHH:mm). last_used_at only
 * moves forward, so recording an older receipt late does not make the procedure look stale.
 */
export function recordProcedureUse(db: Db, id: string, at: LocalDateTime): void {
  if (!isLocalDateTime(at))
    throw new RangeError(`Thời điểm không hợp lệ: "${at}" (cần dạng YYYY-MM-DDTHH:mm)`);
  let stmt = cache.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `UPDATE procedures
       SET use_count = use_count + 1,
           last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < @at THEN @at ELSE last_used_at END
       WHERE id = @id`,
    );
    cache.set(db, stmt);
  }
  if (stmt.run({ id, at }).changes === 0) throw new ProcedureNotFoundError(id);
}
