/**
 * The working calendar and due-date engine (lịch làm việc, ngày hẹn trả kết quả).
 * See dueAt.ts for the counting rules and the documented choices.
 */
export {
  CALENDAR_DAYS_DUE_TIME_LABELS,
  CALENDAR_DAYS_DUE_TIMES,
  COUNTING_RULES,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_WORKING_WEEKDAYS,
  type CalendarDaysDueTime,
  type CountingRule,
  type NormalisedWorkCalendarOptions,
  type OfficeHours,
  type OfficeSession,
  type WorkCalendarOptions,
} from './options';
export {
  createWorkCalendar,
  nextWorkingDay,
  nthWorkingDayAfter,
  officeDayLengthMinutes,
  type WorkCalendar,
} from './workCalendar';
export {
  addWorkingMinutes,
  addWorkingMinutesAt,
  normaliseReceivedAt,
  normaliseReceivedAtMinutes,
  workingMinutesBetween,
  workingMinutesBetweenAt,
} from './workingTime';
export {
  checkCutoff,
  checkDuration,
  MAX_DURATION_DAYS,
  MAX_DURATION_HOURS,
  type Duration,
  type DurationUnit,
} from './duration';
export { computeDueAt, computeDueAtMinutes } from './dueAt';
export { applyPauses, pausedWorkingMinutes, type Pause } from './pauses';
export {
  deadlineState,
  dueSoonBoundary,
  DEFAULT_DUE_SOON_WORKING_DAYS,
  type DeadlineInput,
  type DeadlineState,
} from './deadline';
export { dependsOnProvisional } from './provisional';
export {
  countedSettingsFrom,
  countedSettingsRecord,
  countingSettingsOf,
  withCountingSettings,
  type CountingSettings,
} from './countingSettings';
export {
  calendarFromHolidayFile,
  HolidayFileError,
  loadHolidayFile,
  WORKING_DAY_NAME,
  type CalendarYearStatus,
  type HolidayData,
  type OfficeCalendarOptions,
} from './holidayFile';
