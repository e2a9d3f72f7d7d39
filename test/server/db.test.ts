import { describe, expect, it } from 'vitest';
import { migrate, DatabaseTooNewError } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations';
import { describeDrivers } from './harness';

describeDrivers('query interface and migrations', (bench) => {
  it('records every migration once in schema_migrations; running again is a no-op', async () => {
    const { db } = bench();
    const again = await migrate(db, MIGRATIONS);
    expect(again).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    const { rows } = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('creates the schema the sync service needs', async () => {
    const { db } = bench();
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'devices',
        'dossier_routes',
        'dossiers',
        'enrolment_codes',
        'events',
        'officers',
        'reference_data',
        'schema_migrations',
        'units',
      ]),
    );
  });

  it('refuses a database migrated by a newer server', async () => {
    const { db } = bench();
    await db.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`);
    try {
      await expect(migrate(db, MIGRATIONS)).rejects.toThrow(DatabaseTooNewError);
      await expect(migrate(db, MIGRATIONS)).rejects.toThrow(/phiên bản mới hơn/);
    } finally {
      await db.query('DELETE FROM schema_migrations WHERE version = 999');
    }
  });

  it('rejects migrations numbered with a gap', async () => {
    const { db } = bench();
    await expect(migrate(db, [{ version: 2, name: 'gap', sql: 'SELECT 1' }])).rejects.toThrow(
      /expected 1/,
    );
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const { db } = bench();
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO units (code, name, parent_name, kind) VALUES ('000.00.01.H01', 'A', 'P', 'one_stop')`,
      );
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO units (code, name, parent_name, kind) VALUES ('000.00.02.H01', 'B', 'P', 'one_stop')`,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ code: string }>('SELECT code FROM units ORDER BY code');
    expect(rows.map((r) => r.code)).toEqual(['000.00.01.H01']);
  });

  it('reads BIGINT as a number, JSONB as an object and timestamptz as a Date on both drivers', async () => {
    const { db } = bench();
    const { rows } = await db.query<{ n: number; j: unknown; t: Date; arr: boolean }>(
      `SELECT 9007199254740991::bigint AS n, $1::jsonb AS j, now() AS t, 'b' = ANY($2::text[]) AS arr`,
      [JSON.stringify({ tên: 'Đơn vị', list: [1, 2] }), ['a', 'b']],
    );
    expect(rows[0]).toMatchObject({
      n: 9007199254740991,
      j: { tên: 'Đơn vị', list: [1, 2] },
      arr: true,
    });
    expect(rows[0]?.t).toBeInstanceOf(Date);
    await expect(db.query('SELECT 9007199254740993::bigint AS n')).rejects.toThrow(/safe integer/);
  });

  it('reports rows touched by a write in rowCount', async () => {
    const { db } = bench();
    const res = await db.query(
      `INSERT INTO units (code, name, parent_name, kind) VALUES ('000.00.01.H01', 'A', 'P', 'one_stop'),
       ('000.00.02.H01', 'B', 'P', 'one_stop')`,
    );
    expect(res.rowCount).toBe(2);
    const upd = await db.query(`UPDATE units SET name = 'C' WHERE code = '000.00.09.H01'`);
    expect(upd.rowCount).toBe(0);
  });

  it('enforces the schema: a unit code must follow QCVN 102, a workstation number must be 1–9', async () => {
    const { db } = bench();
    await expect(
      db.query(
        `INSERT INTO units (code, name, parent_name, kind) VALUES ('H31', 'A', 'P', 'one_stop')`,
      ),
    ).rejects.toThrow();
    await db.query(
      `INSERT INTO units (code, name, parent_name, kind) VALUES ('000.00.01.H01', 'A', 'P', 'one_stop')`,
    );
    await expect(
      db.query(
        `INSERT INTO devices (id, unit_code, workstation_number, name, token_hash)
         VALUES (gen_random_uuid(), '000.00.01.H01', 10, 'x', 'h')`,
      ),
    ).rejects.toThrow();
  });
});

describe('migrations list', () => {
  it('is numbered 1..n', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
