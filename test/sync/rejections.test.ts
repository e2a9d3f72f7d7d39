/**
 * Events the server refuses never block the others: each is set aside with its reason, shown to
 * the officer, and can be retried or discarded (the discard is logged; the event stays in the
 * local log). Real server, real refusals: a NUL character the server cannot store, an event too
 * large for any batch (413 on its own), and an id the server holds with other content.
 */
import { describe, expect, it } from 'vitest';
import { receiveDossier } from '../db/fixtures/intents';
import {
  discardRejected,
  getSyncStatus,
  hasUnsyncedEvents,
  listRejected,
  retryRejected,
  SyncError,
} from '../../db/sync';
import {
  burial,
  corruptPayload,
  eventIds,
  newStation,
  serverEventIds,
  type Station,
  SYNC_DRIVERS,
  useCentral,
} from './harness';

function eventRow(s: Station, id: string) {
  return s.db
    .prepare<[string], Record<string, string>>(
      'SELECT id, dossier_id, type, at, recorded_at, device_id, officer_id, unit_code, payload FROM dossier_events WHERE id = ?',
    )
    .get(id)!;
}

describe.each(SYNC_DRIVERS)('refused events [$name]', ({ name, skipReason }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
    const central = useCentral(name);

    it('never block the rest; are listed with reasons; can be retried and discarded (logged)', async () => {
      const A = await newStation(central, 1);
      const B = await newStation(central, 2);
      const at = (hhmm: string) => A.ctx(`2026-03-06T${hhmm}`);
      const good1 = receiveDossier(A.db, at('08:00'), burial('Người thứ nhất'));
      // The counter refuses both values below; a faulty device (or an older version) could still
      // hold them in its outbox: written straight into the stored payload.
      const nul = receiveDossier(A.db, at('08:10'), burial('Người có ghi chú hỏng'));
      corruptPayload(A, nul.eventId, (p) => ({ ...p, note: 'Ghi chú\u0000lỗi' }));
      const big = receiveDossier(A.db, at('08:20'), burial('Người có tệp quá lớn'));
      corruptPayload(A, big.eventId, (p) => ({
        ...p,
        components: [
          {
            name: 'Bản scan',
            originals: 1,
            certifiedCopies: 0,
            copies: 0,
            note: 'x'.repeat(1_200_000),
          },
        ],
      }));
      const good2 = receiveDossier(A.db, at('08:30'), burial('Người thứ hai'));
      const clash = receiveDossier(A.db, at('08:40'), burial('Người bị trùng mã sự kiện'));
      const good3 = receiveDossier(A.db, at('08:50'), burial('Người thứ ba'));

      // The server already holds clash's event id with other content (as if another copy of the
      // database had sent a different event under the same id).
      const row = eventRow(A, clash.eventId);
      const token = A.db.prepare<[], { token: string }>('SELECT token FROM sync_config').get()!
        .token;
      const other = {
        id: row.id,
        dossierId: row.dossier_id,
        unitCode: row.unit_code,
        deviceId: row.device_id,
        officerId: row.officer_id,
        at: row.at,
        recordedAt: row.recorded_at,
        type: row.type,
        payload: { ...(JSON.parse(row.payload!) as object), note: 'một nội dung khác' },
      };
      const pre = await fetch(`${central.url}/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: [other] }),
      });
      expect(((await pre.json()) as { accepted: number }).accepted).toBe(1);

      const round = await A.client.syncOnce();
      expect(round.pushed).toMatchObject({ accepted: 3, duplicate: 0, rejected: 3 });
      const rejected = listRejected(A.db);
      expect(rejected.map((r) => [r.eventId, r.type, r.dossierCode, r.code, r.attempts])).toEqual([
        [nul.eventId, 'received', nul.dossier.code, 'invalid', 1],
        [big.eventId, 'received', big.dossier.code, 'too_large', 1],
        [clash.eventId, 'received', clash.dossier.code, 'conflict', 1],
      ]);
      expect(rejected[0]!.reason).toMatch(/ký tự rỗng/);
      expect(rejected[1]!.reason).toMatch(/quá lớn/);
      expect(rejected[2]!.reason).toMatch(/Mã sự kiện đã có trên máy chủ với nội dung khác/);
      const status = getSyncStatus(A.db);
      expect(status).toMatchObject({ configured: true, pending: 0, lastError: null });
      expect(status.rejected).toHaveLength(3);
      expect(hasUnsyncedEvents(A.db)).toBe(true);

      // The good ones went through, and on to the other workstation.
      const onServer = await serverEventIds(central);
      for (const ok of [good1, good2, good3]) expect(onServer).toContain(ok.eventId);
      await B.client.syncOnce();
      for (const ok of [good1, good2, good3, clash]) expect(eventIds(B.db)).toContain(ok.eventId);
      expect(eventIds(B.db)).not.toContain(nul.eventId);

      // Retry: back in the outbox, sent again, refused again.
      retryRejected(A.db, nul.eventId, { officerId: A.officerId });
      expect(getSyncStatus(A.db).pending).toBe(1);
      const again = await A.client.syncOnce();
      expect(again.pushed).toMatchObject({ accepted: 0, rejected: 1 });
      expect(listRejected(A.db).find((r) => r.eventId === nul.eventId)?.attempts).toBe(2);

      // Discard all three: logged with the officer; the events stay in the local log, unsent.
      for (const r of [nul, big, clash]) discardRejected(A.db, r.eventId, A.officerId);
      expect(listRejected(A.db)).toEqual([]);
      expect(hasUnsyncedEvents(A.db)).toBe(false);
      expect(getSyncStatus(A.db).pending).toBe(0);
      expect(
        A.db
          .prepare(
            "SELECT action, officer_id, event_id FROM sync_audit WHERE action <> 'enrol' ORDER BY id",
          )
          .all(),
      ).toEqual([
        { action: 'retry', officer_id: A.officerId, event_id: nul.eventId },
        { action: 'discard', officer_id: A.officerId, event_id: nul.eventId },
        { action: 'discard', officer_id: A.officerId, event_id: big.eventId },
        { action: 'discard', officer_id: A.officerId, event_id: clash.eventId },
      ]);
      for (const id of [nul.eventId, big.eventId, clash.eventId]) {
        expect(A.db.prepare('SELECT synced_at FROM dossier_events WHERE id = ?').get(id)).toEqual({
          synced_at: null,
        });
      }

      // Work goes on: a new event is sent as usual, the discarded ones never again.
      const later = receiveDossier(A.db, at('09:00'), burial('Người thứ tư'));
      const next = await A.client.syncOnce();
      expect(next.pushed).toMatchObject({ accepted: 1, rejected: 0 });
      expect(await serverEventIds(central)).toContain(later.eventId);
    });

    it('retry and discard say what is wrong in Vietnamese', async () => {
      const A = await newStation(central, 1);
      const missing = (() => {
        try {
          retryRejected(A.db, '0190c000-0000-7000-8000-000000000000');
        } catch (e) {
          return e as SyncError;
        }
      })();
      expect(missing).toBeInstanceOf(SyncError);
      expect(missing).toMatchObject({ code: 'not_found' });
      expect(missing!.message).toMatch(/Không có sự kiện bị từ chối/);
      expect(() => discardRejected(A.db, 'x', '')).toThrow(/Cần ghi rõ cán bộ/);
    });
  });
});
