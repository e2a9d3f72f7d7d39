/**
 * Reference data from the server, applied in one transaction with its version: the procedure
 * catalogue (through db/catalogue's import), holiday calendar years (db/calendar.ts), office
 * settings (db/settings.ts: the 'default' publication, then the unit's own over it), and the
 * unit's officer accounts (password hashes only; they sign in offline).
 *
 * Calendar years and settings are one calendar change (db/calendarReview.ts): in the same
 * transaction the open dossiers whose appointment it puts in question are flagged, and the change
 * is logged for the header's notice. Stored due times never move.
 *
 * What cannot be applied as sent (a bad setting, a calendar the local rules refuse, a user name
 * already used by a local account) is recorded in sync_reference.problem and skipped: reference
 * data never blocks sync. It is applied again when the server publishes a new version.
 */
import type { Db } from '../open';
import { importCatalogue } from '../catalogue';
import { setCalendarYear } from '../calendar';
import { applyCalendarChange } from '../calendarReview';
import { SETTING_KEYS, updateSettings, type SettingsPatch } from '../settings';
import { replaceHandoverTargets } from '../dossiers/routing';
import { checkText } from '../../shared/text/wellFormed';
import {
  CATALOGUE_KEY,
  DEFAULT_SETTINGS_KEY,
  receivedCalendarYearSchema,
  type ReferenceAnswer,
} from '../../shared/sync/reference';

/** One answer of GET /sync/reference (shared/sync/reference.ts). */
export type ReferenceUpdate = ReferenceAnswer;

export interface ReferenceReport {
  catalogue: { imported: number; updated: number; unchanged: number; rejected: number } | null;
  calendarYears: number[];
  settingsKeys: string[];
  officers: number;
  /** Departments this unit may hand over to, when the list came (null: unchanged). */
  handoverTargets: number | null;
  problems: string[];
}

function remember(
  db: Db,
  kind: string,
  key: string,
  version: number,
  at: string,
  problem: string | null,
) {
  db.prepare(
    `INSERT INTO sync_reference (kind, key, version, applied_at, problem) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at,
       problem = excluded.problem`,
  ).run(kind, key, version, at, problem);
}

