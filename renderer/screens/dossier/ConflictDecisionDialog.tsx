/**
 * Xử lý xung đột đồng bộ: the head's decision on one event sync set aside, recorded as an event
 * (dossiers.resolveConflict) that reaches every workstation: keep the outcome as it stands (with
 * what was done, in the history), record the set-aside action again when the dossier now allows
 * it, or apologise to the citizen with a new appointment (the slip is printed after). Only the
 * decisions the dossier's state allows are offered; what each needs is shared/dossier/conflicts.ts's
 * rule, checked here before the call and again by the core.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import type { SyncConflictItem } from '../../../shared/api/schemas';
import type { ConflictDecision } from '../../../shared/dossier/events';
import { resolutionProblems } from '../../../shared/dossier/conflicts';
import { call, toApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Kbd } from '../../components/Kbd';
import { officialTime, parseTypedDateTime } from '../../lib/format';
import { useFormFields } from '../../lib/formFields';
import { enterAdvances, useHotkeys } from '../../lib/hotkeys';
import { DECISION_HINTS, decisionLabel } from '../../lib/syncConflicts';
import { SYNC_CONFLICT_DECIDED_EVENT } from '../../components/SyncConflictNotice';

interface DecisionForm {
  decision: ConflictDecision;
  note: string;
  reason: string;
  newDueAt: string;
}

const EMPTY: DecisionForm = { decision: 'confirmed', note: '', reason: '', newDueAt: '' };

export function ConflictDecisionDialog({
  conflict,
  dueAt,
  onClose,
  onDone,
}: {
  conflict: SyncConflictItem | null;
  /** The appointment in force, for the apology's hint. */
  dueAt: string | null;
  onClose: () => void;
  /** After the decision is stored; `printApology` when an apology slip is to be printed. */
  onDone: (printApology: boolean) => Promise<void>;
}) {
  const { f, setF, errors, setErrors, set } = useFormFields<DecisionForm>(EMPTY);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!conflict) return;
    setF({ ...EMPTY, decision: conflict.decisions[0] ?? 'confirmed' });
    setErrors({});
    setFormError(null);
  }, [conflict]);

  const submit = async () => {
    if (!conflict || busy) return;
    const found: Record<string, string> = {};
    let newDueAt: string | undefined;
    if (f.decision === 'apology' && f.newDueAt.trim() !== '') {
      newDueAt = parseTypedDateTime(f.newDueAt) ?? undefined;
      if (!newDueAt)
        found.newDueAt = `Ngày hẹn mới "${f.newDueAt.trim()}" không hợp lệ: nhập ngày/tháng/năm giờ:phút, ví dụ 30/12/2026 08:00.`;
    }
    const input = {
      dossierId: conflict.dossierId,
      eventId: conflict.eventId,
      decision: f.decision,
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
      ...(f.decision === 'apology' && f.reason.trim() ? { reason: f.reason.trim() } : {}),
      ...(newDueAt ? { newDueAt } : {}),
    };
    Object.assign(found, { ...resolutionProblems(input), ...found });
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await call('dossiers.resolveConflict', input);
      window.dispatchEvent(new CustomEvent(SYNC_CONFLICT_DECIDED_EVENT));
      await onDone(f.decision === 'apology');
    } catch (err) {
      const e = toApiError(err);
      setErrors(e.fields ?? {});
      setFormError(e.message);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys({ 'Ctrl+Enter': () => void submit() }, conflict !== null);

  const area = (key: 'note' | 'reason', label: string, required: boolean, hint?: string) => (
    <Field
      label={label}
      required={required}
      error={errors[key]}
      hint={hint}
      htmlFor={`conflict-${key}`}
    >
      <Input.TextArea
        id={`conflict-${key}`}
        rows={3}
        value={f[key]}
        status={errors[key] ? 'error' : undefined}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Field>
  );

  const typedDue = parseTypedDateTime(f.newDueAt);
  return (
    <Dialog
      open={conflict !== null}
      title="Xử lý xung đột đồng bộ"
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <Space>
          <Button onClick={onClose}>
            Hủy <Kbd>Esc</Kbd>
          </Button>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            Ghi quyết định <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Space>
      }
    >
      {conflict ? (
        <Form layout="vertical" component="div">
          <div data-enter-scope onKeyDown={enterAdvances}>
            <Typography.Paragraph type="secondary">
              Hồ sơ {conflict.code ?? ''} · {conflict.applicantName} · {conflict.procedureName}
            </Typography.Paragraph>
            <Typography.Paragraph data-testid="conflict-text">{conflict.text}</Typography.Paragraph>
            <Field
              label="Quyết định"
              required
              error={errors.decision}
              hint={DECISION_HINTS[f.decision]}
              htmlFor="conflict-decision"
            >
              <Radio.Group
                id="conflict-decision"
                value={f.decision}
                onChange={(e) => set({ decision: e.target.value as ConflictDecision })}
                options={conflict.decisions.map((d) => ({ value: d, label: decisionLabel(d) }))}
              />
            </Field>
            {f.decision === 'apology' ? (
              <>
                <Field
                  label="Ngày hẹn trả kết quả mới"
                  required
                  error={errors.newDueAt}
                  hint={
                    typedDue
                      ? officialTime(typedDue)
                      : `ngày/tháng/năm giờ:phút${dueAt ? `; hẹn hiện tại: ${officialTime(dueAt)}` : ''}`
                  }
                  htmlFor="conflict-newDueAt"
                >
                  <Input
                    id="conflict-newDueAt"
                    value={f.newDueAt}
                    status={errors.newDueAt ? 'error' : undefined}
                    onChange={(e) => set({ newDueAt: e.target.value })}
                  />
                </Field>
                {area('reason', 'Lý do xin lỗi, hẹn lại (in trên phiếu)', true)}
              </>
            ) : null}
            {area(
              'note',
              'Nội dung xử lý',
              f.decision === 'confirmed',
              'Ghi vào quá trình xử lý của hồ sơ, kèm tên anh/chị.',
            )}
            {formError && !Object.values(errors).includes(formError) ? (
              <Alert type="error" showIcon title={formError} />
            ) : null}
          </div>
        </Form>
      ) : null}
    </Dialog>
  );
}
