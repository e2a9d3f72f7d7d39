/** The shipped sample data, and a few extra real-looking records the sample lacks. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The data folder: data/ in the repo once the app ships it, else the shared workspace copy. */
export const DATA_DIR = (() => {
  const candidates = [resolve(here, '../../../data'), resolve(here, '../../../../shared/data')];
  const dir = candidates.find((d) => existsSync(resolve(d, 'procedures-sample.json')));
  if (!dir) throw new Error(`procedures-sample.json not found in ${candidates.join(', ')}`);
  return dir;
})();

export const SAMPLE_CATALOGUE_TEXT = readFileSync(
  resolve(DATA_DIR, 'procedures-sample.json'),
  'utf8',
);
export const HOLIDAY_FILE_TEXT = readFileSync(resolve(DATA_DIR, 'holidays-vn.json'), 'utf8');

/** A fresh parsed copy of the sample catalogue. */
export function sampleCatalogue(): { about: string; procedures: Record<string, unknown>[] } {
  return JSON.parse(SAMPLE_CATALOGUE_TEXT) as {
    about: string;
    procedures: Record<string, unknown>[];
  };
}

export function holidayFile(): Record<string, unknown> {
  return JSON.parse(HOLIDAY_FILE_TEXT) as Record<string, unknown>;
}

/** A minimal valid record; override what a test is about. */
export function procedure(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: null,
    localCode: null,
    name: 'Thủ tục thử nghiệm',
    field: 'Hộ tịch',
    agency: 'UBND cấp xã',
    channels: ['in_person'],
    durations: [{ case: 'default', value: 5, unit: 'working_days' }],
    fees: [],
    components: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
    result: 'Giấy xác nhận',
    legalBasis: [],
    ...overrides,
  };
}

/** Civil-status records (hộ tịch) with "Đăng ký", which the sample does not have. */
export const CIVIL_STATUS = [
  procedure({ code: '1.001193', name: 'Đăng ký khai sinh', result: 'Giấy khai sinh' }),
  procedure({ code: '1.000894', name: 'Đăng ký kết hôn', result: 'Giấy chứng nhận kết hôn' }),
  procedure({ code: '1.001437', name: 'Đăng ký lại khai sinh', result: 'Giấy khai sinh' }),
  procedure({
    code: '1.004873',
    name: 'Cấp giấy xác nhận tình trạng hôn nhân',
    result: 'Giấy xác nhận',
  }),
];
