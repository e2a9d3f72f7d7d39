/**
 * Office settings (thiết lập của đơn vị) and the office identity.
 *
 * Settings are stored one key per row of `settings`, the value as JSON, validated by zod on the
 * way in and on the way out. A key never set reads as its default. A stored value that no longer
 * validates (hand-edited, written by a broken build) reads as the default for that key and is
 * reported in `problems`: the counter keeps working and the admin sees what to fix. Keys this
 * version does not know are left alone (another version or module may own them).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { DEFAULT_OFFICE_HOURS, DEFAULT_WORKING_WEEKDAYS } from '../shared/calendar';
import { normaliseWorkCalendarOptions } from '../shared/calendar/options';
import { validateUnitCode } from '../shared/dossier/code';
import {
  isSettingKey,
  OPTIONAL_SETTING_KEYS,
  SETTING_LABELS,
  SETTING_KEYS,
  validateSetting,
  type OfficeSettings,
  type SettingKey,
  type SettingsPatch,
} from '../shared/settings/rules';

export {
  SETTING_KEYS,
  SETTING_LABELS,
  type OfficeSettings,
  type SettingKey,
  type SettingsPatch,
} from '../shared/settings/rules';

// ---------------------------------------------------------------------------------------------
// Settings

/** Frozen all the way down; readSettings hands out copies. */
export const DEFAULT_SETTINGS: Readonly<OfficeSettings> = Object.freeze({
  officeHours: Object.freeze(
    DEFAULT_OFFICE_HOURS.map(([open, close]) => Object.freeze([open, close]) as [string, string]),
  ) as [string, string][],
  workingWeekdays: Object.freeze([...DEFAULT_WORKING_WEEKDAYS]) as number[],
  dueSoonWorkingDays: 2,
  countingRule: 'next_day_same_time',
  calendarDaysDueTime: 'receipt_time',
  paperSize: 'A4',
  printerName: undefined,
  idleLockMinutes: 10,
  lookupUrl: undefined,
  hotline: undefined,
});

export class SettingsError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface SettingsProblem {
  key: SettingKey;
  message: string;
}

function defaultOf<K extends SettingKey>(key: K): OfficeSettings[K] {
  return structuredClone(DEFAULT_SETTINGS[key]);
}

