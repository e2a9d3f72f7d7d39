/**
 * The office settings' rules live once (shared/settings/rules.ts): the contract's settings.update
 * refuses exactly what the core's check refuses, with the same message, for every setting.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settingsPatch } from '../../../shared/api/schemas';
import { parseWithMessages } from '../../../shared/api/issues';
import {
  OPTIONAL_SETTING_KEYS,
  SETTING_KEYS,
  validateSetting,
  type SettingKey,
} from '../../../shared/settings/rules';

/** Values an admin (or a hand-edited request) may send for each setting, good and bad. */
const VALUES: Record<SettingKey, unknown[]> = {
  officeHours: [
    [['07:30', '11:30']],
    [
      ['07:30', '11:30'],
      ['13:30', '17:00'],
    ],
    [['11:30', '07:30']],
    [['7:30', '11:30']],
    [
      ['07:30', '12:00'],
      ['11:00', '17:00'],
    ],
    [],
    '07:30-11:30',
  ],
  workingWeekdays: [[1, 2, 3, 4, 5], [5, 1, 3], [1, 1, 2], [0, 1], [8], [], [1.5], 'T2-T6'],
  dueSoonWorkingDays: [0, 2, 30, 31, -1, 1.5, '2'],
  countingRule: ['next_day_same_time', 'half_day_session', 'eight_hour_day', 'tomorrow', 3],
  calendarDaysDueTime: ['receipt_time', 'end_of_day', 'noon', null],
  paperSize: ['A4', 'A5', 'A3', 'a4'],
  printerName: ['HP LaserJet', '  ', 'x'.repeat(201), 'HP\u0000', 5],
  idleLockMinutes: [1, 10, 240, 0, 241, 2.5],
  lookupUrl: [
    'https://dichvucong.khanhhoa.gov.vn',
    'https://dvc.vn/ho-so/{code}',
    'https://dvc.vn/ho-so/{ma}',
    'ftp://dvc.vn',
    'dichvucong.gov.vn',
    'https://dvc.vn/😀',
    '',
  ],
  hotline: ['0258 1022', '(0258) 3.822.822', '+84 258 1022', '12', 'gọi 1022', '1900😀', ''],
};

const keyAndValue = fc
  .constantFrom(...SETTING_KEYS)
  .chain((key) => fc.tuple(fc.constant(key), fc.constantFrom(...VALUES[key])));

describe('settings rules, one place', () => {
  it('every setting has test values', () => {
    expect(Object.keys(VALUES).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('the contract refuses what the core refuses, with its message (property)', () => {
    fc.assert(
      fc.property(keyAndValue, ([key, value]) => {
        const contract = parseWithMessages(settingsPatch, { [key]: value }, 'Thiết lập');
        const blank =
          OPTIONAL_SETTING_KEYS.has(key) && typeof value === 'string' && value.trim() === '';
        if (value === null || blank) {
          // null, and a blank optional text, put the default back: nothing to check
          expect(contract.ok).toBe(true);
          return;
        }
        const core = validateSetting(key, value);
        expect(contract.ok).toBe(core.ok);
        if (!contract.ok && !core.ok) {
          const [field, message] = Object.entries(contract.error.fields ?? {})[0]!;
          expect(field.split('.')[0]).toBe(key);
          expect(core.message.startsWith(message.replace(/\.$/, ''))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
