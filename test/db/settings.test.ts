import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import {
  DEFAULT_SETTINGS,
  getOffice,
  getSettings,
  OfficeError,
  readSettings,
  setOffice,
  SettingsError,
  updateSettings,
  type SettingsPatch,
} from '../../db/settings';
import { openTempDb, type TempDb } from '../helpers/tempDb';

let t: TempDb;
beforeEach(() => {
  t = openTempDb('settings');
});
afterEach(() => t.cleanup());

const storedRows = () => t.db.prepare('SELECT key, value FROM settings ORDER BY key').all();

/** The SettingsError an update throws (fails the test when it does not throw). */
function refusal(patch: unknown): SettingsError {
  try {
    updateSettings(t.db, patch as SettingsPatch);
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsError);
    return err as SettingsError;
  }
  throw new Error(`update was accepted: ${JSON.stringify(patch)}`);
}

describe('settings', () => {
  it('reads the defaults from an empty database', () => {
    expect(getSettings(t.db)).toEqual({
      officeHours: [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
      dueSoonWorkingDays: 2,
      countingRule: 'next_day_same_time',
      calendarDaysDueTime: 'receipt_time',
      paperSize: 'A4',
      printerName: undefined,
      idleLockMinutes: 10,
      lookupUrl: undefined,
      hotline: undefined,
    });
    expect(readSettings(t.db).problems).toEqual([]);
  });

  it('stores valid values, which survive closing the database', () => {
    const updated = updateSettings(t.db, {
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '16:30'],
      ],
      workingWeekdays: [6, 1, 2, 3, 4, 5],
      countingRule: 'half_day_session',
      calendarDaysDueTime: 'end_of_day',
      paperSize: 'A5',
      printerName: '  Canon LBP2900  ',
      lookupUrl: 'https://dichvucong.khanhhoa.gov.vn/tra-cuu/{code}',
      hotline: '0258 3 822 000',
      dueSoonWorkingDays: 3,
      idleLockMinutes: 15,
    });
    expect(updated.workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(updated.printerName).toBe('Canon LBP2900');
    t.db.close();
    const reopened = openDatabase(t.file);
    try {
      expect(getSettings(reopened)).toEqual(updated);
    } finally {
      reopened.close();
    }
  });

  it('refuses bad values with a Vietnamese message naming the setting, and stores nothing', () => {
    expect(refusal({ officeHours: [['11:30', '07:30']] }).message).toBe(
      'Giờ làm việc (officeHours): Giờ làm việc buổi thứ 1: giờ mở cửa 11:30 phải trước giờ đóng cửa 07:30.',
    );
    expect(refusal({ officeHours: [['7:30', '11:30']] }).message).toBe(
      'Giờ làm việc (officeHours): giờ phải có dạng HH:mm, ví dụ 07:30 (mục 1.1).',
    );
    expect(
      refusal({
        officeHours: [
          ['07:30', '11:30'],
          ['11:00', '17:00'],
        ],
      }).message,
    ).toMatch(/^Giờ làm việc \(officeHours\): Giờ làm việc chồng lấn/);
    expect(refusal({ officeHours: [] }).message).toBe(
      'Giờ làm việc (officeHours): cần ít nhất một buổi làm việc.',
    );
    expect(refusal({ workingWeekdays: [0, 1] }).message).toBe(
      'Ngày làm việc trong tuần (workingWeekdays): dùng số từ 1 (thứ Hai) đến 7 (Chủ nhật) (mục 1).',
    );
    expect(refusal({ workingWeekdays: [1, 1] }).message).toBe(
      'Ngày làm việc trong tuần (workingWeekdays): có ngày bị lặp.',
    );
    expect(refusal({ dueSoonWorkingDays: -1 }).message).toBe(
      'Số ngày làm việc cảnh báo sắp đến hạn (dueSoonWorkingDays): không được âm.',
    );
    expect(refusal({ dueSoonWorkingDays: 1.5 }).key).toBe('dueSoonWorkingDays');
    expect(refusal({ countingRule: 'calendar' }).message).toBe(
      'Cách tính thời hạn theo ngày làm việc (countingRule): chỉ nhận next_day_same_time, half_day_session, eight_hour_day.',
    );
    expect(refusal({ calendarDaysDueTime: 'closing' }).message).toBe(
      'Giờ hẹn trả của thời hạn tính theo ngày (calendarDaysDueTime): chỉ nhận receipt_time, end_of_day.',
    );
    expect(refusal({ paperSize: 'A3' }).message).toBe(
      'Khổ giấy in (paperSize): chỉ nhận A4 hoặc A5.',
    );
    expect(refusal({ idleLockMinutes: 0 }).message).toBe(
      'Số phút không thao tác thì khóa màn hình (idleLockMinutes): ít nhất 1 phút.',
    );
    expect(refusal({ idleLockMinutes: '10' }).message).toBe(
      'Số phút không thao tác thì khóa màn hình (idleLockMinutes): phải là số.',
    );
    expect(refusal({ lookupUrl: 'ftp://tra-cuu.gov.vn' }).message).toBe(
      'Địa chỉ trang tra cứu hồ sơ (lookupUrl): phải là địa chỉ web bắt đầu bằng http:// hoặc https://.',
    );
    expect(refusal({ lookupUrl: 'https://dichvucong.khanhhoa.gov.vn/ho-so/{ma}' }).message).toBe(
      'Địa chỉ trang tra cứu hồ sơ (lookupUrl): chỉ dùng {code} (đúng như vậy) để đánh dấu chỗ điền mã hồ sơ.',
    );
    expect(refusal({ hotline: 'gọi số 1022' }).key).toBe('hotline');
    // The one text rule (shared/text/wellFormed.ts), for settings published by the server too.
    expect(refusal({ printerName: 'HP\u0000LaserJet' }).message).toBe(
      'Máy in (printerName): có ký tự không hợp lệ (ký tự rỗng U+0000 ở vị trí thứ 3); hãy gõ lại.',
    );
    expect(refusal({ printerName: 'HP\ud800' }).message).toMatch(
      /^Máy in \(printerName\): có ký tự không hợp lệ \(nửa ký tự bị cắt rời U\+D800/,
    );
    expect(refusal({ lookupUrl: 'https://tra-cuu.gov.vn/\u0000' }).message).toMatch(
      /^Địa chỉ trang tra cứu hồ sơ \(lookupUrl\): có ký tự không hợp lệ \(ký tự rỗng U\+0000/,
    );
    expect(refusal({ hotline: '1022\n1900' }).message).toMatch(
      /^Số điện thoại đường dây nóng \(hotline\): có ký tự không hợp lệ \(dấu xuống dòng ở vị trí thứ 5: ô này chỉ nhận một dòng\)/,
    );
    expect(refusal({ hotline: '1022\u200b1900' }).key).toBe('hotline');
    expect(refusal({ theme: 'dark' }).message).toMatch(/^Không có thiết lập "theme"/);
    // One bad value refuses the whole update.
    expect(refusal({ paperSize: 'A5', idleLockMinutes: -3 }).key).toBe('idleLockMinutes');
    expect(storedRows()).toEqual([]);
    expect(getSettings(t.db).paperSize).toBe('A4');
  });

  it('checks the counting rule against the office hours', () => {
    updateSettings(t.db, {
      officeHours: [
        ['07:00', '09:00'],
        ['09:30', '11:30'],
        ['13:30', '17:00'],
      ],
    });
    const err = refusal({ countingRule: 'half_day_session' });
    expect(err.key).toBe('countingRule');
    expect(err.message).toMatch(
      /^Cách tính thời hạn theo ngày làm việc \(countingRule\): .*cần đúng hai buổi/,
    );
    updateSettings(t.db, { countingRule: 'eight_hour_day' });
    expect(getSettings(t.db).countingRule).toBe('eight_hour_day');
  });

  it('puts a setting back to its default with null, and clears an optional text with a blank', () => {
    updateSettings(t.db, { paperSize: 'A5', printerName: 'HP', hotline: '1022' });
    const after = updateSettings(t.db, { paperSize: null, printerName: '   ', hotline: undefined });
    expect(after).toMatchObject({ paperSize: 'A4', printerName: undefined, hotline: '1022' });
    expect(storedRows()).toEqual([{ key: 'hotline', value: '"1022"' }]);
  });

  it('reads a corrupt stored value as the default and reports it, without failing', () => {
    updateSettings(t.db, { idleLockMinutes: 20 });
    const put = t.db.prepare(
      "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, 'x')",
    );
    put.run('officeHours', '[["07:30", "11:30"');
    put.run('paperSize', '"A3"');
    put.run('someOtherModule.flag', 'not json at all');

    const { settings, problems } = readSettings(t.db);
    expect(settings.officeHours).toEqual(DEFAULT_SETTINGS.officeHours);
    expect(settings.paperSize).toBe('A4');
    expect(settings.idleLockMinutes).toBe(20);
    expect(problems).toEqual([
      {
        key: 'officeHours',
        message:
          'Giờ làm việc: giá trị đã lưu bị hỏng (không đọc được), đang dùng giá trị mặc định. Hãy nhập lại thiết lập này.',
      },
      {
        key: 'paperSize',
        message:
          'Khổ giấy in: giá trị đã lưu không hợp lệ (chỉ nhận A4 hoặc A5), đang dùng giá trị mặc định. Hãy nhập lại thiết lập này.',
      },
    ]);
    expect(() => getSettings(t.db)).not.toThrow();
    // Saving a good value fixes it.
    updateSettings(t.db, { paperSize: 'A5' });
    expect(readSettings(t.db).problems.map((p) => p.key)).toEqual(['officeHours']);
  });

  it('falls back on the counting rule when stored values contradict each other', () => {
    const put = t.db.prepare(
      "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, 'x')",
    );
    put.run('officeHours', JSON.stringify([['07:30', '17:00']]));
    put.run('countingRule', JSON.stringify('half_day_session'));
    const { settings, problems } = readSettings(t.db);
    expect(settings.officeHours).toEqual([['07:30', '17:00']]);
    expect(settings.countingRule).toBe('next_day_same_time');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe('countingRule');
  });

  it('hands out copies: changing a returned object changes nothing stored', () => {
    const s = getSettings(t.db);
    s.officeHours[0]![0] = '00:00';
    s.workingWeekdays.push(7);
    expect(getSettings(t.db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('office identity', () => {
  const office = {
    unitCode: '000.00.13.H31',
    parentName: 'UBND TỈNH KHÁNH HÒA',
    unitName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    placeName: 'Khánh Hòa',
  };

  it('is empty before the first-start setup, then round-trips', () => {
    expect(getOffice(t.db)).toBeNull();
    const saved = setOffice(
      t.db,
      { ...office, unitName: '  TRUNG TÂM   PHỤC VỤ HÀNH CHÍNH CÔNG ' },
      { now: new Date('2026-01-02T03:04:05Z') },
    );
    expect(saved).toEqual({ ...office, createdAt: '2026-01-02T03:04:05.000Z' });
    expect(getOffice(t.db)).toEqual(saved);
  });

  it('keeps the creation time when the office is edited', () => {
    setOffice(t.db, office, { now: new Date('2026-01-02T03:04:05Z') });
    const edited = setOffice(
      t.db,
      { ...office, placeName: 'Nha Trang' },
      { now: new Date('2026-05-01T00:00:00Z') },
    );
    expect(edited).toMatchObject({ placeName: 'Nha Trang', createdAt: '2026-01-02T03:04:05.000Z' });
    expect(t.db.prepare('SELECT count(*) FROM office').pluck().get()).toBe(1);
  });

  it('refuses a malformed unit code or a missing name, saying which field to fix', () => {
    const fail = (input: typeof office) => {
      try {
        setOffice(t.db, input);
      } catch (err) {
        expect(err).toBeInstanceOf(OfficeError);
        return err as OfficeError;
      }
      throw new Error('accepted');
    };
    const lower = fail({ ...office, unitCode: '000.00.13.h31' });
    expect(lower.field).toBe('unitCode');
    expect(lower.message).toMatch(
      /^Mã đơn vị "000.00.13.h31" chưa đúng: chữ cái ở nhóm cuối phải viết hoa/,
    );
    expect(fail({ ...office, unitCode: '000.0.13.H31' }).message).toMatch(
      /nhóm thứ hai "0" phải gồm đúng 2 chữ số/,
    );
    expect(fail({ ...office, parentName: ' ' })).toMatchObject({
      field: 'parentName',
      message: 'Chưa nhập tên cơ quan chủ quản (ví dụ UBND TỈNH KHÁNH HÒA).',
    });
    expect(fail({ ...office, placeName: '' }).field).toBe('placeName');
    expect(fail({ ...office, unitName: 'X'.repeat(201) }).message).toMatch(
      /^Tên quá dài \(201 ký tự, tối đa 200\)/,
    );
    expect(getOffice(t.db)).toBeNull();
  });
});
