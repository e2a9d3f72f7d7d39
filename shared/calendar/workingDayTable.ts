/**
 * A working-day lookup by day number (days since 1970-01-01), filled lazily in blocks.
 *
 * Rule 7: the working days are the working weekdays, minus the days off, plus the swapped working
 * days (ngày làm bù). The answer for a day is computed once and cached in a Uint8Array covering
 * 1900–2199, so the hot loops of due-date counting are an array read. Days outside that range are
 * computed directly (correct, only slower).
 */
import { daysFromCivil, isoWeekday } from '../time/wallClock';

const BASE_DAY = daysFromCivil(1900, 1, 1);
const END_DAY = daysFromCivil(2200, 1, 1);
const BLOCK_SHIFT = 8; // blocks of 256 days
const BLOCK = 1 << BLOCK_SHIFT;

const UNKNOWN = 0;
const WORKING = 1;
const NOT_WORKING = 2;

export class WorkingDayTable {
  private readonly weekdayMask: number;
  private readonly table = new Uint8Array(END_DAY - BASE_DAY);

  constructor(
    workingWeekdays: readonly number[],
    private readonly daysOff: ReadonlySet<number>,
    private readonly extraWorkingDays: ReadonlySet<number>,
  ) {
    let mask = 0;
    for (const w of workingWeekdays) mask |= 1 << w;
    this.weekdayMask = mask;
  }

  /** The rule itself, uncached. */
  private compute(day: number): boolean {
    if (this.extraWorkingDays.has(day)) return true;
    if (this.daysOff.has(day)) return false;
    return (this.weekdayMask & (1 << isoWeekday(day))) !== 0;
  }

  private fillBlock(block: number): void {
    const start = block << BLOCK_SHIFT;
    const end = Math.min(start + BLOCK, this.table.length);
    for (let i = start; i < end; i++) {
      this.table[i] = this.compute(i + BASE_DAY) ? WORKING : NOT_WORKING;
    }
  }

  isWorking(day: number): boolean {
    const i = day - BASE_DAY;
    if (i < 0 || i >= this.table.length) return this.compute(day);
    const v = this.table[i];
    if (v !== UNKNOWN) return v === WORKING;
    this.fillBlock(i >> BLOCK_SHIFT);
    return this.table[i] === WORKING;
  }
}
