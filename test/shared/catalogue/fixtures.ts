/** The shipped sample data, and a few extra real-looking records the sample lacks. */
import { readSeedFile, SEED_DIR } from '../../helpers/seed';

/** The folder of the shipped seed files (build/seed). */
export const DATA_DIR = SEED_DIR;

export const SAMPLE_CATALOGUE_TEXT = readSeedFile('procedures-sample.json');
export const HOLIDAY_FILE_TEXT = readSeedFile('holidays-vn.json');

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
