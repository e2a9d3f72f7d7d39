/**
 * Cài đặt (quản trị viên): đơn vị và giờ làm việc; máy tiếp nhận; cán bộ; lịch nghỉ lễ; danh mục
 * thủ tục (nhập từ tệp JSON, báo lỗi từng thủ tục); máy in và khổ giấy.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type {
  CalendarYear,
  Officer,
  Office,
  Settings,
  Workstation,
} from '../../shared/api/schemas';
import type { ApiOutput } from '../../shared/api/contract';
import { call, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { ROLE_LABELS, parseHours, shortDate } from '../lib/format';
import { enterAdvances, useHotkeys } from '../lib/hotkeys';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { parseShortDate } from '../../shared/text/officialDate';

const TABS: { key: string; label: string }[] = [
  { key: 'don-vi', label: 'Đơn vị' },
  { key: 'may-tiep-nhan', label: 'Máy tiếp nhận' },
  { key: 'can-bo', label: 'Cán bộ' },
  { key: 'lich-nghi', label: 'Lịch nghỉ lễ' },
  { key: 'danh-muc', label: 'Danh mục thủ tục' },
  { key: 'in-an', label: 'Máy in, khổ giấy' },
];

export function SettingsScreen({ tab }: { tab: string }) {
  const go = useRoute((s) => s.go);
  const active = TABS.some((t) => t.key === tab) ? tab : 'don-vi';
  const content: Record<string, ReactNode> = {
    'don-vi': <OfficeTab />,
    'may-tiep-nhan': <WorkstationsTab />,
    'can-bo': <OfficersTab />,
    'lich-nghi': <CalendarTab />,
    'danh-muc': <CatalogueTab />,
    'in-an': <PrintingTab />,
  };
  return (
    <div className="settings">
      <Tabs
        activeKey={active}
        onChange={(key) => go({ screen: 'settings', tab: key })}
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children: active === t.key ? content[t.key] : null,
        }))}
      />
    </div>
  );
}

function useLoad<T>(load: () => Promise<T>): {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

const COUNTING_RULES: { value: Settings['countingRule']; label: string }[] = [
  {
    value: 'next_day_same_time',
    label: 'Tính từ ngày làm việc tiếp theo, hẹn trả đúng giờ tiếp nhận',
  },
  { value: 'half_day_session', label: 'Theo buổi: nhận sáng trả sáng, nhận chiều trả chiều' },
  { value: 'eight_hour_day', label: 'Theo giờ làm việc: 8 giờ làm việc là một ngày' },
];

// ---------------------------------------------------------------------------------------------
// Đơn vị: identity and office settings

function OfficeTab() {
  const { message } = AntApp.useApp();
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
              <Field label="Cơ quan chủ quản" error={errors.parentName} htmlFor="office-parentName">
                <Input
                  id="office-parentName"
                  autoFocus
                  value={o.parentName}
                  onChange={(e) => setOffice({ parentName: e.target.value })}
                />
              </Field>
            </Col>
            <Col span={12}>
              <Field label="Tên đơn vị" error={errors.unitName} htmlFor="office-unitName">
                <Input
                  id="office-unitName"
                  value={o.unitName}
                  onChange={(e) => setOffice({ unitName: e.target.value })}
                />
              </Field>
            </Col>
            <Col span={12}>
              <Field
                label="Mã đơn vị"
                error={errors.unitCode}
                htmlFor="office-unitCode"
                hint="Dạng 000.00.00.H00"
              >
                <Input
                  id="office-unitCode"
                  value={o.unitCode}
                  status={errors.unitCode ? 'error' : undefined}
                  onChange={(e) => setOffice({ unitCode: e.target.value })}
                />
              </Field>
            </Col>
            <Col span={12}>
              <Field
                label="Địa danh ở dòng ngày tháng"
                error={errors.placeName}
                htmlFor="office-placeName"
              >
                <Input
                  id="office-placeName"
                  value={o.placeName}
                  onChange={(e) => setOffice({ placeName: e.target.value })}
                />
              </Field>
            </Col>
          </Row>
        </Card>
        <Card size="small" title="Giờ làm việc và cách tính thời hạn" className="panel">
          <Row gutter={16}>
            <Col span={12}>
              <Field
                label="Các buổi làm việc"
                error={errors.officeHours}
                htmlFor="set-hours"
                hint="Ví dụ: 07:30-11:30, 13:30-17:00"
              >
                <Input
                  id="set-hours"
                  value={hoursText}
                  status={errors.officeHours ? 'error' : undefined}
                  onChange={(e) => setHoursText(e.target.value)}
                />
              </Field>
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
            <Col span={8}>
              <Field
                label="Cảnh báo sắp đến hạn trước (ngày làm việc)"
                error={errors.dueSoonWorkingDays}
                htmlFor="set-duesoon"
              >
                <InputNumber
                  id="set-duesoon"
                  min={0}
                  max={30}
                  value={s.dueSoonWorkingDays}
                  onChange={(v) => setS({ ...s, dueSoonWorkingDays: Number(v ?? 0) })}
                />
              </Field>
            </Col>
            <Col span={8}>
              <Field
                label="Khóa màn hình sau (phút không thao tác)"
                error={errors.idleLockMinutes}
                htmlFor="set-idle"
              >
                <InputNumber
                  id="set-idle"
                  min={1}
                  max={240}
                  value={s.idleLockMinutes}
                  onChange={(v) => setS({ ...s, idleLockMinutes: Number(v ?? 10) })}
                />
              </Field>
            </Col>
          </Row>
        </Card>
        <Card size="small" title="Thông tin tra cứu in trên Giấy tiếp nhận" className="panel">
          <Row gutter={16}>
            <Col span={12}>
              <Field
                label="Trang tra cứu hồ sơ"
                error={errors.lookupUrl}
                htmlFor="set-lookup"
                hint="Ví dụ: https://dichvucong.khanhhoa.gov.vn"
              >
                <Input
                  id="set-lookup"
                  value={s.lookupUrl ?? ''}
                  onChange={(e) => setS({ ...s, lookupUrl: e.target.value })}
                />
              </Field>
            </Col>
            <Col span={12}>
              <Field label="Đường dây nóng" error={errors.hotline} htmlFor="set-hotline">
                <Input
                  id="set-hotline"
                  value={s.hotline ?? ''}
                  onChange={(e) => setS({ ...s, hotline: e.target.value })}
                />
              </Field>
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

// ---------------------------------------------------------------------------------------------
// Máy tiếp nhận

function WorkstationsTab() {
  const { message } = AntApp.useApp();
  const load = useCallback(() => call('workstations.list'), []);
  const { data, error, reload } = useLoad(load);
  const setStatus = useSession((s) => s.setStatus);
  const local = data?.find((w) => w.isLocal) ?? null;
  const [num, setNum] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (local) {
      setNum(local.number);
      setName(local.name);
    }
  }, [local]);

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      await call('workstations.updateLocal', { number: num ?? undefined, name });
      setStatus(await call('setup.status'));
      void message.success('Đã lưu máy tiếp nhận.');
      await reload();
    } catch (err) {
      const e = toApiError(err);
      setErrors({ ...(e.fields ?? {}), _: e.message });
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <>
      <Card size="small" title="Máy này" className="panel">
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            <Col span={6}>
              <Field
                label="Số máy (0–9)"
                error={errors.number}
                htmlFor="ws-number"
                hint="Chữ số đầu của số thứ tự trong mã hồ sơ"
              >
                <InputNumber
                  id="ws-number"
                  min={0}
                  max={9}
                  value={num}
                  onChange={(v) => setNum(typeof v === 'number' ? v : null)}
                />
              </Field>
            </Col>
            <Col span={12}>
              <Field label="Tên máy" error={errors.name} htmlFor="ws-name">
                <Input
                  id="ws-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  onPressEnter={() => void save()}
                />
              </Field>
            </Col>
          </Row>
          {errors._ ? (
            <Alert type="error" showIcon title={errors._} style={{ marginBottom: 12 }} />
          ) : null}
          <Button type="primary" loading={busy} onClick={() => void save()}>
            Lưu
          </Button>
        </Form>
      </Card>
      <Card size="small" title="Các máy tiếp nhận của đơn vị" className="panel">
        <Table<Workstation>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data ?? []}
          columns={[
            { title: 'Số máy', dataIndex: 'number', width: 80 },
            { title: 'Tên máy', dataIndex: 'name' },
            {
              title: '',
              dataIndex: 'isLocal',
              render: (v: boolean) => (v ? <Tag color="blue">Máy này</Tag> : null),
            },
            { title: 'Đăng ký lúc', dataIndex: 'createdAt', render: (v: string) => shortDate(v) },
          ]}
        />
        <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>
          Mỗi máy tiếp nhận của đơn vị phải có số máy khác nhau (1–9) để mã hồ sơ không bao giờ
          trùng khi các máy làm việc không có mạng. Số 0 chỉ dùng khi đơn vị có một máy duy nhất.
        </Typography.Paragraph>
      </Card>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Cán bộ

function OfficersTab() {
  const { message, modal } = AntApp.useApp();
  const me = useSession((s) => s.session?.officer.id);
  const load = useCallback(() => call('officers.list'), []);
  const { data, error, reload } = useLoad(load);
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<Officer | null>(null);

  const update = async (o: Officer, patch: { role?: Officer['role']; active?: boolean }) => {
    try {
      await call('officers.update', { id: o.id, ...patch });
      void message.success('Đã lưu tài khoản.');
      await reload();
    } catch (err) {
      void modal.error({ title: 'Chưa lưu được', content: toApiError(err).message });
    }
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Card
      size="small"
      className="panel"
      title="Tài khoản cán bộ"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          Thêm cán bộ
        </Button>
      }
    >
      <Table<Officer>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data ?? []}
        columns={[
          { title: 'Họ tên', dataIndex: 'fullName' },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (role: Officer['role'], o) => (
              <Select
                size="small"
                value={role}
                style={{ width: 170 }}
                aria-label={`Vai trò của ${o.fullName}`}
                options={(['officer', 'head', 'admin'] as const).map((r) => ({
                  value: r,
                  label: ROLE_LABELS[r],
                }))}
                onChange={(v) => void update(o, { role: v })}
              />
            ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, o) => (
              <Space>
                <Button
                  size="small"
                  disabled={o.id === me && o.active}
                  onClick={() => void update(o, { active: !o.active })}
                >
                  {o.active ? 'Khóa tài khoản' : 'Mở khóa'}
                </Button>
                <Button size="small" onClick={() => setResetFor(o)}>
                  Đặt lại mật khẩu
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OfficerDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={async () => {
          setCreating(false);
          void message.success('Đã thêm cán bộ.');
          await reload();
        }}
      />
      <ResetPasswordDialog
        officer={resetFor}
        onClose={() => setResetFor(null)}
        onSaved={() => {
          setResetFor(null);
          void message.success('Đã đặt lại mật khẩu.');
        }}
      />
    </Card>
  );
}

function OfficerDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [f, setF] = useState({
    fullName: '',
    username: '',
    role: 'officer' as Officer['role'],
    password: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setF({ fullName: '', username: '', role: 'officer', password: '' });
      setErrors({});
      setFormError(null);
    }
  }, [open]);
  const save = async () => {
    setBusy(true);
    try {
      await call('officers.create', f);
      await onSaved();
    } catch (err) {
      const e = toApiError(err);
      setErrors(e.fields ?? {});
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys({ 'Ctrl+Enter': () => void save() }, open);
  return (
    <Modal
      open={open}
      title="Thêm cán bộ"
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void save()}
      okText="Thêm (Ctrl+Enter)"
      cancelText="Hủy"
      confirmLoading={busy}
    >
      <Form layout="vertical" component="div">
        <div data-enter-scope onKeyDown={enterAdvances}>
          <Field label="Họ tên" required error={errors.fullName} htmlFor="off-fullName">
            <Input
              id="off-fullName"
              autoFocus
              value={f.fullName}
              onChange={(e) => setF({ ...f, fullName: e.target.value })}
            />
          </Field>
          <Field label="Tên đăng nhập" required error={errors.username} htmlFor="off-username">
            <Input
              id="off-username"
              value={f.username}
              onChange={(e) => setF({ ...f, username: e.target.value })}
            />
          </Field>
          <Field label="Vai trò" error={errors.role} htmlFor="off-role">
            <Radio.Group
              id="off-role"
              value={f.role}
              onChange={(e) => setF({ ...f, role: e.target.value as Officer['role'] })}
              options={(['officer', 'head', 'admin'] as const).map((r) => ({
                value: r,
                label: ROLE_LABELS[r],
              }))}
            />
          </Field>
          <Field
            label="Mật khẩu ban đầu"
            required
            error={errors.password}
            hint="Ít nhất 8 ký tự, có cả chữ cái và chữ số."
            htmlFor="off-password"
          >
            <Input.Password
              id="off-password"
              value={f.password}
              onChange={(e) => setF({ ...f, password: e.target.value })}
            />
          </Field>
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
        </div>
      </Form>
    </Modal>
  );
}

function ResetPasswordDialog({
  officer,
  onClose,
  onSaved,
}: {
  officer: Officer | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPassword('');
    setError(null);
  }, [officer]);
  const save = async () => {
    if (!officer) return;
    setBusy(true);
    try {
      await call('officers.update', { id: officer.id, password });
      onSaved();
    } catch (err) {
      const e = toApiError(err);
      setError(e.fields?.password ?? e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={officer !== null}
      title={`Đặt lại mật khẩu cho ${officer?.fullName ?? ''}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText="Đặt lại"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Field
          label="Mật khẩu mới"
          required
          error={error ?? undefined}
          hint="Ít nhất 8 ký tự, có cả chữ cái và chữ số."
          htmlFor="reset-password"
        >
          <Input.Password
            id="reset-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void save()}
          />
        </Field>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// Lịch nghỉ lễ

interface DayRow {
  key: string;
  kind: 'off' | 'work';
  date: string; // as typed dd/mm/yyyy
  name: string;
}

function toRows(y: CalendarYear): DayRow[] {
  return [
    ...y.daysOff.map((d, i) => ({
      key: `o${i}`,
      kind: 'off' as const,
      date: shortDate(d.date),
      name: d.name,
    })),
    ...y.workingDays.map((d, i) => ({
      key: `w${i}`,
      kind: 'work' as const,
      date: shortDate(d.date),
      name: d.name,
    })),
  ].sort((a, b) => (parseShortDate(a.date) ?? '').localeCompare(parseShortDate(b.date) ?? ''));
}

function CalendarTab() {
  const { message } = AntApp.useApp();
  const loadYears = useCallback(() => call('calendar.years'), []);
  const years = useLoad(loadYears);
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<'official' | 'provisional'>('provisional');
  const [rows, setRows] = useState<DayRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newYear, setNewYear] = useState<number | null>(null);

  useEffect(() => {
    if (year === null && years.data && years.data.length > 0) {
      const thisYear = new Date().getFullYear();
      setYear(
        years.data.find((y) => y.year === thisYear)?.year ??
          years.data[years.data.length - 1]!.year,
      );
    }
  }, [years.data, year]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    call('calendar.getYear', { year })
      .then((y) => {
        if (!live) return;
        setRows(y ? toRows(y) : []);
        setStatus(y?.status ?? 'provisional');
        setErrors({});
        setFormError(null);
      })
      .catch((err) => live && setFormError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [year]);

  const save = async (markOfficial = false) => {
    if (year === null) return;
    const found: Record<string, string> = {};
    const daysOff: { date: string; name: string }[] = [];
    const workingDays: { date: string; name: string }[] = [];
    rows.forEach((r) => {
      const date = parseShortDate(r.date);
      if (!date)
        found[r.key] = `Ngày "${r.date}" không hợp lệ: nhập ngày/tháng/năm, ví dụ 02/09/${year}.`;
      else if (!date.startsWith(String(year)))
        found[r.key] = `Ngày ${r.date} không thuộc năm ${year}.`;
      else (r.kind === 'off' ? daysOff : workingDays).push({ date, name: r.name.trim() });
    });
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError('Có ngày chưa hợp lệ: hãy sửa các dòng được đánh dấu đỏ.');
      return;
    }
    setBusy(true);
    try {
      const saved = await call('calendar.setYear', {
        year,
        status: markOfficial ? 'official' : status,
        daysOff,
        workingDays,
      });
      setRows(toRows(saved));
      setStatus(saved.status);
      setFormError(null);
      void message.success(
        `Đã lưu lịch nghỉ lễ năm ${year}${saved.status === 'official' ? ' (chính thức)' : ''}.`,
      );
      await years.reload();
    } catch (err) {
      const e = toApiError(err);
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const setRow = (key: string, patch: Partial<DayRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Row gutter={16}>
      <Col span={6}>
        <Card size="small" title="Các năm" className="panel">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {(years.data ?? []).map((y) => (
              <Button
                key={y.year}
                block
                type={y.year === year ? 'primary' : 'default'}
                onClick={() => setYear(y.year)}
              >
                {y.year}{' '}
                {y.status === 'official' ? (
                  <Tag color="green">Chính thức</Tag>
                ) : (
                  <Tag color="orange">Tạm tính</Tag>
                )}
              </Button>
            ))}
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber
                placeholder="Năm mới"
                min={2000}
                max={2999}
                value={newYear}
                onChange={(v) => setNewYear(typeof v === 'number' ? v : null)}
              />
              <Button
                onClick={() => {
                  if (newYear) {
                    setYear(newYear);
                    setRows([]);
                    setStatus('provisional');
                  }
                }}
              >
                Thêm năm
              </Button>
            </Space.Compact>
          </Space>
        </Card>
      </Col>
      <Col span={18}>
        {year !== null ? (
          <Card
            size="small"
            className="panel"
            title={
              <Space>
                Lịch nghỉ lễ năm {year}
                {status === 'official' ? (
                  <Tag color="green">Chính thức</Tag>
                ) : (
                  <Tag color="orange">Tạm tính</Tag>
                )}
              </Space>
            }
          >
            {status === 'provisional' ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title="Năm tạm tính: ngày hẹn trả tính qua năm này được đánh dấu. Khi có quyết định nghỉ lễ của Thủ tướng, hãy nhập đủ ngày nghỉ, ngày làm bù rồi đánh dấu chính thức."
              />
            ) : null}
            <table className="checklist-table" aria-label={`Ngày nghỉ và ngày làm bù năm ${year}`}>
              <thead>
                <tr>
                  <th style={{ width: 150 }}>Loại</th>
                  <th style={{ width: 150 }}>Ngày</th>
                  <th>Tên ngày</th>
                  <th style={{ width: 40 }} />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <td>
                      <Select
                        size="small"
                        value={r.kind}
                        style={{ width: 140 }}
                        options={[
                          { value: 'off', label: 'Ngày nghỉ' },
                          { value: 'work', label: 'Ngày làm bù' },
                        ]}
                        onChange={(v) => setRow(r.key, { kind: v })}
                      />
                    </td>
                    <td>
                      <Input
                        size="small"
                        value={r.date}
                        status={errors[r.key] ? 'error' : undefined}
                        onChange={(e) => setRow(r.key, { date: e.target.value })}
                      />
                      {errors[r.key] ? <div className="field-error">{errors[r.key]}</div> : null}
                    </td>
                    <td>
                      <Input
                        size="small"
                        value={r.name}
                        onChange={(e) => setRow(r.key, { name: e.target.value })}
                      />
                    </td>
                    <td>
                      <Button
                        size="small"
                        type="text"
                        aria-label="Bỏ ngày"
                        onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        ×
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Space style={{ marginTop: 8 }} wrap>
              <Button
                onClick={() =>
                  setRows((rs) => [
                    ...rs,
                    { key: `n${Date.now()}`, kind: 'off', date: '', name: '' },
                  ])
                }
              >
                Thêm ngày
              </Button>
              <Button type="primary" loading={busy} onClick={() => void save(false)}>
                Lưu
              </Button>
              {status === 'provisional' ? (
                <Button loading={busy} onClick={() => void save(true)}>
                  Lưu và đánh dấu chính thức
                </Button>
              ) : null}
            </Space>
            {formError ? (
              <Alert type="error" showIcon title={formError} style={{ marginTop: 8 }} />
            ) : null}
          </Card>
        ) : (
          <Alert type="info" showIcon title="Chưa có năm nào: hãy thêm năm." />
        )}
      </Col>
    </Row>
  );
}

// ---------------------------------------------------------------------------------------------
// Danh mục thủ tục

type ImportReport = ApiOutput<'catalogue.import'>;

function CatalogueTab() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!file) {
      setError('Chưa chọn tệp danh mục (.json).');
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const json = await file.text();
      setReport(await call('catalogue.import', { json }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" className="panel" title="Nhập danh mục thủ tục từ tệp JSON">
      <Typography.Paragraph type="secondary">
        Tệp JSON theo mẫu xuất từ Cơ sở dữ liệu quốc gia về thủ tục hành chính:{' '}
        {'{ "procedures": [ … ] }'}. Thủ tục đã có (cùng mã, hoặc cùng tên khi không có mã) được cập
        nhật; thủ tục có lỗi được bỏ qua và liệt kê bên dưới, các thủ tục khác vẫn được nhập.
      </Typography.Paragraph>
      <Space wrap>
        <input
          id="catalogue-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label="Tệp danh mục thủ tục"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setError(null);
          }}
        />
        <Button icon={<UploadOutlined />} autoFocus onClick={() => input.current?.click()}>
          Chọn tệp danh mục (.json)
        </Button>
        <Typography.Text type={file ? undefined : 'secondary'} data-testid="catalogue-file-name">
          {file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : 'Chưa chọn tệp'}
        </Typography.Text>
        <Button type="primary" loading={busy} disabled={!file} onClick={() => void run()}>
          Nhập danh mục
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {report ? (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          <Alert
            type={report.rejected.length ? 'warning' : 'success'}
            showIcon
            title={`Đã nhập ${report.imported} thủ tục mới, cập nhật ${report.updated}, không đổi ${report.unchanged}, bỏ qua ${report.rejected.length} thủ tục có lỗi.`}
          />
          {report.rejected.length ? (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey="index"
              pagination={false}
              dataSource={report.rejected}
              columns={[
                { title: 'Thứ tự', dataIndex: 'index', width: 70, render: (i: number) => i + 1 },
                {
                  title: 'Thủ tục',
                  dataIndex: 'name',
                  render: (n: string | undefined, r) => n ?? r.key ?? '(không tên)',
                },
                {
                  title: 'Lỗi',
                  dataIndex: 'lines',
                  render: (lines: string[]) => (
                    <ul className="error-lines">
                      {lines.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Máy in, khổ giấy

function PrintingTab() {
  const { message } = AntApp.useApp();
  const loadSettings = useCallback(() => call('settings.get'), []);
  const loadPrinters = useCallback(() => call('print.printers'), []);
  const settings = useLoad(loadSettings);
  const printers = useLoad(loadPrinters);
  const [paper, setPaper] = useState<'A4' | 'A5'>('A4');
  const [printer, setPrinter] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) {
      setPaper(settings.data.settings.paperSize);
      setPrinter(settings.data.settings.printerName ?? '');
    }
  }, [settings.data]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('settings.update', {
        paperSize: paper,
        printerName: printer.trim() === '' ? null : printer,
      });
      void message.success('Đã lưu thiết lập in.');
      await settings.reload();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const list = printers.data ?? [];
  return (
    <Card size="small" className="panel" title="Máy in và khổ giấy">
      <Form layout="vertical" component="div">
        <Field label="Khổ giấy các phiếu" htmlFor="paper">
          <Radio.Group
            id="paper"
            value={paper}
            onChange={(e) => setPaper(e.target.value as 'A4' | 'A5')}
            options={[
              { value: 'A4', label: 'A4 (mặc định)' },
              { value: 'A5', label: 'A5' },
            ]}
          />
        </Field>
        <Field
          label="Máy in"
          htmlFor="printer"
          hint={
            list.length === 0
              ? 'Chế độ trình duyệt không liệt kê được máy in: phiếu được in qua hộp thoại in của trình duyệt. Có thể gõ tên máy in để dùng khi chạy ứng dụng desktop.'
              : 'Phiếu hẹn 80 mm luôn in khổ 80 mm.'
          }
        >
          {list.length > 0 ? (
            <Select
              id="printer"
              allowClear
              value={printer || undefined}
              placeholder="Máy in mặc định của hệ thống"
              options={list.map((p) => ({
                value: p.name,
                label: `${p.displayName}${p.isDefault ? ' (mặc định)' : ''}`,
              }))}
              onChange={(v: string | undefined) => setPrinter(v ?? '')}
            />
          ) : (
            <Input
              id="printer"
              value={printer}
              placeholder="Máy in mặc định của hệ thống"
              onChange={(e) => setPrinter(e.target.value)}
            />
          )}
        </Field>
        {printers.error ? (
          <Alert type="warning" showIcon title={printers.error} style={{ marginBottom: 12 }} />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" loading={busy} onClick={() => void save()}>
          Lưu
        </Button>
      </Form>
    </Card>
  );
}
