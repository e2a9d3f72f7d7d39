/**
 * Thiết lập ban đầu: the office as printed in the slips' header, its unit code, the place of the
 * date line, office hours and working Saturdays, this workstation's number, the first
 * administrator. Keyboard: Enter moves to the next field, Ctrl+Enter finishes.
 */
import { useState, type ChangeEvent } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { call, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { NumberInput } from '../components/NumberInput';
import { Kbd } from '../components/Kbd';
import { enterAdvances, useHotkeys } from '../lib/hotkeys';
import { useSession } from '../stores/session';

export interface SetupForm {
  parentName: string;
  unitName: string;
  unitCode: string;
  placeName: string;
  morningFrom: string;
  morningTo: string;
  afternoon: boolean;
  afternoonFrom: string;
  afternoonTo: string;
  workingSaturdays: boolean;
  workstationNumber: number | null;
  workstationName: string;
  adminFullName: string;
  adminUsername: string;
  adminPassword: string;
  adminPassword2: string;
}

const initial: SetupForm = {
  parentName: '',
  unitName: '',
  unitCode: '',
  placeName: '',
  morningFrom: '07:30',
  morningTo: '11:30',
  afternoon: true,
  afternoonFrom: '13:30',
  afternoonTo: '17:00',
  workingSaturdays: false,
  workstationNumber: 1,
  workstationName: '',
  adminFullName: '',
  adminUsername: '',
  adminPassword: '',
  adminPassword2: '',
};

/** API field paths → this form's fields. */
const API_FIELDS: Record<string, keyof SetupForm> = {
  'office.parentName': 'parentName',
  'office.unitName': 'unitName',
  'office.unitCode': 'unitCode',
  'office.placeName': 'placeName',
  officeHours: 'morningFrom',
  'officeHours.0': 'morningFrom',
  'officeHours.0.0': 'morningFrom',
  'officeHours.0.1': 'morningTo',
  'officeHours.1': 'afternoonFrom',
  'officeHours.1.0': 'afternoonFrom',
  'officeHours.1.1': 'afternoonTo',
  'workstation.number': 'workstationNumber',
  'workstation.name': 'workstationName',
  'admin.fullName': 'adminFullName',
  'admin.username': 'adminUsername',
  'admin.password': 'adminPassword',
};

/**
 * What only the form can check: the password typed twice. Everything else (the unit code against
 * QCVN 102:2016, hours, names) is checked by the core, whose messages are shown on the fields.
 */
export function checkSetupForm(f: SetupForm): Partial<Record<keyof SetupForm, string>> {
  const e: Partial<Record<keyof SetupForm, string>> = {};
  if (f.adminPassword2 !== f.adminPassword) {
    e.adminPassword2 = 'Hai lần nhập mật khẩu không khớp: hãy nhập lại cho giống nhau.';
  }
  return e;
}

export function SetupScreen() {
  const status = useSession((s) => s.status);
  const signedIn = useSession((s) => s.signedIn);
  const setStatus = useSession((s) => s.setStatus);
  const [form, setForm] = useState<SetupForm>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof SetupForm, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof SetupForm>(k: K, v: SetupForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      if (!(k in e)) return e;
      const next = { ...e };
      delete next[k];
      return next;
    });
  };
  const text = (k: keyof SetupForm) => ({
    value: String(form[k] ?? ''),
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(k, e.target.value as never),
    status: errors[k] ? ('error' as const) : undefined,
    id: `setup-${k}`,
  });

  const submit = async () => {
    if (busy) return;
    const found = checkSetupForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Mật khẩu nhập lại chưa khớp.');
      focusFirstError(found);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const hours: [string, string][] = [[form.morningFrom.trim(), form.morningTo.trim()]];
      if (form.afternoon) hours.push([form.afternoonFrom.trim(), form.afternoonTo.trim()]);
      const result = await call('setup.initialize', {
        office: {
          parentName: form.parentName,
          unitName: form.unitName,
          unitCode: form.unitCode,
          placeName: form.placeName,
        },
        officeHours: hours,
        workingSaturdays: form.workingSaturdays,
        workstation: {
          number: form.workstationNumber ?? 1,
          ...(form.workstationName.trim() ? { name: form.workstationName.trim() } : {}),
        },
        admin: {
          username: form.adminUsername,
          fullName: form.adminFullName,
          password: form.adminPassword,
        },
      });
      const fresh = await call('setup.status');
      setStatus(fresh);
      signedIn(result.session);
    } catch (err) {
      const error = toApiError(err);
      const mapped: Partial<Record<keyof SetupForm, string>> = {};
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        const key = API_FIELDS[path];
        if (key) mapped[key] = message;
      }
      setErrors(mapped);
      setFormError(error.message);
      focusFirstError(mapped);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys({ 'Ctrl+Enter': () => void submit() });

  const seeded =
    status && (status.procedureCount > 0 || status.calendarYears.length > 0)
      ? `Đã nạp sẵn ${status.procedureCount} thủ tục hành chính và lịch nghỉ lễ các năm ${status.calendarYears
          .map((y) => `${y.year} (${y.status === 'official' ? 'chính thức' : 'tạm tính'})`)
          .join(', ')}.`
      : null;

  return (
    <div className="setup-page">
      <Card className="setup-card" title={<span>Thiết lập ban đầu – MotCua Desk</span>}>
        <Typography.Paragraph type="secondary">
          Máy này chưa được thiết lập. Hãy nhập thông tin đơn vị đúng như in ở góc trên bên trái các
          phiếu, giờ làm việc của bộ phận một cửa và tài khoản quản trị viên đầu tiên. Nhấn{' '}
          <Kbd>Enter</Kbd> để sang ô tiếp theo, <Kbd>Ctrl+Enter</Kbd> để hoàn tất.
          {seeded ? ` ${seeded}` : ''}
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <div data-enter-scope onKeyDown={enterAdvances}>
            <Typography.Title level={5}>1. Đơn vị</Typography.Title>
            <Row gutter={16}>
              <Col span={12}>
                <Field
                  label="Cơ quan chủ quản (dòng thứ nhất)"
                  required
                  error={errors.parentName}
                  htmlFor="setup-parentName"
                  hint="Ví dụ: UBND TỈNH KHÁNH HÒA"
                >
                  <Input {...text('parentName')} autoFocus placeholder="UBND TỈNH KHÁNH HÒA" />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Tên đơn vị (dòng thứ hai)"
                  required
                  error={errors.unitName}
                  htmlFor="setup-unitName"
                  hint="Ví dụ: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
                >
                  <Input {...text('unitName')} placeholder="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Mã đơn vị (QCVN 102:2016)"
                  required
                  error={errors.unitCode}
                  htmlFor="setup-unitCode"
                  hint="Dạng 000.00.00.H00, ví dụ 000.00.13.H31; là phần đầu của mã hồ sơ."
                >
                  <Input {...text('unitCode')} placeholder="000.00.13.H31" />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Địa danh ở dòng ngày tháng"
                  required
                  error={errors.placeName}
                  htmlFor="setup-placeName"
                  hint="In thành: Khánh Hòa, ngày … tháng … năm …"
                >
                  <Input {...text('placeName')} placeholder="Khánh Hòa" />
                </Field>
              </Col>
            </Row>

            <Typography.Title level={5}>2. Giờ làm việc</Typography.Title>
            <Row gutter={16}>
              <Col span={6}>
                <Field label="Sáng từ" error={errors.morningFrom} htmlFor="setup-morningFrom">
                  <Input {...text('morningFrom')} />
                </Field>
              </Col>
              <Col span={6}>
                <Field label="Sáng đến" error={errors.morningTo} htmlFor="setup-morningTo">
                  <Input {...text('morningTo')} />
                </Field>
              </Col>
              <Col span={6}>
                <Field label="Chiều từ" error={errors.afternoonFrom} htmlFor="setup-afternoonFrom">
                  <Input {...text('afternoonFrom')} disabled={!form.afternoon} />
                </Field>
              </Col>
              <Col span={6}>
                <Field label="Chiều đến" error={errors.afternoonTo} htmlFor="setup-afternoonTo">
                  <Input {...text('afternoonTo')} disabled={!form.afternoon} />
                </Field>
              </Col>
            </Row>
            <div className="checkbox-row">
              <Checkbox
                checked={form.afternoon}
                onChange={(e) => set('afternoon', e.target.checked)}
              >
                Có làm việc buổi chiều
              </Checkbox>
              <Checkbox
                checked={form.workingSaturdays}
                onChange={(e) => set('workingSaturdays', e.target.checked)}
              >
                Thứ Bảy là ngày làm việc (tính vào thời hạn giải quyết)
              </Checkbox>
            </div>
            <Typography.Paragraph type="secondary" className="small">
              Ngày nghỉ lễ, Tết và ngày làm bù theo lịch nghỉ lễ hằng năm (xem trong Cài đặt → Lịch
              nghỉ lễ sau khi thiết lập).
            </Typography.Paragraph>

            <Typography.Title level={5}>3. Máy tiếp nhận này</Typography.Title>
            <Row gutter={16}>
              <Col span={8}>
                <Field
                  label="Số máy (0–9)"
                  required
                  error={errors.workstationNumber}
                  htmlFor="setup-workstationNumber"
                  hint="Chữ số đầu của số thứ tự trong mã hồ sơ; mỗi máy một số khác nhau."
                >
                  <NumberInput
                    id="setup-workstationNumber"
                    min={0}
                    max={9}
                    value={form.workstationNumber}
                    onChange={(v) => set('workstationNumber', typeof v === 'number' ? v : null)}
                    status={errors.workstationNumber ? 'error' : undefined}
                    style={{ width: '100%' }}
                  />
                </Field>
              </Col>
              <Col span={16}>
                <Field
                  label="Tên máy"
                  error={errors.workstationName}
                  htmlFor="setup-workstationName"
                  hint="Ví dụ: Quầy số 1"
                >
                  <Input {...text('workstationName')} placeholder="Quầy số 1" />
                </Field>
              </Col>
            </Row>

            <Typography.Title level={5}>4. Quản trị viên đầu tiên</Typography.Title>
            <Row gutter={16}>
              <Col span={12}>
                <Field
                  label="Họ tên"
                  required
                  error={errors.adminFullName}
                  htmlFor="setup-adminFullName"
                >
                  <Input {...text('adminFullName')} />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Tên đăng nhập"
                  required
                  error={errors.adminUsername}
                  htmlFor="setup-adminUsername"
                  hint="Chữ không dấu, chữ số và . _ -"
                >
                  <Input {...text('adminUsername')} autoComplete="username" />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Mật khẩu"
                  required
                  error={errors.adminPassword}
                  htmlFor="setup-adminPassword"
                  hint="Ít nhất 8 ký tự, có cả chữ cái và chữ số."
                >
                  <Input.Password {...text('adminPassword')} autoComplete="new-password" />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label="Nhập lại mật khẩu"
                  required
                  error={errors.adminPassword2}
                  htmlFor="setup-adminPassword2"
                >
                  <Input.Password
                    {...text('adminPassword2')}
                    autoComplete="new-password"
                    onPressEnter={() => void submit()}
                    data-enter-own
                  />
                </Field>
              </Col>
            </Row>
          </div>
        </Form>
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
          Hoàn tất thiết lập <Kbd>Ctrl+Enter</Kbd>
        </Button>
      </Card>
    </div>
  );
}

function focusFirstError(errors: Partial<Record<keyof SetupForm, string>>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  requestAnimationFrame(() => {
    const el = document.getElementById(`setup-${first}`);
    if (el instanceof HTMLInputElement) {
      el.focus();
      el.select();
    }
  });
}
