/**
 * Hình thức nộp, số bộ, nơi nhận kết quả, phí và lệ phí; the due time computed live
 * (dossiers.previewDueAt), or picked by the officer for a procedure with no fixed time, with a
 * warning when the period runs through a year whose holiday calendar is still provisional.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Alert, Checkbox, Col, Input, Radio, Row, Typography } from 'antd';
import type { ApiOutput } from '../../../shared/api/contract';
import { PROVISIONAL_DUE_NOTE } from '../../../shared/calendar/provisional';
import { call, toApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { NumberInput } from '../../components/NumberInput';
import { officialTime, parseTypedDateTime } from '../../lib/format';
import {
  currentCase,
  needsManualDueAt,
  useReception,
  type Channel,
} from '../../stores/receptionDraft';

type Preview = ApiOutput<'dossiers.previewDueAt'>;

export function DuePanel({ disabled, error }: { disabled: boolean; error?: string | undefined }) {
  // not the applicant: typing a name does not re-render this panel
  const draft = useReception(
    useShallow((s) => ({
      procedure: s.draft.procedure,
      caseLabel: s.draft.caseLabel,
      result: s.draft.result,
      dueAtText: s.draft.dueAtText,
    })),
  );
  const set = useReception((s) => s.set);
  const clearError = useReception((s) => s.clearError);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const procedureId = draft.procedure?.id ?? null;
  const kase = currentCase(draft);
  const caseLabel = kase && kase.label !== 'default' ? kase.label : undefined;
  const frozen = draft.result !== null;

  // Recompute every minute: the due time follows the clock of receipt.
  useEffect(() => {
    const t = window.setInterval(() => setTick((n) => n + 1), 30_000);
    return () => window.clearInterval(t);
  }, []);

  useEffect(() => {
    if (!procedureId || frozen) {
      if (!procedureId) setPreview(null);
      return;
    }
    let live = true;
    call('dossiers.previewDueAt', caseLabel ? { procedureId, caseLabel } : { procedureId })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        setPreviewError(null);
      })
      .catch((err) => live && setPreviewError(toApiError(err).message));
    return () => {
      live = false;
    };
  }, [procedureId, caseLabel, tick, frozen]);

  if (!draft.procedure) {
    return (
      <Typography.Text type="secondary">Chọn thủ tục để tính ngày hẹn trả kết quả.</Typography.Text>
    );
  }
  const manual = needsManualDueAt(draft);
  const typed = manual ? parseTypedDateTime(draft.dueAtText) : null;
  const result = draft.result;
  return (
    <div className="due-panel" aria-live="polite" aria-label="Thời hạn giải quyết">
      <div className="due-line">
        <span className="due-label">Thời hạn giải quyết:</span>{' '}
        <strong>{preview?.durationText ?? kase?.text ?? ''}</strong>
      </div>
      {result?.kind === 'received' ? (
        <>
          <div className="due-line">
            <span className="due-label">Tiếp nhận lúc:</span> {officialTime(result.receivedAt)}
          </div>
          <div className="due-line due-main">
            <span className="due-label">Hẹn trả kết quả:</span>{' '}
            <strong data-testid="due-at">
              {result.dueAt ? officialTime(result.dueAt) : 'Không quy định'}
            </strong>
          </div>
        </>
      ) : preview ? (
        <>
          <div className="due-line">
            <span className="due-label">Nếu tiếp nhận bây giờ:</span>{' '}
            {officialTime(preview.receivedAt)}
          </div>
          {preview.dueAt ? (
            <div className="due-line due-main">
              <span className="due-label">Hẹn trả kết quả:</span>{' '}
              <strong data-testid="due-at">{officialTime(preview.dueAt)}</strong>
            </div>
          ) : null}
        </>
      ) : null}
      {manual && !result ? (
        <Field
          label="Ngày hẹn trả kết quả (thủ tục không quy định thời hạn)"
          required
          error={error}
          hint={typed ? officialTime(typed) : 'ngày/tháng/năm giờ:phút, ví dụ 25/12/2025 08:00'}
          htmlFor="due-at-override"
        >
          <Input
            id="due-at-override"
            value={draft.dueAtText}
            disabled={disabled}
            placeholder="25/12/2025 08:00"
            status={error ? 'error' : undefined}
            onChange={(e) => {
              set({ dueAtText: e.target.value });
              clearError('dueAtOverride');
            }}
          />
        </Field>
      ) : null}
      {preview?.provisional && !result ? (
        <Alert type="warning" showIcon title={PROVISIONAL_DUE_NOTE} />
      ) : null}
      {previewError ? <div className="field-error">{previewError}</div> : null}
    </div>
  );
}

export function DeliveryForm({
  disabled,
  errors,
}: {
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const d = useReception(
    useShallow((s) => ({
      channel: s.draft.channel,
      sets: s.draft.sets,
      fee: s.draft.fee,
      feeText: s.draft.procedure?.feeText,
      deliveryMethod: s.draft.deliveryMethod,
      deliveryAddress: s.draft.deliveryAddress,
      note: s.draft.note,
      printAppointmentSlip: s.draft.printAppointmentSlip,
    })),
  );
  const set = useReception((s) => s.set);
  const clearError = useReception((s) => s.clearError);
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Field label="Hình thức nộp" htmlFor="channel">
          <Radio.Group
            id="channel"
            value={d.channel}
            disabled={disabled}
            onChange={(e) => set({ channel: e.target.value as Channel })}
            options={[
              { value: 'in_person', label: 'Trực tiếp' },
              { value: 'postal', label: 'Qua bưu chính' },
              { value: 'online', label: 'Trực tuyến' },
            ]}
          />
        </Field>
      </Col>
      <Col span={8}>
        <Field label="Số bộ hồ sơ" error={errors['sets']} htmlFor="sets">
          <NumberInput
            id="sets"
            min={1}
            max={99}
            precision={0}
            value={d.sets}
            disabled={disabled}
            status={errors['sets'] ? 'error' : undefined}
            onChange={(v) => {
              set({ sets: typeof v === 'number' ? v : 0 });
              clearError('sets');
            }}
            style={{ width: '100%' }}
          />
        </Field>
      </Col>
      <Col span={16}>
        <Field
          label="Phí, lệ phí (đồng)"
          error={errors['fee']}
          hint={d.feeText || 'Không thu phí, lệ phí'}
          htmlFor="fee"
        >
          <NumberInput
            id="fee"
            min={0}
            step={1000}
            precision={0}
            value={d.fee}
            disabled={disabled}
            status={errors['fee'] ? 'error' : undefined}
            formatter={(v) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
            parser={(v) => Number(String(v ?? '').replace(/\D/g, '') || 0)}
            onChange={(v) => {
              set({ fee: typeof v === 'number' ? v : 0 });
              clearError('fee');
            }}
            style={{ width: '100%' }}
          />
        </Field>
      </Col>
      <Col span={24}>
        <Field label="Nơi nhận kết quả" htmlFor="delivery">
          <Radio.Group
            id="delivery"
            value={d.deliveryMethod}
            disabled={disabled}
            onChange={(e) => {
              const method = e.target.value as 'counter' | 'post';
              set({
                deliveryMethod: method,
                deliveryAddress:
                  method === 'post' && d.deliveryAddress.trim() === ''
                    ? useReception.getState().draft.applicant.address
                    : d.deliveryAddress,
              });
            }}
            options={[
              { value: 'counter', label: 'Tại Bộ phận Một cửa' },
              { value: 'post', label: 'Qua dịch vụ bưu chính công ích' },
            ]}
          />
        </Field>
      </Col>
      {d.deliveryMethod === 'post' ? (
        <Col span={24}>
          <Field
            label="Địa chỉ nhận kết quả"
            required
            error={errors['resultDelivery.address']}
            htmlFor="delivery-address"
          >
            <Input
              id="delivery-address"
              value={d.deliveryAddress}
              disabled={disabled}
              status={errors['resultDelivery.address'] ? 'error' : undefined}
              onChange={(e) => {
                set({ deliveryAddress: e.target.value });
                clearError('resultDelivery.address');
              }}
            />
          </Field>
        </Col>
      ) : null}
      <Col span={24}>
        <Field label="Ghi chú" error={errors['note']} htmlFor="note">
          <Input
            id="note"
            value={d.note}
            disabled={disabled}
            onChange={(e) => set({ note: e.target.value })}
          />
        </Field>
      </Col>
      <Col span={24}>
        <Checkbox
          checked={d.printAppointmentSlip}
          disabled={disabled}
          onChange={(e) => set({ printAppointmentSlip: e.target.checked })}
        >
          In kèm phiếu hẹn khổ 80 mm (máy in nhiệt)
        </Checkbox>
      </Col>
    </Row>
  );
}
