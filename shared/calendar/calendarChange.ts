/**
 * What changed between two versions of the holiday calendar, day by day, and how to say it in
 * Vietnamese: "thêm ngày nghỉ 04/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi); bỏ ngày nghỉ
 * 03/05/2027 (Quốc tế Lao động (nghỉ bù))". Consecutive days of the same kind and name are written
 * as one range.
 */
import { formatShortDate } from '../text/officialDate';
import { parseDate, type LocalDate } from '../time/wallClock';
import { WORKING_DAY_NAME } from './holidayFile';

export type CalendarDayKind = 'day_off' | 'working_day';

/** One special day of the calendar: a day off (holiday, day in lieu) or a swapped working day. */
export interface CalendarDayEntry {
  date: LocalDate;
  kind: CalendarDayKind;
  name: string;
}

/** One day whose kind changed: null is an ordinary day (the weekday rule). */
export interface CalendarDayChange {
  date: LocalDate;
  before: CalendarDayKind | null;
  after: CalendarDayKind | null;
  /** The name it has now, or had before when it was removed. */
  name: string;
}

/** The days whose kind differs between two versions (a renamed day is not a change), by date. */
export function diffCalendarDays(
  before: readonly CalendarDayEntry[],
  after: readonly CalendarDayEntry[],
): CalendarDayChange[] {
  const was = new Map(before.map((d) => [d.date, d]));
  const now = new Map(after.map((d) => [d.date, d]));
  const out: CalendarDayChange[] = [];
  for (const date of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(date);
    const a = now.get(date);
    if (b?.kind === a?.kind) continue;
    out.push({
      date,
      before: b?.kind ?? null,
      after: a?.kind ?? null,
      name: a?.name ?? b?.name ?? '',
    });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * The net change of each day over a sequence of changes, oldest first: a day that went back to
 * what it was is no change.
 */
export function netDayChanges(changes: readonly CalendarDayChange[]): CalendarDayChange[] {
  const first = new Map<LocalDate, CalendarDayChange>();
  const last = new Map<LocalDate, CalendarDayChange>();
  for (const c of changes) {
    if (!first.has(c.date)) first.set(c.date, c);
    last.set(c.date, c);
  }
  const out: CalendarDayChange[] = [];
  for (const [date, f] of first) {
    const l = last.get(date)!;
    if (f.before !== l.after) out.push({ date, before: f.before, after: l.after, name: l.name });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

type Verb = 'thêm ngày nghỉ' | 'bỏ ngày nghỉ' | 'thêm ngày làm bù' | 'bỏ ngày làm bù';

function verbsOf(c: CalendarDayChange): Verb[] {
  const out: Verb[] = [];
  if (c.before === 'day_off') out.push('bỏ ngày nghỉ');
  if (c.before === 'working_day') out.push('bỏ ngày làm bù');
  if (c.after === 'day_off') out.push('thêm ngày nghỉ');
  if (c.after === 'working_day') out.push('thêm ngày làm bù');
  return out;
}

/**
 * "04/02/2027–10/02/2027 (Tết …)" for runs of consecutive dates of the same name; a swapped
 * working day's name is left out when it only says that it is one.
 */
function ranges(days: readonly { date: LocalDate; name: string }[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (
      j + 1 < days.length &&
      days[j + 1]!.name === days[i]!.name &&
      parseDate(days[j + 1]!.date) === parseDate(days[j]!.date) + 1
    ) {
      j++;
    }
    const first = days[i]!;
    const span =
      i === j
        ? formatShortDate(first.date)
        : `${formatShortDate(first.date)}–${formatShortDate(days[j]!.date)}`;
    const named = first.name !== '' && first.name !== WORKING_DAY_NAME;
    out.push(named ? `${span} (${first.name})` : span);
    i = j + 1;
  }
  return out;
}

const VERBS: readonly Verb[] = [
  'thêm ngày nghỉ',
  'bỏ ngày nghỉ',
  'thêm ngày làm bù',
  'bỏ ngày làm bù',
];

/** "thêm ngày nghỉ 04/02/2027–10/02/2027 (Tết Nguyên đán Đinh Mùi); bỏ ngày nghỉ 03/05/2027 (…)". */
export function describeDayChanges(changes: readonly CalendarDayChange[]): string {
  const parts: string[] = [];
  for (const verb of VERBS) {
    const days = changes.filter((c) => verbsOf(c).includes(verb));
    if (days.length > 0) parts.push(`${verb} ${ranges(days).join(', ')}`);
  }
  return parts.join('; ');
}

/** "Tết Nguyên đán Đinh Mùi 04/02/2027–10/02/2027 (ngày nghỉ); 30/01/2027 (ngày làm bù)". */
export function describeCalendarDays(days: readonly CalendarDayEntry[]): string {
  const parts: string[] = [];
  for (const [kind, word] of [
    ['day_off', 'ngày nghỉ'],
    ['working_day', 'ngày làm bù'],
  ] as const) {
    const of = days.filter((d) => d.kind === kind);
    if (of.length > 0) parts.push(`${word} ${ranges(of).join(', ')}`);
  }
  return parts.join('; ');
}
