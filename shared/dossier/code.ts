/**
 * Mã hồ sơ: `<unit code>-<YYMMDD>-<NNNN>`, e.g. `000.00.53.H48-220921-0099` (TT 01/2018/TT-VPCP
 * art. 19). The unit code follows QCVN 102:2016/BTTTT; YYMMDD is the date of receipt; NNNN the
 * dossier's number among those the unit received that day, from 0001.
 *
 * Numbering without a server (see architecture.md "Dossier codes without a server"): each
 * workstation of a unit has a number 1–9 which is the first digit of NNNN; the other three digits
 * count that workstation's receipts of the day (w001–w999). Two workstations with different
 * numbers can therefore never produce the same code, online or not. Workstation number 0 means
 * "the unit's only workstation" and uses the whole range 0001–9999: it overlaps every other
 * workstation's range, so the central server issues it only to a unit with no other device, and
 * moves it to number 1 when a second one enrols (server/enrolment/numbering.ts); its earlier codes
 * stay its own, and its number-1 codes skip those it minted the same day (db/workstations.ts).
 * The db layer keeps the counter per (workstation, day) and consumes it in the same transaction
 * that stores the dossier; this module is the pure arithmetic.
 */
import { civilFromDays, parseDate } from '../time/wallClock';
import type { LocalDate } from '../time/wallClock';
import { formatShortDate } from '../text/officialDate';

// ---------------------------------------------------------------------------------------------
// Unit code (mã đơn vị, QCVN 102:2016: V1V2V3.Z1Z2.Y1Y2.MX1X2)

export type UnitCodeCheck = { ok: true } | { ok: false; message: string };

const UNIT_CODE_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const UNIT_CODE_RULE = 'Mã đơn vị phải có dạng 000.00.00.H00 (QCVN 102:2016), ví dụ 000.00.13.H31';
const GROUP_NAMES = ['thứ nhất', 'thứ hai', 'thứ ba'] as const;
const GROUP_DIGITS = [3, 2, 2] as const;

/** Why a unit code is malformed, in Vietnamese; null when it is well formed. */
function unitCodeProblem(code: string): string | null {
  if (UNIT_CODE_RE.test(code)) return null;
  if (code.trim() === '') return 'chưa nhập mã đơn vị';
  if (code !== code.trim()) return 'có khoảng trắng thừa ở đầu hoặc cuối';
  if (/\s/.test(code)) return 'không được có khoảng trắng';
  const groups = code.split('.');
  if (groups.length !== 4) {
    return `cần đúng 4 nhóm ngăn cách bởi dấu chấm, mã đã nhập có ${groups.length} nhóm`;
  }
  for (let i = 0; i < 3; i++) {
    const group = groups[i] ?? '';
    const digits = GROUP_DIGITS[i] ?? 0;
    if (!new RegExp(`^\\d{${digits}}$`).test(group)) {
      return `nhóm ${GROUP_NAMES[i]} "${group}" phải gồm đúng ${digits} chữ số`;
    }
  }
  const last = groups[3] ?? '';
  if (/^[a-z]\d{2}$/.test(last)) {
    return `chữ cái ở nhóm cuối phải viết hoa: "${last.toUpperCase()}" chứ không phải "${last}"`;
  }
  return `nhóm cuối "${last}" phải là một chữ cái in hoa và 2 chữ số (H = tỉnh, G = bộ, cơ quan trung ương), ví dụ H31`;
}

/** Check a unit code against QCVN 102:2016; the message says what is wrong and how it should look. */
export function validateUnitCode(code: string): UnitCodeCheck {
  const problem = unitCodeProblem(code);
  if (problem === null) return { ok: true };
  return { ok: false, message: `Mã đơn vị "${code}" chưa đúng: ${problem}. ${UNIT_CODE_RULE}.` };
}

/** Throws an Error with validateUnitCode's message when the code is malformed. */
export function assertUnitCode(code: string): void {
  const check = validateUnitCode(code);
  if (!check.ok) throw new Error(check.message);
}

// ---------------------------------------------------------------------------------------------
// Dossier code

export interface DossierCodeParts {
  unitCode: string;
  /** Date of receipt, 'YYYY-MM-DD'. */
  date: LocalDate;
  /** NNNN, 1..9999. */
  sequence: number;
}

export const MAX_DAILY_SEQUENCE = 9999;

const DOSSIER_CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `formatDossierCode('000.00.53.H48', '2022-09-21', 99)` → `'000.00.53.H48-220921-0099'`.
 * The code keeps only two digits of the year, so the date must lie in 2000–2099 (parseDossierCode
 * reads YY as 20YY).
 */
export function formatDossierCode(
  unitCode: string,
  receivedDate: LocalDate,
  sequence: number,
): string {
  assertUnitCode(unitCode);
  const { y, m, d } = civilFromDays(parseDate(receivedDate));
  if (y < 2000 || y > 2099) {
    throw new RangeError(
      `Ngày tiếp nhận ${formatShortDate(receivedDate)} nằm ngoài khoảng 2000–2099: mã hồ sơ chỉ ghi 2 chữ số cuối của năm.`,
    );
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(
      `Số thứ tự hồ sơ trong ngày phải là số nguyên từ 1 đến ${MAX_DAILY_SEQUENCE}, nhận được ${sequence}.`,
    );
  }
  return `${unitCode}-${pad2(y % 100)}${pad2(m)}${pad2(d)}-${String(sequence).padStart(4, '0')}`;
}

