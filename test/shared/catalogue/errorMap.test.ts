/**
 * One Vietnamese zod error map (shared/catalogue/issues.ts): the core's contract, the central
 * server's checks and the holiday file all word a generic problem (a wrong type) the same way.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vietnameseErrorMap } from '../../../shared/catalogue/issues';
import { parseWithMessages } from '../../../shared/api/issues';
import { HolidayFileError, loadHolidayFile } from '../../../shared/calendar';
import { checkEvent } from '../../../server/sync/validate';
import { received } from '../../server/fixtures';

/** The map's own wording for an array given a string. */
const NOT_A_LIST = (() => {
  const r = z.array(z.unknown()).safeParse('x', { error: vietnameseErrorMap });
  return r.success ? '' : r.error.issues[0]!.message;
})();

describe('the one Vietnamese error map', () => {
  it('has its own wording (not zod’s locale)', () => {
    expect(NOT_A_LIST).toBe('phải là danh sách […]');
  });

  it('words the core’s contract errors', () => {
    const r = parseWithMessages(z.object({ list: z.array(z.string()) }), { list: 'x' }, 'Dữ liệu');
    expect(r.ok || r.error.fields?.list).toBe(NOT_A_LIST);
  });

  it('words the holiday file’s errors', () => {
    const file = {
      years: {
        '2025': {
          status: 'official',
          holidays: [{ name: 'Tết Dương lịch', dates: ['2025-01-01'] }],
          undecided: 'x',
        },
      },
    };
    expect(() => loadHolidayFile(file)).toThrow(HolidayFileError);
    expect(() => loadHolidayFile(file)).toThrow(`years.2025.undecided: ${NOT_A_LIST}`);
  });

  it('words the central server’s errors on a pushed event', () => {
    const event = received({ deviceId: 'd-1', unitCode: 'H01' }, 'H01-260302-0001');
    const broken = { ...event, payload: { ...event.payload, components: 'x' } };
    const checked = checkEvent(broken);
    expect(checked.ok).toBe(false);
    expect(checked.ok || checked.reason).toContain(`payload.components: ${NOT_A_LIST}`);
  });
});
