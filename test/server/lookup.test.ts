import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/http/rateLimit';
import { summariseDossier, type StatusEvent } from '../../server/dossiers/status';
import { describeDrivers, DEPARTMENT, enrol, ONE_STOP, push, seedUnits } from './harness';
import { handedOver, received, withdrawn } from './fixtures';

let clock = 0;
const CODE = '000.00.13.H31-260302-1001';

describeDrivers(
  'GET /lookup/:code',
  (bench) => {
    it('answers the status of a dossier by its code, without any personal data', async () => {
      const b = bench();
      await seedUnits(b.db);
      const a1 = await enrol(b, ONE_STOP, 1);
      const r = received(a1, CODE);
      await push(b, a1.deviceToken, [r, handedOver(a1, DEPARTMENT, { dossierId: r.dossierId })]);
      const res = await b.app.inject({
        method: 'GET',
        url: `/lookup/${CODE}`,
        remoteAddress: '10.0.0.1',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        code: CODE,
        procedureName: 'Thủ tục giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
        receivedAt: '2026-03-02T08:37',
        dueAt: '2026-03-18T08:37',
        status: 'Đang giải quyết',
      });
      for (const secret of ['Trần Văn Bình', '056090001234', '0905123456', 'Lê Lợi'])
        expect(res.body).not.toContain(secret);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('follows the latest events: withdrawn', async () => {
      const b = bench();
      await seedUnits(b.db);
      const a1 = await enrol(b, ONE_STOP, 1);
      const r = received(a1, CODE);
      await push(b, a1.deviceToken, [r, withdrawn(a1, { dossierId: r.dossierId })]);
      const res = await b.app.inject({
        method: 'GET',
        url: `/lookup/${CODE}`,
        remoteAddress: '10.0.0.2',
      });
      expect(res.json().status).toBe('Đã rút hồ sơ');
    });

    it('answers 404 for an unknown code and 400 for a malformed one, in Vietnamese', async () => {
      const b = bench();
      const unknown = await b.app.inject({
        method: 'GET',
        url: `/lookup/000.00.13.H31-260302-9999`,
        remoteAddress: '10.0.0.3',
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toContain('Không tìm thấy hồ sơ');
      const bad = await b.app.inject({
        method: 'GET',
        url: `/lookup/${encodeURIComponent("x' OR 1=1")}`,
        remoteAddress: '10.0.0.3',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toContain('Mã hồ sơ không hợp lệ');
    });

    it('limits each address to 3 lookups a minute here (429 with Retry-After), others unaffected', async () => {
      const b = bench();
      clock = 0;
      const ask = (ip: string) =>
        b.app.inject({ method: 'GET', url: '/lookup/ABC-1', remoteAddress: ip });
      for (let i = 0; i < 3; i++) expect((await ask('10.9.9.9')).statusCode).toBe(404);
      const limited = await ask('10.9.9.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual({
        error: expect.stringContaining('quá nhiều yêu cầu'),
        code: 'rate_limited',
      });
      expect(Number(limited.headers['retry-after'])).toBe(20);
      expect((await ask('10.9.9.10')).statusCode).toBe(404);
      clock += 20_000; // one token back
      expect((await ask('10.9.9.9')).statusCode).toBe(404);
      expect((await ask('10.9.9.9')).statusCode).toBe(429);
    });
  },
  { lookupPerMinute: 3, now: () => clock },
);

describe('RateLimiter', () => {
  it('allows a burst of capacity, then refills continuously', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 30, perMs: 60_000, now: () => now });
    for (let i = 0; i < 30; i++) expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    now += 2_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    now += 60_000;
    for (let i = 0; i < 30; i++) expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('forgets idle addresses when it tracks too many', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perMs: 1000, now: () => now, maxKeys: 10 });
    for (let i = 0; i < 10; i++) limiter.take(`ip${i}`);
    now += 5000;
    limiter.take('fresh');
    expect(limiter.size).toBe(1);
  });
});

describe('summariseDossier', () => {
  const e = (
    type: StatusEvent['type'],
    at: string,
    payload: Record<string, unknown> = {},
    id = at,
  ): StatusEvent => ({
    id,
    type,
    at,
    payload,
  });

  it('folds in (at, id) order whatever the arrival order', () => {
    const events = [
      e('result_ready', '2026-03-05T10:00'),
      e('received', '2026-03-02T08:00', {
        code: 'C-1',
        procedureName: 'P',
        dueAt: '2026-03-10T08:00',
      }),
      e('returned', '2026-03-06T09:00', { method: 'counter' }),
      e('handed_over', '2026-03-02T09:00', { toUnit: 'X' }),
    ];
    expect(summariseDossier(events)).toEqual({
      code: 'C-1',
      procedureName: 'P',
      receivedAt: '2026-03-02T08:00',
      dueAt: '2026-03-10T08:00',
      handedOverAt: '2026-03-02T09:00',
      status: 'returned',
    });
  });

  it('pauses for supplements, moves the due date on apology, ignores printing', () => {
    const base = e('received', '2026-03-02T08:00', {
      code: 'C',
      procedureName: 'P',
      dueAt: '2026-03-10T08:00',
    });
    expect(
      summariseDossier([
        base,
        e('handed_over', '2026-03-02T09:00'),
        e('supplement_requested', '2026-03-03T09:00'),
      ]).status,
    ).toBe('supplement_requested');
    expect(
      summariseDossier([
        base,
        e('handed_over', '2026-03-02T09:00'),
        e('supplement_requested', '2026-03-03T09:00'),
        e('supplement_received', '2026-03-04T09:00'),
      ]).status,
    ).toBe('processing');
    const late = summariseDossier([
      base,
      e('apology_issued', '2026-03-09T08:00', { newDueAt: '2026-03-15T08:00' }),
      e('printed', '2026-03-09T08:01'),
    ]);
    expect(late).toMatchObject({ dueAt: '2026-03-15T08:00', status: 'received' });
  });

  it('takes the procedure of a counter-side supplement request when there is no receipt', () => {
    const s = summariseDossier([
      e('supplement_requested', '2026-03-02T08:00', { procedure: { procedureName: 'Q' } }),
    ]);
    expect(s).toMatchObject({ code: null, procedureName: 'Q', status: 'supplement_requested' });
  });

  it('returns nothing for no events', () => {
    expect(summariseDossier([]).status).toBeNull();
  });
});
