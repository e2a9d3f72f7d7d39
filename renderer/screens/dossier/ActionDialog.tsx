/**
 * The dialogs of the dossier actions (Bàn giao, Đơn vị nhận hồ sơ, Yêu cầu bổ sung, Đã nhận bổ
 * sung, Nhận kết quả, Trả kết quả, Xin lỗi và hẹn lại, and the simple actions of
 * shared/dossier/actions.ts: Rút hồ sơ, nghĩa vụ tài chính): one form showing the fields each
 * kind asks for; actionRequests.ts checks them and makes the call.
 */
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { Dialog } from '../../components/Dialog';
import type { DossierDetail } from '../../../shared/api/schemas';
import type { PrintForm } from '../../../shared/print/forms';
import { call, toApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { Kbd } from '../../components/Kbd';
import { officialTime, parseTypedDateTime, toTypedDateTime } from '../../lib/format';
import { useFormFields } from '../../lib/formFields';
import { enterAdvances, useHotkeys } from '../../lib/hotkeys';
import { fieldMissing } from '../../../shared/dossier/actions';
import { actionRow, type ActionKind } from './actions';
import { ReviewLines } from './CalendarReviewAlert';
import { emptyForm, formFields, sendAction, type ActionForm } from './actionRequests';
import { HandoverUnitField } from './HandoverUnitField';

export function ActionDialog({
  kind,
  dossier,
  onClose,
  onDone,
}: {
  kind: ActionKind | null;
  dossier: DossierDetail;
  onClose: () => void;
  onDone: (kind: ActionKind, print?: PrintForm) => Promise<void>;
}) {
  const { f, setF, errors, setErrors, set } = useFormFields<ActionForm>(() =>
    emptyForm(dossier, kind),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The return time the dialog proposed: left as it is, the core records its own "now". */
  const [returnDefault, setReturnDefault] = useState('');

  useEffect(() => {
    if (!kind) return;
    const fresh = emptyForm(dossier, kind);
    setF(fresh);
    setReturnDefault(fresh.returnedAt);
    setErrors({});
    setFormError(null);
    if (kind !== 'return') return;
    // Propose the core's clock rather than this device's (the time the event would get).
    let live = true;
    const proposed = fresh.returnedAt;
    call('auth.touch')
      .then(({ now }) => {
        if (!live) return;
        const typed = toTypedDateTime(now);
        setF((x) => (x.returnedAt === proposed ? { ...x, returnedAt: typed } : x));
        setReturnDefault(typed);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [kind, dossier]);

  const submit = async () => {
    if (!kind || busy) return;
    setBusy(true);
    setFormError(null);
    try {
      const outcome = await sendAction(kind, dossier, f, returnDefault);
      if (outcome.done) return await onDone(kind, outcome.print);
      setErrors(outcome.errors);
    } catch (err) {
      const e = toApiError(err);
      setErrors(formFields(e.fields ?? {}));
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys({ 'Ctrl+Enter': () => void submit() }, kind !== null);

  const text = (
    key: keyof ActionForm,
    label: string,
    opts: { required?: boolean; hint?: string; autoFocus?: boolean; area?: boolean } = {},
  ) => (
    <Field
      label={label}
      required={opts.required ?? false}
      error={errors[key]}
      hint={opts.hint}
      htmlFor={`act-${key}`}
    >
      {opts.area ? (
        <Input.TextArea
          id={`act-${key}`}
          rows={3}
          autoFocus={opts.autoFocus ?? false}
          value={f[key] as string}
          status={errors[key] ? 'error' : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<ActionForm>)}
        />
      ) : (
        <Input
          id={`act-${key}`}
          autoFocus={opts.autoFocus ?? false}
          value={f[key] as string}
          status={errors[key] ? 'error' : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<ActionForm>)}
        />
      )}
    </Field>
  );

  let body: ReactNode;
  switch (kind) {
    case 'handover':
      body = (
        <>
          <Field
            label="Đơn vị nhận hồ sơ"
            required
            error={errors.toUnit}
            hint="Chọn phòng chuyên môn của đơn vị hoặc phòng liên thông đã khai báo; cơ quan ngoài hệ thống: gõ tên."
            htmlFor="act-toUnit"
          >
            <HandoverUnitField
              id="act-toUnit"
              value={f.toUnit}
              error={!!errors.toUnit}
              onChange={set}
            />
          </Field>
          {text('toPerson', 'Người nhận')}
          {text('note', 'Ghi chú')}
        </>
      );
      break;
    case 'accept':
      body = (
        <>
          {text('unit', 'Đơn vị đã nhận hồ sơ', { required: true, autoFocus: true })}
          {text('person', 'Người nhận')}
        </>
      );
      break;
    case 'supplement':
      body = (
        <>
          {text('missingText', 'Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)', {
            required: true,
            autoFocus: true,
            area: true,
          })}
          {text('reason', 'Lý do', { required: true, area: true })}
        </>
      );
      break;
    case 'supplementReceived':
      body = (
        <>
          <Typography.Paragraph>
            Người nộp đã mang đủ giấy tờ bổ sung: thời hạn giải quyết được tính tiếp, ngày hẹn trả
            lùi thêm đúng số giờ làm việc đã tạm dừng.
          </Typography.Paragraph>
          {text('note', 'Ghi chú', { autoFocus: true })}
        </>
      );
      break;
    case 'resultReady':
      body = (
        <>
          {text('fromUnit', 'Đơn vị gửi kết quả', { autoFocus: true })}
          {text('note', 'Ghi chú')}
        </>
      );
      break;
    case 'return':
      body = (
        <>
          <Field label="Hình thức trả" htmlFor="act-method">
            <Radio.Group
              id="act-method"
              value={f.method}
              onChange={(e) => set({ method: e.target.value as 'counter' | 'post' })}
              options={[
                { value: 'counter', label: 'Tại quầy' },
                { value: 'post', label: 'Qua bưu chính công ích' },
              ]}
            />
          </Field>
          {f.method === 'counter' ? (
            <>
              {text('collectorName', 'Họ tên người nhận kết quả', {
                required: true,
                autoFocus: true,
              })}
              {text('collectorId', 'Số CCCD, giấy tờ của người nhận')}
              {text('relation', 'Quan hệ với người nộp hồ sơ', {
                hint: 'Ví dụ: người nộp hồ sơ, con, được ủy quyền',
              })}
            </>
          ) : (
            text('postalTrackingNo', 'Số hiệu bưu gửi', { autoFocus: true })
          )}
          {text('returnedAt', 'Thời điểm trả kết quả', {
            required: true,
            hint: parseTypedDateTime(f.returnedAt, '')
              ? `${officialTime(parseTypedDateTime(f.returnedAt, ''))}. Mặc định là bây giờ; sửa lại nếu đã trả kết quả trước đó.`
              : 'ngày/tháng/năm giờ:phút',
          })}
        </>
      );
      break;
    case 'apology':
      body = (
        <>
          {text('newDueAt', 'Ngày hẹn trả kết quả mới', {
            required: true,
            autoFocus: true,
            hint: parseTypedDateTime(f.newDueAt)
              ? officialTime(parseTypedDateTime(f.newDueAt))
              : `ngày/tháng/năm giờ:phút${dossier.dueAt ? `; hẹn hiện tại: ${officialTime(dossier.dueAt)}` : ''}`,
          })}
          {text('reason', 'Lý do trễ hạn', { required: true, area: true })}
        </>
      );
      break;
    case 'keepAppointment':
      body = (
        <>
          {dossier.calendarReview ? <ReviewLines review={dossier.calendarReview} /> : null}
          <Typography.Paragraph>
            Ngày hẹn đã in được giữ nguyên; việc giữ ngày hẹn được ghi vào quá trình xử lý, kèm tên
            của bạn.
          </Typography.Paragraph>
          {text('note', 'Ghi chú', { autoFocus: true })}
        </>
      );
      break;
    default: {
      // A simple action: its row's explanation and fields (shared/dossier/actions.ts).
      const row = kind ? actionRow(kind) : null;
      body = row ? (
        <>
          {row.button?.explain ? (
            <Typography.Paragraph>{row.button.explain}</Typography.Paragraph>
          ) : null}
          {(row.fields ?? []).map((field, i) => (
            <Fragment key={field.name}>
              {text(field.name, field.label, {
                required: fieldMissing(row, field) !== undefined,
                autoFocus: i === 0,
                area: field.name === 'reason',
                ...(field.hint ? { hint: field.hint } : {}),
              })}
            </Fragment>
          ))}
        </>
      ) : null;
    }
  }

  return (
    <Dialog
      open={kind !== null}
      title={kind ? (actionRow(kind).button?.title ?? '') : ''}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={
        <Space>
          <Button onClick={onClose}>
            Hủy <Kbd>Esc</Kbd>
          </Button>
          <Button
            type="primary"
            danger={kind ? actionRow(kind).button?.danger === true : false}
            loading={busy}
            onClick={() => void submit()}
          >
            Xác nhận <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <div data-enter-scope onKeyDown={enterAdvances}>
          <Typography.Paragraph type="secondary">
            Hồ sơ {dossier.code ?? ''} · {dossier.applicantName} · {dossier.procedureName}
          </Typography.Paragraph>
          {body}
          {/* once: not again above when it is the message under a field */}
          {formError && !Object.values(errors).includes(formError) ? (
            <Alert type="error" showIcon title={formError} />
          ) : null}
        </div>
      </Form>
    </Dialog>
  );
}