/** The parts of a well-formed dossier code, or null. Exact: no trimming, no case folding. */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const match = DOSSIER_CODE_RE.exec(code);
  if (!match) return null;
  const [, unitCode, yy, mm, dd, nnnn] = match;
  if (unitCode === undefined || nnnn === undefined) return null;
  const date = `20${yy}-${mm}-${dd}`;
  try {
    parseDate(date);
  } catch {
    return null;
  }
  const sequence = Number(nnnn);
  if (sequence < 1) return null;
  return { unitCode, date, sequence };
}

export function isDossierCode(code: string): boolean {
  return parseDossierCode(code) !== null;
}

// ---------------------------------------------------------------------------------------------
// Workstation-safe daily numbering

/** 0 = the unit's only workstation; 1–9 = one of several enrolled workstations. */
export type WorkstationNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** A workstation ran out of dossier numbers for the day. */
export class DossierNumbersExhaustedError extends Error {
  constructor(
    readonly workstationNumber: number,
    readonly capacity: number,
    readonly date: LocalDate | undefined,
  ) {
    const day = date === undefined ? 'hôm nay' : `ngày ${formatShortDate(date)}`;
    super(
      workstationNumber === 0
        ? `Máy tiếp nhận duy nhất của đơn vị (số 0) đã dùng hết ${capacity} số hồ sơ trong ${day}. ` +
            'Không thể cấp thêm mã hồ sơ trong ngày này trên máy số 0; từ ngày làm việc sau, hãy đánh số các máy tiếp nhận từ 1 đến 9.'
        : `Máy tiếp nhận số ${workstationNumber} đã dùng hết ${capacity} số hồ sơ trong ${day}. ` +
            'Hãy tiếp nhận các hồ sơ tiếp theo trên một máy tiếp nhận khác của đơn vị.',
    );
    this.name = 'DossierNumbersExhaustedError';
  }
}

function assertWorkstationNumber(w: number): asserts w is WorkstationNumber {
  if (!Number.isInteger(w) || w < 0 || w > 9) {
    throw new RangeError(
      `Số máy tiếp nhận phải là số nguyên từ 0 đến 9 (0 = đơn vị chỉ có một máy), nhận được ${w}.`,
    );
  }
}

/** How many dossier codes a workstation can issue per day: 999 for 1–9, 9999 for 0. */
export function sequenceCapacity(workstationNumber: number): number {
  assertWorkstationNumber(workstationNumber);
  return workstationNumber === 0 ? MAX_DAILY_SEQUENCE : 999;
}

export interface DailySequenceInput {
  workstationNumber: number;
  /** 1-based: this is the workstation's countToday-th receipt of the day. */
  countToday: number;
  /** The day, only for the message when the numbers run out. */
  date?: LocalDate;
}

/**
 * NNNN for a workstation's countToday-th receipt of the day: w·1000 + count for workstations 1–9
 * (count 1..999), plain count (1..9999) for workstation 0. Throws DossierNumbersExhaustedError
 * past the capacity.
 */
export function dailySequenceNumber({
  workstationNumber,
  countToday,
  date,
}: DailySequenceInput): number {
  const capacity = sequenceCapacity(workstationNumber);
  if (!Number.isInteger(countToday) || countToday < 1) {
    throw new RangeError(
      `Số lượt tiếp nhận trong ngày phải là số nguyên từ 1 trở lên, nhận được ${countToday}.`,
    );
  }
  if (countToday > capacity) {
    throw new DossierNumbersExhaustedError(workstationNumber, capacity, date);
  }
  return workstationNumber * 1000 + countToday;
}

/**
 * Whether a workstation of this number mints this NNNN: any for number 0 (the unit's only
 * workstation), w001–w999 for number w. The server refuses a code a device may not mint.
 */
export function sequenceBelongsTo(workstationNumber: number, sequence: number): boolean {
  assertWorkstationNumber(workstationNumber);
  if (workstationNumber === 0) return sequence >= 1 && sequence <= MAX_DAILY_SEQUENCE;
  return Math.floor(sequence / 1000) === workstationNumber && sequence % 1000 !== 0;
}

/**
 * What the officer of a workstation moved from number `from` (0) to `to` is told, in Vietnamese
 * (customer decision "Workstation 0": its earlier codes stay its own).
 */
export function workstationMoveNotice(from: number, to: number): string {
  return (
    `Máy này đã chuyển từ máy số ${from} thành máy số ${to}, vì đơn vị vừa đăng ký thêm máy ` +
    `tiếp nhận. Từ nay mã hồ sơ mới của máy này có số thứ tự bắt đầu bằng ${to} ` +
    `(${to}001–${to}999 mỗi ngày). Các mã hồ sơ đã cấp trước đây vẫn giữ nguyên, vẫn là của máy ` +
    'này và vẫn tra cứu được.'
  );
}
