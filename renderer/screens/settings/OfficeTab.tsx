/**
 * Đơn vị: the office as the slips print it, the working hours, how periods are counted, and what
 * the Giấy tiếp nhận says about looking a dossier up.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Radio, Row, Space } from 'antd';
import type { Office, Settings } from '../../../shared/api/schemas';
import { LOOKUP_CODE_PLACE } from '../../../shared/dossier/lookupAddress';
import {
  CALENDAR_DAYS_DUE_TIME_LABELS,
  CALENDAR_DAYS_DUE_TIMES,
} from '../../../shared/calendar/options';
import { call, toApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { Kbd } from '../../components/Kbd';
import { parseHours } from '../../lib/format';
import { enterAdvances, useHotkeys } from '../../lib/hotkeys';
import { useSession } from '../../stores/session';
import { NumberField, TextField } from './fields';
import { useLoad } from './useLoad';
import { useNotice } from '../../components/notice';

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

const COUNTING_RULES: { value: Settings['countingRule']; label: string }[] = [
  {
    value: 'next_day_same_time',
    label: 'Tính từ ngày làm việc tiếp theo, hẹn trả đúng giờ tiếp nhận',
  },
  { value: 'half_day_session', label: 'Theo buổi: nhận sáng trả sáng, nhận chiều trả chiều' },
  { value: 'eight_hour_day', label: 'Theo giờ làm việc: 8 giờ làm việc là một ngày' },
];

export function OfficeTab() {
  const message = useNotice();
  const setStatus = useSession((s) => s.setStatus);
  const loadOffice = useCallback(() => call('office.get'), []);
  const loadSettings = useCallback(() => call('settings.get'), []);
  const office = useLoad(loadOffice);
  const settings = useLoad(loadSettings);
  const [o, setO] = useState<Office | null>(null);
  const [s, setS] = useState<Settings | null>(null);
  const [hoursText, setHoursText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (office.data) setO(office.data);
  }, [office.data]);
  useEffect(() => {
    if (settings.data) {
      setS(settings.data.settings);
      setHoursText(settings.data.settings.officeHours.map(([a, b]) => `${a}-${b}`).join(', '));
    }
  }, [settings.data]);

  const save = async () => {
    if (!o || !s || busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    const hours = parseHours(hoursText);
    if (!hours) {
      setErrors({
        officeHours:
          'Giờ làm việc phải có dạng 07:30-11:30, 13:30-17:00 (mỗi buổi một cặp giờ, cách nhau bằng dấu phẩy).',
      });
      setBusy(false);
      return;
    }
    try {
      await call('office.update', {
        parentName: o.parentName,
        unitName: o.unitName,
        unitCode: o.unitCode,
        placeName: o.placeName,
      });
    } catch (err) {
      const e = toApiError(err);
      setErrors(e.fields ?? {});
      setFormError(e.message);
      setBusy(false);
      return;
    }
    try {
      await call('settings.update', {
        officeHours: hours,
        workingWeekdays: s.workingWeekdays,
        dueSoonWorkingDays: s.dueSoonWorkingDays,
        countingRule: s.countingRule,
        calendarDaysDueTime: s.calendarDaysDueTime,
        idleLockMinutes: s.idleLockMinutes,
        lookupUrl: s.lookupUrl ?? null,
        hotline: s.hotline ?? null,
      });
      setStatus(await call('setup.status'));
      void message.success('Đã lưu thông tin đơn vị và thiết lập.');
      await settings.reload();
    } catch (err) {
      const e = toApiError(err);
      setErrors(e.fields ?? {});
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void save() });

  if (office.error || settings.error)
    return <Alert type="error" showIcon title={office.error ?? settings.error} />;
  if (!o || !s) return null;
  const setOffice = (p: Partial<Office>) => setO({ ...o, ...p });
  return (
    <Form layout="vertical" component="div">
      <div data-enter-scope onKeyDown={enterAdvances}>
        {settings.data?.problems.length ? (
          <Alert
            type="warning"
            showIcon
            title="Một số thiết lập đã lưu không hợp lệ và đang dùng giá trị mặc định"
            description={settings.data.problems.map((p) => p.message).join(' ')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Card size="small" title="Thông tin đơn vị (in ở đầu các phiếu)" className="panel">
          <Row gutter={16}>
            <Col span={12}>
              <TextField
                id="office-parentName"
                label="Cơ quan chủ quản"
                error={errors.parentName}
                autoFocus
                value={o.parentName}
                onChange={(parentName) => setOffice({ parentName })}
              />
            </Col>
            <Col span={12}>
              <TextField
                id="office-unitName"
                label="Tên đơn vị"
                error={errors.unitName}
                value={o.unitName}
                onChange={(unitName) => setOffice({ unitName })}
              />
            </Col>
            <Col span={12}>
              <TextField
                id="office-unitCode"
                label="Mã đơn vị"
                error={errors.unitCode}
                hint="Dạng 000.00.00.H00"
                value={o.unitCode}
                status={errors.unitCode ? 'error' : undefined}
                onChange={(unitCode) => setOffice({ unitCode })}
              />
            </Col>
            <Col span={12}>
              <TextField
                id="office-placeName"
                label="Địa danh ở dòng ngày tháng"
                error={errors.placeName}
                value={o.placeName}
                onChange={(placeName) => setOffice({ placeName })}
              />
            </Col>
          </Row>
        </Card>
        <Card size="small" title="Giờ làm việc và cách tính thời hạn" className="panel">
          <Row gutter={16}>
            <Col span={12}>
              <TextField
                id="set-hours"
                label="Các buổi làm việc"
                error={errors.officeHours}
                hint="Ví dụ: 07:30-11:30, 13:30-17:00"
                value={hoursText}
                status={errors.officeHours ? 'error' : undefined}
                onChange={setHoursText}
              />
            </Col>
            <Col span={12}>
              <Field
                label="Ngày làm việc trong tuần"
                error={errors.workingWeekdays}
                htmlFor="set-weekdays"
              >
                <Checkbox.Group
                  value={s.workingWeekdays}
                  options={WEEKDAYS.map((label, i) => ({ label, value: i + 1 }))}
                  onChange={(v) =>
                    setS({ ...s, workingWeekdays: (v as number[]).slice().sort((a, b) => a - b) })
                  }
                />
              </Field>
            </Col>
            <Col span={24}>
              <Field
                label="Cách tính thời hạn theo ngày làm việc"
                error={errors.countingRule}
                htmlFor="set-rule"
              >
                <Radio.Group
                  id="set-rule"
                  value={s.countingRule}
                  onChange={(e) =>
                    setS({ ...s, countingRule: e.target.value as Settings['countingRule'] })
                  }
                >
                  <Space orientation="vertical">
                    {COUNTING_RULES.map((r) => (
                      <Radio key={r.value} value={r.value}>
                        {r.label}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Field>
            </Col>
            <Col span={24}>
              <Field
                label="Thời hạn tính theo ngày (ngày lịch): giờ hẹn trả"
                error={errors.calendarDaysDueTime}
                hint="Ví dụ: tiếp nhận 16:00 thứ Năm, thời hạn 3 ngày, rơi vào Chủ nhật nên hẹn thứ Hai: lúc 16:00, hoặc lúc hết giờ làm việc."
                htmlFor="set-calendar-days"
              >
                <Radio.Group
                  id="set-calendar-days"
                  value={s.calendarDaysDueTime}
                  onChange={(e) =>
                    setS({
                      ...s,
                      calendarDaysDueTime: e.target.value as Settings['calendarDaysDueTime'],
                    })
                  }
                >
                  <Space orientation="vertical">
                    {CALENDAR_DAYS_DUE_TIMES.map((v) => (
                      <Radio key={v} value={v}>
                        {CALENDAR_DAYS_DUE_TIME_LABELS[v]}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Field>
            </Col>
            <Col span={8}>
              <NumberField
                id="set-duesoon"
                label="Cảnh báo sắp đến hạn trước (ngày làm việc)"
                error={errors.dueSoonWorkingDays}
                min={0}
                max={30}
                value={s.dueSoonWorkingDays}
                onChange={(v) => setS({ ...s, dueSoonWorkingDays: Number(v ?? 0) })}
              />
            </Col>
            <Col span={8}>
              <NumberField
                id="set-idle"
                label="Khóa màn hình sau (phút không thao tác)"
                error={errors.idleLockMinutes}
                min={1}
                max={240}
                value={s.idleLockMinutes}
                onChange={(v) => setS({ ...s, idleLockMinutes: Number(v ?? 10) })}
              />
            </Col>
          </Row>
        </Card>
        <Card size="small" title="Thông tin tra cứu in trên Giấy tiếp nhận" className="panel">
          <Row gutter={16}>
            <Col span={12}>
              <TextField
                id="set-lookup"
                label="Trang tra cứu hồ sơ"
                error={errors.lookupUrl}
                hint={`Ví dụ: https://dichvucong.khanhhoa.gov.vn. Ghi ${LOOKUP_CODE_PLACE} vào chỗ của mã hồ sơ (…/ho-so/${LOOKUP_CODE_PLACE}) để mã QR trên giấy tờ mở thẳng hồ sơ đó`}
                value={s.lookupUrl ?? ''}
                onChange={(lookupUrl) => setS({ ...s, lookupUrl })}
              />
            </Col>
            <Col span={12}>
              <TextField
                id="set-hotline"
                label="Đường dây nóng"
                error={errors.hotline}
                value={s.hotline ?? ''}
                onChange={(hotline) => setS({ ...s, hotline })}
              />
            </Col>
          </Row>
        </Card>
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" loading={busy} onClick={() => void save()}>
          Lưu <Kbd>Ctrl+Enter</Kbd>
        </Button>
      </div>
    </Form>
  );
}
