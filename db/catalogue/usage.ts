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

const cache = new WeakMap<Db, Statement<{ id: string; at: string; day: string }>>();

/**
 * One more receipt of this procedure at `at` (office-local YYYY-MM-DDTHH:mm). last_used_at only
 * moves forward, so recording an older receipt late does not make the procedure look stale.
 * The first use of a day first keeps the usage as it stood at that day's start (usage_day,
 * day_start_*: migration 11), which the search ranks by all that day.
 */
export function recordProcedureUse(db: Db, id: string, at: LocalDateTime): void {
  if (!isLocalDateTime(at))
    throw new RangeError(`Thời điểm không hợp lệ: "${at}" (cần dạng YYYY-MM-DDTHH:mm)`);
  let stmt = cache.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `UPDATE procedures
       SET day_start_count = CASE WHEN usage_day IS NULL OR usage_day < @day
                                  THEN use_count ELSE day_start_count END,
           day_start_last_used_at = CASE WHEN usage_day IS NULL OR usage_day < @day
                                         THEN last_used_at ELSE day_start_last_used_at END,
           usage_day = CASE WHEN usage_day IS NULL OR usage_day < @day THEN @day ELSE usage_day END,
           use_count = use_count + 1,
           last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < @at THEN @at ELSE last_used_at END
       WHERE id = @id`,
    );
    cache.set(db, stmt);
  }
  if (stmt.run({ id, at, day: at.slice(0, 10) }).changes === 0)
    throw new ProcedureNotFoundError(id);
}