function applySettings(db: Db, update: ReferenceUpdate, now: Date, report: ReferenceReport): void {
  if (update.settings.length === 0) return;
  // The default first, the unit's own over it.
  const ordered = [...update.settings].sort((a, b) =>
    a.key === DEFAULT_SETTINGS_KEY
      ? -1
      : b.key === DEFAULT_SETTINGS_KEY
        ? 1
        : a.key.localeCompare(b.key),
  );
  const merged: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const s of ordered) {
    if (typeof s.body !== 'object' || s.body === null || Array.isArray(s.body)) continue;
    for (const [k, v] of Object.entries(s.body)) {
      if ((SETTING_KEYS as readonly string[]).includes(k)) merged[k] = v;
      else if (!ignored.includes(k)) ignored.push(k);
    }
  }
  const problems: string[] = [];
  if (ignored.length > 0) {
    problems.push(`Bỏ qua thiết lập không có ở phiên bản này: ${ignored.join(', ')}.`);
  }
  try {
    updateSettings(db, merged as SettingsPatch, { now });
    report.settingsKeys.push(...Object.keys(merged));
  } catch {
    // One at a time: the good ones are kept, each bad one is named.
    for (const [k, v] of Object.entries(merged)) {
      try {
        updateSettings(db, { [k]: v } as SettingsPatch, { now });
        report.settingsKeys.push(k);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  const at = now.toISOString();
  for (const s of ordered)
    remember(db, 'settings', s.key, s.version, at, problems.join(' ') || null);
  report.problems.push(...problems);
}

function applyOfficers(db: Db, update: ReferenceUpdate, at: string, report: ReferenceReport): void {
  const byId = db.prepare<[string], { id: string }>('SELECT id FROM officers WHERE id = ?');
  const byName = db.prepare<[string], { id: string }>('SELECT id FROM officers WHERE username = ?');
  const updateRow = db.prepare(
    `UPDATE officers SET username = ?, full_name = ?, role = ?, password_hash = ?, active = ?, updated_at = ? WHERE id = ?`,
  );
  const insertRow = db.prepare(
    `INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of update.officers) {
    // The one text rule (shared/text/wellFormed.ts): an account whose name no store or paper
    // can hold is skipped and reported, never applied; the others go on.
    const name = checkText(o.fullName, { printed: true });
    const login = checkText(o.username);
    if (!name.ok || !login.ok) {
      const bad = !name.ok
        ? `họ tên ${name.message}`
        : `tên đăng nhập ${login.ok ? '' : login.message}`;
      const problem = `Tài khoản cán bộ từ máy chủ (mã ${o.id.slice(0, 40)}) không được chép về: ${bad}.`;
      report.problems.push(problem);
      remember(db, 'officer', o.id, o.version, at, problem);
      continue;
    }
    o.fullName = name.value;
    const holder = byName.get(o.username);
    let problem: string | null = null;
    if (holder && holder.id !== o.id) {
      problem =
        `Tên đăng nhập "${o.username}" đã được dùng cho một tài khoản tạo tại máy này; tài khoản cùng tên ` +
        'từ máy chủ không được chép về. Hãy đổi tên tài khoản tại máy hoặc trên máy chủ.';
      report.problems.push(problem);
    } else if (byId.get(o.id)) {
      updateRow.run(o.username, o.fullName, o.role, o.passwordHash, o.active ? 1 : 0, at, o.id);
      report.officers++;
    } else {
      insertRow.run(o.id, o.username, o.fullName, o.role, o.passwordHash, o.active ? 1 : 0, at, at);
      report.officers++;
    }
    remember(db, 'officer', o.id, o.version, at, problem);
  }
}

type HandoverTarget = NonNullable<ReferenceUpdate['handoverTargets']>[number];

/**
 * The departments this unit may hand over to, each text through the one rule: a department
 * whose name no store or paper can hold is left out and reported; the others are offered.
 */
function acceptHandoverTargets(
  targets: HandoverTarget[],
  report: ReferenceReport,
): HandoverTarget[] {
  const fields = [
    ['code', 'mã phòng'],
    ['name', 'tên phòng'],
    ['unitCode', 'mã đơn vị'],
    ['unitName', 'tên đơn vị'],
  ] as const;
  const accepted: HandoverTarget[] = [];
  for (const t of targets) {
    const clean = { ...t };
    let problem: string | null = null;
    for (const [key, label] of fields) {
      const checked = checkText(t[key]);
      if (checked.ok) clean[key] = checked.value;
      else {
        problem ??= `${label} ${checked.message}`;
      }
    }
    if (problem) {
      report.problems.push(
        `Phòng chuyên môn nhận bàn giao từ máy chủ (mã ${t.code.slice(0, 40)}) không được chép về: ${problem}.`,
      );
    } else accepted.push(clean);
  }
  return accepted;
}

/** Apply one answer of GET /sync/reference and store its version, in one transaction. */
export function applyReference(db: Db, update: ReferenceUpdate, now: Date): ReferenceReport {
  const at = now.toISOString();
  const report: ReferenceReport = {
    catalogue: null,
    calendarYears: [],
    settingsKeys: [],
    officers: 0,
    handoverTargets: null,
    problems: [],
  };
  db.transaction(() => {
    if (update.catalogue) {
      let problem: string | null = null;
      try {
        const r = importCatalogue(db, update.catalogue.body, { now });
        report.catalogue = {
          imported: r.imported,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected.length,
        };
        if (r.rejected.length > 0) {
          problem = `${r.rejected.length} thủ tục trong danh mục từ máy chủ không hợp lệ nên không được cập nhật.`;
        }
      } catch (err) {
        problem = `Không cập nhật được danh mục thủ tục từ máy chủ: ${(err as Error).message}`;
      }
      if (problem) report.problems.push(problem);
      remember(db, 'catalogue', CATALOGUE_KEY, update.catalogue.version, at, problem);
    }

    applyCalendarChange(db, { source: 'server', now }, () => {
      for (const cal of update.calendars) {
        let problem: string | null = null;
        const body = receivedCalendarYearSchema.safeParse(cal.body);
        if (!body.success) {
          const issue = body.error.issues[0];
          const where = issue?.path.length ? ` ở ${issue.path.map(String).join('.')}` : '';
          problem = `Lịch nghỉ năm ${cal.year} từ máy chủ không đúng định dạng${where}: ${issue?.message ?? 'không đọc được'}.`;
        } else {
          try {
            setCalendarYear(
              db,
              cal.year,
              {
                status: body.data.status,
                daysOff: body.data.holidays.flatMap((h) =>
                  h.dates.map((date) => ({ date, name: h.name })),
                ),
                workingDays: body.data.workingSaturdays,
              },
              { now },
            );
            report.calendarYears.push(cal.year);
          } catch (err) {
            problem = `Không cập nhật được lịch nghỉ năm ${cal.year}: ${(err as Error).message}`;
          }
        }
        if (problem) report.problems.push(problem);
        remember(db, 'calendar', String(cal.year), cal.version, at, problem);
      }

      applySettings(db, update, now, report);
    });
    applyOfficers(db, update, at, report);
    if (update.handoverTargets) {
      const targets = acceptHandoverTargets(update.handoverTargets, report);
      replaceHandoverTargets(db, targets);
      report.handoverTargets = targets.length;
    }
    db.prepare('UPDATE sync_config SET reference_version = ? WHERE id = 1').run(update.version);
  }).immediate();
  return report;
}
