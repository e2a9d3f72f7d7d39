/**
 * What every intent needs from the rest of the database: the office (unit code), the local
 * workstation, the officer, and the working calendar (cached per connection).
 */
import type Database from 'better-sqlite3';
import { loadWorkCalendar } from '../calendar';
import { getSettings } from '../settings';
import type { WorkCalendar } from '../../shared/calendar';
import { DEFAULT_DUE_SOON_WORKING_DAYS } from '../../shared/calendar';
import { isLocalDateTime, toOfficeLocal, type LocalDateTime } from '../../shared/time/wallClock';
import { DossierError } from './errors';
import { stmt } from './statements';

/** Who acts, on which workstation, and when (office-local; default: the clock). */
export interface DossierContext {
  officerId: string;
  /** The local workstation's id (workstations.id with is_local = 1). */
  deviceId: string;
  now?: LocalDateTime;
}

export interface LocalWorkstation {
  id: string;
  number: number;
  unitCode: string;
}

/** The office's unit code and this machine's workstation, checked against ctx. */
export function localWorkstation(db: Database.Database, ctx: DossierContext): LocalWorkstation {
  const office = stmt<[], { unit_code: string }>(
    db,
    'SELECT unit_code FROM office WHERE id = 1',
  ).get();
  if (!office) {
    throw new DossierError(
      'not_set_up',
      'Chưa khai báo thông tin đơn vị (mã đơn vị, tên đơn vị): hãy vào Cài đặt → Đơn vị để nhập trước khi tiếp nhận hồ sơ.',
    );
  }
  const ws = stmt<[], { id: string; number: number }>(
    db,
    'SELECT id, number FROM workstations WHERE is_local = 1',
  ).get();
  if (!ws) {
    throw new DossierError(
      'not_set_up',
      'Máy này chưa được đăng ký làm máy tiếp nhận: hãy vào Cài đặt → Máy tiếp nhận để gán số máy (0–9) trước khi tiếp nhận hồ sơ.',
    );
  }
  if (ws.id !== ctx.deviceId) {
    throw new DossierError(
      'not_set_up',
      `Mã máy "${ctx.deviceId}" không phải máy tiếp nhận đã đăng ký trên máy này (số ${ws.number}): hãy khởi động lại phần mềm hoặc đăng ký lại máy tiếp nhận.`,
    );
  }
  const officer = stmt<[string], { active: number }>(
    db,
    'SELECT active FROM officers WHERE id = ?',
  ).get(ctx.officerId);
  if (!officer || officer.active !== 1) {
    throw new DossierError(
      'not_set_up',
      officer
        ? 'Tài khoản cán bộ này đã bị khóa: hãy đăng nhập bằng tài khoản khác hoặc nhờ quản trị mở khóa.'
        : 'Không tìm thấy cán bộ đang đăng nhập trong danh sách cán bộ của đơn vị: hãy đăng nhập lại.',
    );
  }
  return { id: ws.id, number: ws.number, unitCode: office.unit_code };
}

/** ctx.now checked, or the office-local time of the clock. */
export function nowOf(now: LocalDateTime | undefined): LocalDateTime {
  if (now === undefined) return toOfficeLocal(new Date());
  if (!isLocalDateTime(now)) {
    throw new DossierError(
      'invalid_input',
      `Thời điểm "${now}" không hợp lệ: cần dạng YYYY-MM-DDTHH:mm.`,
    );
  }
  return now;
}

// ---------------------------------------------------------------------------------------------
// Working calendar and due-soon setting, cached per connection

interface CalendarEntry {
  fingerprint: string;
  calendar: WorkCalendar;
  dueSoonWorkingDays: number;
}

const calendars = new WeakMap<Database.Database, CalendarEntry>();

/**
 * A cheap summary of what the calendar is built from, so an edit made through any module (or
 * another connection) is seen without a restart: calendar years, days and the settings' values
 * (two edits within the same millisecond must not look alike).
 */
function fingerprint(db: Database.Database): string {
  const row = stmt<[], { f: string }>(
    db,
    `SELECT (SELECT count(*) || ':' || ifnull(max(updated_at), '') || ':' || ifnull(group_concat(status), '') FROM calendar_years)
         || '|' || (SELECT ifnull(group_concat(date || kind, ','), '') FROM (SELECT date, kind FROM calendar_days ORDER BY date))
         || '|' || (SELECT ifnull(group_concat(key || '=' || value, ';'), '') FROM (SELECT key, value FROM settings ORDER BY key)) AS f`,
  ).get();
  return row?.f ?? '';
}

function entry(db: Database.Database): CalendarEntry {
  const f = fingerprint(db);
  const cached = calendars.get(db);
  if (cached && cached.fingerprint === f) return cached;
  const settings = getSettings(db);
  const fresh = {
    fingerprint: f,
    calendar: loadWorkCalendar(db, settings),
    dueSoonWorkingDays: settings.dueSoonWorkingDays ?? DEFAULT_DUE_SOON_WORKING_DAYS,
  };
  calendars.set(db, fresh);
  return fresh;
}

const pinned = new WeakMap<Database.Database, CalendarEntry>();

/**
 * Run `fn` with the calendar checked once: inside it, workCalendar and dueSoonWorkingDays reuse
 * that check instead of looking at the calendar tables again (an intent asks several times).
 */
export function withCalendar<T>(db: Database.Database, fn: () => T): T {
  if (pinned.has(db)) return fn();
  pinned.set(db, entry(db));
  try {
    return fn();
  } finally {
    pinned.delete(db);
  }
}

/** The office's working calendar, built once per connection and rebuilt when its data changes. */
export function workCalendar(db: Database.Database): WorkCalendar {
  return (pinned.get(db) ?? entry(db)).calendar;
}

/** N of "due soon": due by the end of the N-th working day after today (office setting). */
export function dueSoonWorkingDays(db: Database.Database): number {
  return (pinned.get(db) ?? entry(db)).dueSoonWorkingDays;
}

/** Forget the cached calendar (after editing holidays, office hours or the counting rule). */
export function invalidateCalendarCache(db: Database.Database): void {
  calendars.delete(db);
}
