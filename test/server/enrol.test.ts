import { expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../server/admin/enrolmentCodes';
import { sha256Hex } from '../../server/auth/secrets';
import {
  bearer,
  describeDrivers,
  DEPARTMENT,
  enrol,
  ONE_STOP,
  seedUnits,
  snapshot,
} from './harness';

describeDrivers('enrolment and device tokens', (bench) => {
  it('enrols a workstation with a one-time code and answers its identity and unit', async () => {
    const b = bench();
    await seedUnits(b.db);
    const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 3 });
    const res = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'Quầy 3' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      unitCode: ONE_STOP,
      workstationNumber: 3,
      unitName: 'Trung tâm Phục vụ hành chính công',
      parentName: 'UBND TỈNH KHÁNH HÒA',
      unitKind: 'one_stop',
    });
    expect(body.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Buffer.from(body.deviceToken, 'base64url')).toHaveLength(32);

    // only hashes are stored: neither the token nor the code appears in the database
    const { rows } = await b.db.query<{ token_hash: string; name: string }>(
      'SELECT token_hash, name FROM devices',
    );
    expect(rows).toEqual([{ token_hash: sha256Hex(body.deviceToken), name: 'Quầy 3' }]);
    const codes = await b.db.query<{ code_hash: string }>('SELECT code_hash FROM enrolment_codes');
    expect(JSON.stringify(codes.rows)).not.toContain(code);
  });

  it('accepts the code typed in lower case, with spaces or without dashes', async () => {
    const b = bench();
    await seedUnits(b.db);
    const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 1 });
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const res = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code: typed, deviceName: 'Quầy 1' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a code used twice (409) and creates no second device', async () => {
    const b = bench();
    await seedUnits(b.db);
    const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 2 });
    const first = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'A' },
    });
    expect(first.statusCode).toBe(200);
    const before = await snapshot(b.db);
    const second = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'B' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({
      error: expect.stringContaining('đã được sử dụng'),
      code: 'code_used',
    });
    expect(await snapshot(b.db)).toEqual(before);
  });

  it('refuses an expired code (410) and an unknown one (404)', async () => {
    const b = bench();
    await seedUnits(b.db);
    const { code } = await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 2 });
    await b.db.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 minute'`);
    const expired = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'A' },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toContain('hết hạn');
    const unknown = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code: 'AAAA-BBBB-CCCC', deviceName: 'A' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toContain('không đúng');
  });

  it('refuses a malformed enrolment request with 400 and a Vietnamese message', async () => {
    const b = bench();
    const res = await b.app.inject({ method: 'POST', url: '/enrol', payload: { code: 42 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain('tên máy');
  });

  it('keeps one live device per workstation number; --replace revokes the old token', async () => {
    const b = bench();
    await seedUnits(b.db);
    const old = await enrol(b, ONE_STOP, 4);

    await expect(issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 4 })).rejects.toThrow(
      /đã được đăng ký/,
    );

    const { code } = await issueEnrolmentCode(b.db, {
      unit: ONE_STOP,
      workstation: 4,
      replace: true,
    });
    const res = await b.app.inject({
      method: 'POST',
      url: '/enrol',
      payload: { code, deviceName: 'Máy mới' },
    });
    expect(res.statusCode).toBe(200);
    const fresh = res.json();
    expect(fresh.workstationNumber).toBe(4);

    const oldCall = await b.app.inject({
      method: 'GET',
      url: '/sync/pull',
      headers: bearer(old.deviceToken),
    });
    expect(oldCall.statusCode).toBe(401);
    const newCall = await b.app.inject({
      method: 'GET',
      url: '/sync/pull',
      headers: bearer(fresh.deviceToken),
    });
    expect(newCall.statusCode).toBe(200);
  });

  it('gives two machines enrolling for the same number at the same moment one device and a clear 409, never a 500', async () => {
    const b = bench();
    await seedUnits(b.db);
    // Two codes for number 5, both issued while it was free (two officers, two machines).
    for (let round = 0; round < 6; round++) {
      await b.db.query('DELETE FROM enrolment_codes');
      await b.db.query('DELETE FROM devices');
      const codes = [];
      for (let i = 0; i < 2; i++)
        codes.push((await issueEnrolmentCode(b.db, { unit: ONE_STOP, workstation: 5 })).code);
      const answers = await Promise.all(
        codes.map((code, i) =>
          b.app.inject({
            method: 'POST',
            url: '/enrol',
            payload: { code, deviceName: `Máy ${i}` },
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
      const refused = answers.find((a) => a.statusCode === 409)!.json();
      expect(refused.code).toBe('workstation_taken');
      expect(refused.error).toMatch(/Máy số 5 của đơn vị đã được đăng ký/);
      const { rows } = await b.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM devices WHERE workstation_number = 5',
      );
      expect(rows[0]!.n).toBe(1);
      // the refused machine's code is not spent: it can still be used with --replace later
      const spent = await b.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM enrolment_codes WHERE used_at IS NOT NULL',
      );
      expect(spent.rows[0]!.n).toBe(1);
    }
  });

  it('answers 401 with a Vietnamese message for a missing, malformed or unknown token', async () => {
    const b = bench();
    await seedUnits(b.db);
    await enrol(b, DEPARTMENT, 1);
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      bearer('x'.repeat(43)),
      bearer('short'),
    ]) {
      for (const url of ['/sync/pull', '/sync/reference', '/backoffice/dossiers']) {
        const res = await b.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json()).toEqual({
          error: expect.stringMatching(/mã xác thực/i),
          code: 'unauthorized',
        });
      }
    }
  });

  it('records when a device was last seen', async () => {
    const b = bench();
    await seedUnits(b.db);
    const device = await enrol(b, ONE_STOP, 1);
    const before = await b.db.query<{ last_seen: Date | null }>('SELECT last_seen FROM devices');
    expect(before.rows[0]?.last_seen).toBeNull();
    await b.app.inject({ method: 'GET', url: '/sync/pull', headers: bearer(device.deviceToken) });
    const after = await b.db.query<{ last_seen: Date | null }>('SELECT last_seen FROM devices');
    expect(after.rows[0]?.last_seen).toBeInstanceOf(Date);
  });
});
