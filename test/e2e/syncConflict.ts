/**
 * A sync conflict to show (xung đột đồng bộ, issue 13), for the specs that need one: on Monday
 * 7 December 2026 an officer at Quầy số 1 recorded a withdrawal at 10:05; the sync then brought
 * the return of the result a colleague recorded at Quầy số 2, offline, at 10:04: the return won
 * and the withdrawal was set aside, waiting for the head's decision. Start the host at
 * 2026-12-07T10:30 (CONFLICT_DAY_START).
 */
import { expect } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import {
  applyRemoteEvents,
  listSyncConflicts,
  receiveDossier,
  recordHandover,
  recordResultReady,
  withdraw,
  type DossierContext,
} from '../db/fixtures/intents';
import type { DossierEvent } from '../../shared/dossier/events';
import { burialInput } from '../db/fixtures/dossierFixtures';
import { initializeOffice, OFFICE, type TestHost } from './host';

export const CONFLICT_DAY_START = '2026-12-07T10:30';
export const HEAD = { username: 'lanhdao', fullName: 'Phạm Văn Lãnh', password: 'LanhDao2026' };
export const OFFICER = { username: 'canbo', fullName: 'Lê Thị Cán', password: 'CanBo20260' };
export const COLLEAGUE = { username: 'canbo2', fullName: 'Trần Văn Trả', password: 'CanBo20262' };

export interface SetAsideWithdrawal {
  dossierId: string;
  code: string;
  withdrawalId: string;
}

/** The office, its head and officers, and the dossier whose withdrawal the sync set aside. */
export async function setUpSetAsideWithdrawal(host: TestHost): Promise<SetAsideWithdrawal> {
  await initializeOffice(host);
  await host.core.call('officers.create', { ...HEAD, role: 'head' });
  const officer = await host.core.call('officers.create', { ...OFFICER, role: 'officer' });
  const colleague = await host.core.call('officers.create', { ...COLLEAGUE, role: 'officer' });
  const db = host.core.db;
  const ws = (await host.core.call('workstations.list')).find((w) => w.isLocal)!;
  const otherStation = uuidv7();
  db.prepare(
    "INSERT INTO workstations (id, number, name, is_local, created_at) VALUES (?, 2, 'Quầy số 2', 0, ?)",
  ).run(otherStation, new Date().toISOString());
  const ctx = (hhmm: string): DossierContext => ({
    officerId: officer.id,
    deviceId: ws.id,
    now: `2026-12-07T${hhmm}`,
  });
  const received = receiveDossier(db, ctx('08:00'), burialInput()).dossier;
  const dossierId = received.id;
  recordHandover(db, ctx('08:10'), { dossierId, toUnit: 'Phòng Lao động – Thương binh và Xã hội' });
  recordResultReady(db, ctx('09:30'), { dossierId });
  const withdrawalId = withdraw(db, ctx('10:05'), {
    dossierId,
    reason: 'Công dân xin rút hồ sơ',
  }).eventId;
  // what the sync brings: Quầy số 2 returned the result at 10:04, while it was offline
  const returned: DossierEvent = {
    id: uuidv7(),
    dossierId,
    unitCode: OFFICE.unitCode,
    deviceId: otherStation,
    officerId: colleague.id,
    at: '2026-12-07T10:04',
    recordedAt: new Date().toISOString(),
    type: 'returned',
    payload: { method: 'counter', collectedBy: { name: 'Trần Văn Đức' } },
  };
  applyRemoteEvents(db, [returned]);
  expect(listSyncConflicts(db).map((c) => c.eventId)).toEqual([withdrawalId]);
  return { dossierId, code: received.code!, withdrawalId };
}