/** The one rule across keys: "nhận sáng trả sáng, nhận chiều trả chiều" needs two sessions. */
function crossCheck(s: OfficeSettings): string | null {
  try {
    normaliseWorkCalendarOptions({
      daysOff: [],
      officeHours: s.officeHours,
      workingWeekdays: s.workingWeekdays,
      countingRule: s.countingRule,
    });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

interface SettingsStatements {
  all: Statement<[], { key: string; value: string }>;
  upsert: Statement<[string, string, string]>;
  remove: Statement<[string]>;
}

const settingsCache = new WeakMap<Db, SettingsStatements>();

function settingsStatements(db: Db): SettingsStatements {
  let s = settingsCache.get(db);
  if (!s) {
    s = {
      all: db.prepare('SELECT key, value FROM settings'),
      upsert: db.prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare('DELETE FROM settings WHERE key = ?'),
    };
    settingsCache.set(db, s);
  }
  return s;
}

/** The settings, with the problems met reading them (each such key reads as its default). */
export function readSettings(db: Db): { settings: OfficeSettings; problems: SettingsProblem[] } {
  const settings = structuredClone(DEFAULT_SETTINGS) as OfficeSettings;
  const problems: SettingsProblem[] = [];
  const set = settings as Record<SettingKey, unknown>;
  for (const row of settingsStatements(db).all.all()) {
    if (!isSettingKey(row.key)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(row.value);
    } catch {
      problems.push({
        key: row.key,
        message: `${SETTING_LABELS[row.key]}: giá trị đã lưu bị hỏng (không đọc được), đang dùng giá trị mặc định. Hãy nhập lại thiết lập này.`,
      });
      continue;
    }
    // A blank optional text is no value: the default (as updateSettings stores it: no row).
    if (OPTIONAL_SETTING_KEYS.has(row.key) && typeof raw === 'string' && raw.trim() === '') {
      continue;
    }
    const checked = validateSetting(row.key, raw);
    if (checked.ok) set[row.key] = checked.value;
    else {
      problems.push({
        key: row.key,
        message: `${SETTING_LABELS[row.key]}: giá trị đã lưu không hợp lệ (${checked.message}), đang dùng giá trị mặc định. Hãy nhập lại thiết lập này.`,
      });
    }
  }
  const clash = crossCheck(settings);
  if (clash) {
    settings.countingRule = defaultOf('countingRule');
    problems.push({
      key: 'countingRule',
      message: `${SETTING_LABELS.countingRule}: ${clash} Đang dùng cách tính mặc định.`,
    });
  }
  return { settings, problems };
}

export function getSettings(db: Db): OfficeSettings {
  return readSettings(db).settings;
}

/**
 * Validate and store a partial update in one transaction; null resets a setting to its default.
 * Refuses the whole update with a SettingsError naming the setting when any value is bad.
 * Returns the settings after the update.
 */
export function updateSettings(
  db: Db,
  patch: SettingsPatch,
  opts: { now?: Date } = {},
): OfficeSettings {
  if (typeof patch !== 'object' || patch === null)
    throw new SettingsError('', 'Không có thiết lập nào để lưu.');
  const next = readSettings(db).settings;
  const nextRecord = next as Record<SettingKey, unknown>;
  const writes: { key: SettingKey; value: unknown }[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!isSettingKey(key)) {
      throw new SettingsError(
        key,
        `Không có thiết lập "${key}". Các thiết lập được hỗ trợ: ${SETTING_KEYS.join(', ')}.`,
      );
    }
    if (value === undefined) continue;
    if (
      value === null ||
      (OPTIONAL_SETTING_KEYS.has(key) && typeof value === 'string' && value.trim() === '')
    ) {
      nextRecord[key] = defaultOf(key);
      writes.push({ key, value: null });
      continue;
    }
    const checked = validateSetting(key, value);
    if (!checked.ok)
      throw new SettingsError(key, `${SETTING_LABELS[key]} (${key}): ${checked.message}.`);
    nextRecord[key] = checked.value;
    writes.push({ key, value: checked.value });
  }
  const clash = crossCheck(next);
  if (clash) {
    const key: SettingKey = 'countingRule' in patch ? 'countingRule' : 'officeHours';
    throw new SettingsError(key, `${SETTING_LABELS[key]} (${key}): ${clash}`);
  }
  const now = (opts.now ?? new Date()).toISOString();
  const s = settingsStatements(db);
  db.transaction(() => {
    for (const w of writes) {
      if (w.value === null || w.value === undefined) s.remove.run(w.key);
      else s.upsert.run(w.key, JSON.stringify(w.value), now);
    }
  }).immediate();
  return next;
}

// ---------------------------------------------------------------------------------------------
// Office identity

export interface OfficeInput {
  /** Mã đơn vị, QCVN 102:2016, e.g. 000.00.13.H31. */
  unitCode: string;
  /** Cơ quan chủ quản, e.g. UBND TỈNH KHÁNH HÒA. */
  parentName: string;
  /** e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG. */
  unitName: string;
  /** For the date line "<place>, ngày … tháng … năm …", e.g. Khánh Hòa. */
  placeName: string;
}

export interface Office extends OfficeInput {
  createdAt: string;
}

export class OfficeError extends Error {
  constructor(
    readonly field: keyof OfficeInput,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeError';
  }
}

interface OfficeStatements {
  get: Statement<
    [],
    {
      unit_code: string;
      parent_name: string;
      unit_name: string;
      place_name: string;
      created_at: string;
    }
  >;
  upsert: Statement<[string, string, string, string, string]>;
}

const officeCache = new WeakMap<Db, OfficeStatements>();

function officeStatements(db: Db): OfficeStatements {
  let s = officeCache.get(db);
  if (!s) {
    s = {
      get: db.prepare(
        'SELECT unit_code, parent_name, unit_name, place_name, created_at FROM office WHERE id = 1',
      ),
      upsert: db.prepare(
        `INSERT INTO office (id, unit_code, parent_name, unit_name, place_name, created_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, parent_name = excluded.parent_name,
           unit_name = excluded.unit_name, place_name = excluded.place_name`,
      ),
    };
    officeCache.set(db, s);
  }
  return s;
}

/** The office this database belongs to, or null before the first-start setup. */
export function getOffice(db: Db): Office | null {
  const row = officeStatements(db).get.get();
  if (!row) return null;
  return {
    unitCode: row.unit_code,
    parentName: row.parent_name,
    unitName: row.unit_name,
    placeName: row.place_name,
    createdAt: row.created_at,
  };
}

const OFFICE_TEXT_FIELDS: { field: Exclude<keyof OfficeInput, 'unitCode'>; missing: string }[] = [
  { field: 'parentName', missing: 'Chưa nhập tên cơ quan chủ quản (ví dụ UBND TỈNH KHÁNH HÒA).' },
  { field: 'unitName', missing: 'Chưa nhập tên đơn vị (ví dụ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG).' },
  { field: 'placeName', missing: 'Chưa nhập địa danh ghi ở dòng ngày tháng (ví dụ Khánh Hòa).' },
];

/** Validate and store the office identity; throws OfficeError naming the field to fix. */
export function setOffice(db: Db, input: OfficeInput, opts: { now?: Date } = {}): Office {
  const unitCode = typeof input?.unitCode === 'string' ? input.unitCode.trim() : '';
  const check = validateUnitCode(unitCode);
  if (!check.ok) throw new OfficeError('unitCode', check.message);
  const clean: OfficeInput = { unitCode, parentName: '', unitName: '', placeName: '' };
  for (const { field, missing } of OFFICE_TEXT_FIELDS) {
    const value = typeof input[field] === 'string' ? input[field].trim().replace(/\s+/g, ' ') : '';
    if (!value) throw new OfficeError(field, missing);
    if (value.length > 200)
      throw new OfficeError(
        field,
        `Tên quá dài (${value.length} ký tự, tối đa 200): hãy viết gọn lại.`,
      );
    clean[field] = value;
  }
  officeStatements(db).upsert.run(
    clean.unitCode,
    clean.parentName,
    clean.unitName,
    clean.placeName,
    (opts.now ?? new Date()).toISOString(),
  );
  return getOffice(db)!;
}
