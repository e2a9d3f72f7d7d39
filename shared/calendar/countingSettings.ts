/**
 * The office's counting settings (office hours, working weekdays, counting rule, due time of
 * calendar days) apart from the days off: what a receipt's due time was counted with, so that it
 * can be counted again the same way under a new holiday calendar.
 *
 * A receipt records them compactly (countedSettingsRecord): only the settings that differ from
 * the defaults, so the usual office adds `"countedWith":{}` to its received events; a missing key
 * reads as its default (countedSettingsFrom).
 */
import {
  DEFAULT_OFFICE_HOURS,
  DEFAULT_WORKING_WEEKDAYS,
  type CalendarDaysDueTime,
  type CountingRule,
  type OfficeHours,
} from './options';
import { createWorkCalendar, type WorkCalendar } from './workCalendar';

export interface CountingSettings {
  officeHours: readonly OfficeHours[];
  workingWeekdays: readonly number[];
  countingRule: CountingRule;
  calendarDaysDueTime: CalendarDaysDueTime;
}

const DEFAULTS: CountingSettings = {
  officeHours: DEFAULT_OFFICE_HOURS,
  workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
  countingRule: 'next_day_same_time',
  calendarDaysDueTime: 'receipt_time',
};

/** The counting settings of a calendar. */
export function countingSettingsOf(cal: WorkCalendar): CountingSettings {
  const o = cal.options;
  return {
    officeHours: o.officeHours,
    workingWeekdays: o.workingWeekdays,
    countingRule: o.countingRule,
    calendarDaysDueTime: o.calendarDaysDueTime,
  };
}

const keyOf = (s: CountingSettings) =>
  `${s.officeHours.map(([a, b]) => `${a}-${b}`).join(',')}|${s.workingWeekdays.join(',')}|${s.countingRule}|${s.calendarDaysDueTime}`;

/** What a receipt records: the settings that differ from the defaults (fresh arrays). */
export function countedSettingsRecord(cal: WorkCalendar): Partial<CountingSettings> {
  const s = countingSettingsOf(cal);
  const out: { -readonly [K in keyof CountingSettings]?: CountingSettings[K] } = {};
  if (keyOf({ ...DEFAULTS, officeHours: s.officeHours }) !== keyOf(DEFAULTS)) {
    out.officeHours = s.officeHours.map(([open, close]) => [open, close] as const);
  }
  if (s.workingWeekdays.join(',') !== DEFAULTS.workingWeekdays.join(',')) {
    out.workingWeekdays = [...s.workingWeekdays];
  }
  if (s.countingRule !== DEFAULTS.countingRule) out.countingRule = s.countingRule;
  if (s.calendarDaysDueTime !== DEFAULTS.calendarDaysDueTime) {
    out.calendarDaysDueTime = s.calendarDaysDueTime;
  }
  return out;
}

/** The settings a record stands for: what it gives, the defaults for the rest. */
export function countedSettingsFrom(record: Partial<CountingSettings>): CountingSettings {
  return {
    officeHours: record.officeHours ?? DEFAULTS.officeHours,
    workingWeekdays: record.workingWeekdays ?? DEFAULTS.workingWeekdays,
    countingRule: record.countingRule ?? DEFAULTS.countingRule,
    calendarDaysDueTime: record.calendarDaysDueTime ?? DEFAULTS.calendarDaysDueTime,
  };
}

const derived = new WeakMap<WorkCalendar, Map<string, WorkCalendar>>();
const ownKeys = new WeakMap<WorkCalendar, string>();

function ownKey(cal: WorkCalendar): string {
  let key = ownKeys.get(cal);
  if (key === undefined) {
    key = keyOf(countingSettingsOf(cal));
    ownKeys.set(cal, key);
  }
  return key;
}

/**
 * `cal`'s days off, swapped working days and provisional years with other counting settings;
 * `cal` itself when they are its own. Built once per calendar and settings. Throws a RangeError
 * (Vietnamese) when the settings are not valid.
 */
export function withCountingSettings(cal: WorkCalendar, settings: CountingSettings): WorkCalendar {
  const key = keyOf(settings);
  if (key === ownKey(cal)) return cal;
  let byKey = derived.get(cal);
  if (!byKey) {
    byKey = new Map();
    derived.set(cal, byKey);
  }
  let out = byKey.get(key);
  if (!out) {
    const o = cal.options;
    out = createWorkCalendar({
      daysOff: o.daysOff,
      extraWorkingDays: o.extraWorkingDays,
      provisionalYears: o.provisionalYears,
      ...(o.knownYears ? { knownYears: o.knownYears } : {}),
      officeHours: settings.officeHours,
      workingWeekdays: settings.workingWeekdays,
      countingRule: settings.countingRule,
      calendarDaysDueTime: settings.calendarDaysDueTime,
    });
    byKey.set(key, out);
  }
  return out;
}
