/**
 * Reference files the central admin publishes (catalogue, holiday calendar, settings) reach every
 * workstation: a character no store can hold is refused at publication, saying where it is, and
 * nothing is published (before: PostgreSQL's jsonb failed on a lone surrogate or U+0000 with a raw
 * database error, or a device stored it). The catalogue's codes and names and the holidays' names
 * follow the one text rule the workstations print them with (one line, no emoji), read with the
 * published envelopes of shared/sync/reference.ts.
 */
import { expect, it } from 'vitest';
import { importCatalogue } from '../../server/admin/catalogue';
import { publishCalendar } from '../../server/admin/calendar';
import { publishSettings } from '../../server/admin/settings';
import { AdminError } from '../../server/admin/errors';
import { countRows, describeDrivers, seedUnits } from './harness';

describeDrivers('admin: reference files with bad text', (bench) => {
  it('are refused at publication, naming the place, and publish nothing', async () => {
    const { db } = bench();
    await seedUnits(db);
    const attempts: [Promise<unknown>, RegExp][] = [
      [
        importCatalogue(db, {
          source: { procedures: [{ code: '1.000001', name: 'Thủ tục\ud800' }] },
        }),
        /Danh mục thủ tục không hợp lệ ở procedures\.0\.name: .*U\+D800/,
      ],
      [
        publishCalendar(db, {
          source: { holidays: [{ name: 'Tết\u0000', dates: ['2027-02-06'] }] },
          year: 2027,
        }),
        /Lịch nghỉ lễ không hợp lệ ở holidays\.0\.name: .*U\+0000/,
      ],
      [
        publishSettings(db, { source: { hotline: '1900\uffff' } }),
        /Tệp cấu hình không hợp lệ ở hotline: .*U\+FFFF/,
      ],
      [
        publishSettings(db, { source: { ['k\udc00']: 1 } }),
        /Tệp cấu hình không hợp lệ ở k.: tên trường có ký tự không hợp lệ/,
      ],
      [
        publishSettings(db, {
          source: JSON.parse(`{"deep":${'['.repeat(100)}${']'.repeat(100)}}`),
        }),
        /lồng nhau quá sâu/,
      ],
    ];
    for (const [attempt, message] of attempts) {
      const err = await attempt.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdminError);
      expect((err as Error).message).toMatch(message);
    }
    expect(await countRows(db, 'reference_data')).toBe(0);
  });

  it('hold catalogue and holiday names to the printed text rule: no emoji, one line', async () => {
    const { db } = bench();
    await seedUnits(db);
    const attempts: [Promise<unknown>, RegExp][] = [
      [
        importCatalogue(db, { source: [{ code: '1.000001', name: 'Khai sinh 👶' }] }),
        /Danh mục thủ tục không hợp lệ ở procedures\.0\.name: có biểu tượng "👶".*emoji/,
      ],
      [
        importCatalogue(db, { source: [{ code: '1.000001', name: 'Khai sinh\ncho trẻ' }] }),
        /Danh mục thủ tục không hợp lệ ở procedures\.0\.name: .*dấu xuống dòng.*một dòng/,
      ],
      [
        importCatalogue(db, {
          source: [
            { code: '1.000001', name: 'Khai sinh' },
            { localCode: 'KS\t2', name: 'Khai tử' },
          ],
        }),
        /ở procedures\.1\.localCode: .*dấu tab.*một dòng/,
      ],
      [
        importCatalogue(db, {
          source: [{ code: '1.000001', name: 'Khai sinh', agency: 'UBND 🏛' }],
        }),
        /ở procedures\.0\.agency: có biểu tượng/,
      ],
      [
        publishCalendar(db, {
          source: { holidays: [{ name: 'Tết 🎆', dates: ['2027-02-06'] }] },
          year: 2027,
        }),
        /Lịch nghỉ lễ không hợp lệ ở holidays\.0\.name: có biểu tượng "🎆"/,
      ],
      [
        publishCalendar(db, {
          source: { holidays: [{ name: 'Tết\nNguyên đán', dates: ['2027-02-06'] }] },
          year: 2027,
        }),
        /Lịch nghỉ lễ không hợp lệ ở holidays\.0\.name: .*dấu xuống dòng/,
      ],
    ];
    for (const [attempt, message] of attempts) {
      const err = await attempt.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdminError);
      expect((err as Error).message).toMatch(message);
    }
    expect(await countRows(db, 'reference_data')).toBe(0);

    // What passes is published as the workstations read it: trimmed, in NFC, notes on lines.
    const decomposed = 'Đăng ky\u0301 khai sinh';
    await importCatalogue(db, { source: [{ code: '1.000001', name: ` ${decomposed} ` }] });
    await publishCalendar(db, {
      source: { holidays: [{ name: 'Tết', dates: ['2027-02-06'], note: 'Nghỉ\nbù' }] },
      year: 2027,
    });
    const { rows } = await db.query<{ kind: string; body: unknown }>(
      'SELECT kind, body FROM reference_data ORDER BY version',
    );
    expect(rows).toEqual([
      {
        kind: 'catalogue',
        body: { procedures: [{ code: '1.000001', name: 'Đăng ký khai sinh' }] },
      },
      {
        kind: 'calendar',
        body: expect.objectContaining({
          holidays: [{ name: 'Tết', dates: ['2027-02-06'], note: 'Nghỉ\nbù' }],
        }),
      },
    ]);
  });
});
