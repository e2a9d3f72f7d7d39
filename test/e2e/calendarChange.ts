/**
 * The dossiers received under the provisional 2027 calendar, for the specs that show what the Tết
 * decision does to them (lịch nghỉ đã thay đổi): received through the database by the signed-in
 * administrator at this workstation (test/fixtures/calendar2027.ts says each case). Start the host
 * at DECISION_AT, after initializeOffice.
 */
import type { DossierContext } from '../../db/dossiers';
import { receiveCases } from '../fixtures/calendar2027';
import type { TestHost } from './host';

export interface CalendarCaseDossiers {
  /** Each case's dossier id and code, by its key. */
  ids: Map<string, string>;
  codes: Map<string, string>;
}

export async function receiveCalendarCases(host: TestHost): Promise<CalendarCaseDossiers> {
  const me = (await host.core.call('auth.me'))!;
  const ws = (await host.core.call('workstations.list')).find((w) => w.isLocal)!;
  const ctx = (now: string): DossierContext => ({
    officerId: me.officer.id,
    deviceId: ws.id,
    now,
  });
  const ids = receiveCases(host.core.db, ctx);
  const codes = new Map(
    [...ids].map(([key, id]) => [
      key,
      host.core.db
        .prepare<[string], string>('SELECT code FROM dossiers WHERE id = ?')
        .pluck()
        .get(id)!,
    ]),
  );
  return { ids, codes };
}
