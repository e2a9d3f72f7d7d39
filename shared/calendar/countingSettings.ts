/**
 * The office's counting settings (office hours, working weekdays, counting rule, due time of
 * calendar days) apart from the days off: what a receipt's due time was counted with, so that it
 * can be counted again the same way under a new holiday calendar.
 */
import type { CalendarDaysDueTime, CountingRule, OfficeHours } from './options';
import { createWorkCalendar, type WorkCalendar } from './workCalendar';

export interface CountingSettings {
  officeHours: readonly OfficeHours[];
  workingWeekdays: readonly number[];
  countingRule: CountingRule;
  calendarDaysDueTime: CalendarDaysDueTime;
}

/** The counting settings of a calendar (a fresh object: it may be stored in an event). */
export function countingSettingsOf(cal: WorkCalendar): CountingSettings {
  const o = cal.options;
  return {
    officeHours: o.officeHours.map(([open, close]) => [open, close] as const),
    workingWeekdays: [...o.workingWeekdays],
    countingRule: o.countingRule,
    calendarDaysDueTime: o.calendarDaysDueTime,
  };
}

const keyOf = (s: CountingSettings) =>
  JSON.stringify([s.officeHours, s.workingWeekdays, s.countingRule, s.calendarDaysDueTime]);

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
