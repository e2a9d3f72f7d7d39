/**
 * First start and this machine's workstation: the office identity, the office hours, the local
 * workstation (máy tiếp nhận, number 0–9, the first digit of its dossier numbers) and the first
 * administrator, written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { getOffice, setOffice, updateSettings, type Office, type OfficeInput } from '../settings';
import { countActiveAdmins, insertOfficer, type OfficerAccount } from '../auth/officers';
import { listCalendarYears } from '../calendar';
import { apiError } from '../../shared/api/errors';

export interface WorkstationRow {
  id: string;
  number: number;
  name: string;
  isLocal: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  number: number;
  name: string;
  is_local: number;
  created_at: string;
}

const toWorkstation = (r: Row): WorkstationRow => ({
  id: r.id,
  number: r.number,
  name: r.name,
  isLocal: r.is_local === 1,
  createdAt: r.created_at,
});

export function listWorkstations(db: Db): WorkstationRow[] {
  return db.prepare<[], Row>('SELECT * FROM workstations ORDER BY number').all().map(toWorkstation);
}

export function localWorkstation(db: Db): WorkstationRow | null {
  const row = db.prepare<[], Row>('SELECT * FROM workstations WHERE is_local = 1').get();
  return row ? toWorkstation(row) : null;
}

const defaultName = (n: number) => `Máy tiếp nhận số ${n}`;

function numberTakenError(number: number, field: string) {
  return apiError(
    'conflict',
    `Số máy ${number} đã được dùng cho một máy tiếp nhận khác của đơn vị: hãy chọn số khác (mỗi máy một số từ 0 đến 9).`,
    { fields: { [field]: `Số máy ${number} đã có máy khác dùng` } },
  );
}

/** Create or change this machine's workstation (inside the caller's transaction when any). */
export function saveLocalWorkstation(
  db: Db,
  input: { number?: number; name?: string },
  now: Date,
  field = 'number',
): WorkstationRow {
  const current = localWorkstation(db);
  const number = input.number ?? current?.number;
  if (number === undefined) {
    throw apiError('validation', 'Chưa chọn số máy tiếp nhận (0–9).', {
      fields: { [field]: 'Chưa chọn số máy' },
    });
  }
  const clash = db
    .prepare<[number], { id: string }>('SELECT id FROM workstations WHERE number = ?')
    .get(number);
  if (clash && clash.id !== current?.id) throw numberTakenError(number, field);
  if (current) {
    const name =
      input.name ??
      (current.name === defaultName(current.number) ? defaultName(number) : current.name);
    db.prepare('UPDATE workstations SET number = ?, name = ? WHERE id = ?').run(
      number,
      name,
      current.id,
    );
  } else {
    db.prepare(
      'INSERT INTO workstations (id, number, name, is_local, created_at) VALUES (?, ?, ?, 1, ?)',
    ).run(randomUUID(), number, input.name ?? defaultName(number), now.toISOString());
  }
  return localWorkstation(db)!;
}

export interface SetupState {
  initialized: boolean;
  office: Office | null;
  workstation: WorkstationRow | null;
  hasAdmin: boolean;
  procedureCount: number;
  calendarYears: { year: number; status: 'official' | 'provisional' }[];
}

export function setupState(db: Db): SetupState {
  const office = getOffice(db);
  const workstation = localWorkstation(db);
  const hasAdmin = countActiveAdmins(db) > 0;
  return {
    initialized: office !== null && workstation !== null && hasAdmin,
    office,
    workstation,
    hasAdmin,
    procedureCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM procedures').get()!.n,
    calendarYears: listCalendarYears(db).map(({ year, status }) => ({ year, status })),
  };
}

export interface InitializeInput {
  office: OfficeInput;
  officeHours: [string, string][];
  workingWeekdays: number[];
  workstation: { number: number; name?: string };
  admin: { username: string; fullName: string; passwordHash: string };
}

/** The whole first-run setup in one transaction; refused once the office is set up. */
export function initializeOffice(
  db: Db,
  input: InitializeInput,
  now: Date,
): { office: Office; workstation: WorkstationRow; admin: OfficerAccount } {
  return db
    .transaction(() => {
      if (setupState(db).initialized) {
        throw apiError(
          'conflict',
          'Đơn vị đã được cài đặt trên máy này. Hãy đăng nhập; muốn sửa thông tin đơn vị, hãy vào Cài đặt → Đơn vị bằng tài khoản quản trị.',
        );
      }
      const office = setOffice(db, input.office, { now });
      updateSettings(
        db,
        { officeHours: input.officeHours, workingWeekdays: input.workingWeekdays },
        { now },
      );
      const workstation = saveLocalWorkstation(db, input.workstation, now, 'workstation.number');
      const admin = insertOfficer(db, { ...input.admin, role: 'admin' }, now);
      return { office, workstation, admin };
    })
    .immediate();
}
