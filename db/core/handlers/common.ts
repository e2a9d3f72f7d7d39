/** What several areas' handlers need: the dossier context, a dossier by reference, unsent events. */
import { apiError } from '../../../shared/api/errors';
import type { LocalDateTime } from '../../../shared/time/wallClock';
import { getDossier, type DossierContext, type DossierDetail } from '../../dossiers';
import { hasUnsyncedEvents } from '../../sync';
import { localWorkstation } from '../setup';
import type { CoreEnv, Ctx } from './types';

/** Who records a dossier event, on which workstation, when. */
export function dossierCtx(env: CoreEnv, ctx: Ctx): DossierContext {
  const ws = localWorkstation(env.db);
  if (!ws || !ctx.officer) {
    throw apiError(
      'conflict',
      'Máy này chưa được cài đặt làm máy tiếp nhận: hãy hoàn tất cài đặt ban đầu.',
    );
  }
  return { officerId: ctx.officer.id, deviceId: ws.id, now: ctx.local };
}

/** A dossier by id or code; its sync conflicts said to `viewerId` (null: to anyone, as printed). */
export function requireDetail(
  env: CoreEnv,
  ref: string,
  now: LocalDateTime,
  viewerId: string | null = null,
): DossierDetail {
  const detail = getDossier(env.db, ref, { now, viewerId });
  if (!detail) {
    throw apiError(
      'not_found',
      `Không tìm thấy hồ sơ "${ref}" trên máy này: hãy kiểm tra lại mã hồ sơ (dạng 000.00.00.H00-YYMMDD-NNNN).`,
    );
  }
  return detail;
}

/** Refuse an action that would leave unsent events behind unless the officer confirmed it. */
export function refuseWhileUnsynced(env: CoreEnv, action: string): void {
  if (!hasUnsyncedEvents(env.db)) return;
  const s = env.sync.status();
  const waiting = s.pendingEvents + s.rejected.length;
  throw apiError(
    'conflict',
    s.configured
      ? `${action}: còn ${waiting} sự kiện hồ sơ chưa gửi lên máy chủ đồng bộ` +
          `${s.rejected.length ? ` (${s.rejected.length} sự kiện bị máy chủ từ chối)` : ''}. ` +
          'Hãy kết nối mạng và chờ đồng bộ xong, hoặc xác nhận để vẫn tiếp tục.'
      : `${action}: máy này chưa đăng ký đồng bộ nên ${waiting} sự kiện hồ sơ chỉ có trên máy này. ` +
          'Hãy sao lưu thư mục dữ liệu trước, hoặc xác nhận để vẫn tiếp tục (dữ liệu cũ được cất vào thư mục archive).',
  );
}
