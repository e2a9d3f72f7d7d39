/** How the sync badge, the sign-out warning and the Dữ liệu tab read a sync status. */
import { describe, expect, it } from 'vitest';
import {
  badgeView,
  eventLabel,
  shortInstant,
  signOutNeedsWarning,
  unsyncedCount,
  unsyncedWarning,
  type RejectedEvent,
  type SyncStatus,
} from '../../renderer/stores/sync';
import { formatBytes, resetWarning } from '../../renderer/screens/settings/dataText';

const refused: RejectedEvent = {
  eventId: '0190c000-0000-7000-8000-000000000001',
  type: 'handed_over',
  dossierId: 'd1',
  dossierCode: '000.00.13.H56-261127-1001',
  code: 'forbidden',
  reason: 'Hồ sơ không thuộc đơn vị của máy này.',
  rejectedAt: '2026-11-27T07:05:00.000Z',
  attempts: 1,
};

function enrolled(p: Partial<Extract<SyncStatus, { configured: true }>> = {}): SyncStatus {
  return {
    configured: true,
    serverUrl: 'http://10.0.0.5:8787',
    unitCode: '000.00.13.H56',
    workstationNumber: 2,
    online: true,
    running: true,
    lastSyncAt: '2026-11-27T07:05:00.000Z',
    lastContactAt: '2026-11-27T07:05:00.000Z',
    lastError: null,
    pendingEvents: 0,
    rejected: [],
    workstationMove: null,
    ...p,
  };
}

const alone = (pendingEvents: number): SyncStatus => ({
  configured: false,
  pendingEvents,
  rejected: [],
});

const NOW = new Date('2026-11-27T08:00:00.000Z');

describe('the badge', () => {
  it('connected: green, the waiting count only when something waits', () => {
    expect(badgeView(enrolled(), NOW)).toEqual({
      tone: 'online',
      label: 'Đã kết nối',
      lastSync: null,
      pending: null,
      refused: 0,
    });
    expect(badgeView(enrolled({ pendingEvents: 1234, rejected: [refused] }), NOW)).toMatchObject({
      pending: '1.234 sự kiện chờ gửi',
      refused: 1,
    });
  });

  it('disconnected: the last successful sync in office time (UTC+7)', () => {
    expect(badgeView(enrolled({ online: false, pendingEvents: 12 }), NOW)).toEqual({
      tone: 'offline',
      label: 'Mất kết nối',
      lastSync: 'Đồng bộ lần cuối: 14:05 27/11',
      pending: '12 sự kiện chờ gửi',
      refused: 0,
    });
    expect(badgeView(enrolled({ online: false, lastSyncAt: null }), NOW).lastSync).toBe(
      'Chưa đồng bộ lần nào',
    );
  });

  it('not enrolled: neutral, nothing said to wait (nothing is sent from there)', () => {
    expect(badgeView(alone(3), NOW)).toEqual({
      tone: 'standalone',
      label: 'Chưa đăng ký đồng bộ',
      lastSync: null,
      pending: null,
      refused: 0,
    });
  });

  it('short times: the year only when it is not this year; the office day after 17:00 UTC', () => {
    expect(shortInstant('2026-11-27T16:59:00Z', NOW)).toBe('23:59 27/11');
    expect(shortInstant('2026-11-27T17:00:00Z', NOW)).toBe('00:00 28/11');
    expect(shortInstant('2025-12-31T07:00:00Z', NOW)).toBe('14:00 31/12/2025');
    expect(shortInstant('không phải thời điểm', NOW)).toBe('');
    expect(shortInstant(null, NOW)).toBe('');
  });
});

describe('refused events', () => {
  it('read as the action they recorded', () => {
    expect(eventLabel('handed_over')).toBe('Bàn giao hồ sơ');
    expect(eventLabel('received')).toBe('Tiếp nhận hồ sơ');
    expect(eventLabel('a_type_from_a_newer_version')).toBe('a_type_from_a_newer_version');
  });
});

describe('the sign-out warning', () => {
  it('only when enrolled and something has not reached the server (as the core)', () => {
    expect(signOutNeedsWarning(null)).toBe(false);
    expect(signOutNeedsWarning(alone(40))).toBe(false);
    expect(signOutNeedsWarning(enrolled())).toBe(false);
    expect(signOutNeedsWarning(enrolled({ pendingEvents: 1 }))).toBe(true);
    expect(signOutNeedsWarning(enrolled({ rejected: [refused] }))).toBe(true);
  });

  it('counts waiting and refused events, and says where the refused ones are handled', () => {
    expect(unsyncedCount(enrolled({ pendingEvents: 2, rejected: [refused] }))).toBe(3);
    expect(unsyncedWarning(enrolled({ pendingEvents: 12 }))).toBe(
      'Còn 12 sự kiện chưa gửi lên máy chủ. Dữ liệu vẫn nằm an toàn trên máy này và sẽ tự gửi khi có kết nối, nhưng đừng tắt máy hoặc xóa dữ liệu. Vẫn đăng xuất?',
    );
    expect(unsyncedWarning(enrolled({ pendingEvents: 2, rejected: [refused] }))).toMatch(
      /^Còn 3 sự kiện chưa gửi lên máy chủ\. Trong đó 1 sự kiện bị máy chủ từ chối: hãy xem ở Cài đặt → Đồng bộ/,
    );
  });

  it("without a count (the lock screen), the core's message leads", () => {
    expect(unsyncedWarning(null, 'Đăng xuất: còn 4 sự kiện hồ sơ chưa gửi.')).toMatch(
      /^Đăng xuất: còn 4 sự kiện hồ sơ chưa gửi\. Dữ liệu vẫn nằm an toàn .* Vẫn đăng xuất\?$/,
    );
  });
});

describe('the Dữ liệu tab', () => {
  it('sizes in binary units with a Vietnamese decimal comma', () => {
    expect(formatBytes(0)).toBe('0 byte');
    expect(formatBytes(1023)).toBe('1.023 byte');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(12_345_678)).toBe('11,8 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5 TB');
    expect(formatBytes(-1)).toBe('');
  });

  it('the reset warns with the count of events that never reached the server', () => {
    const clean = resetWarning(enrolled(), '/data/archive');
    expect(clean).toMatchObject({ title: 'Xóa dữ liệu máy này?', unsynced: 0 });
    expect(clean.content).toContain('/data/archive');
    expect(clean.content).toContain('Mọi sự kiện đã được gửi lên máy chủ.');
    expect(resetWarning(alone(0), '/data/archive').content).not.toContain('máy chủ');

    const waiting = resetWarning(enrolled({ pendingEvents: 4, rejected: [refused] }), '/d/archive');
    expect(waiting.title).toBe('Còn 5 sự kiện chưa gửi lên máy chủ');
    expect(waiting.unsynced).toBe(5);
    expect(waiting.okText).toBe('Vẫn xóa (bỏ 5 sự kiện chưa gửi)');
    expect(waiting.content).toContain('1 sự kiện bị máy chủ từ chối chưa xử lý');
    expect(waiting.content).toContain('máy chủ sẽ không bao giờ nhận được chúng');

    const standalone = resetWarning(alone(7), '/d/archive');
    expect(standalone).toMatchObject({
      title: '7 sự kiện hồ sơ chỉ có trên máy này',
      okText: 'Vẫn xóa dữ liệu máy này',
      unsynced: 7,
    });
    expect(standalone.content).toContain('Hãy sao lưu thư mục dữ liệu trước.');
  });
});
