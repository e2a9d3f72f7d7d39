/**
 * Tiếp nhận hồ sơ: one flow, keyboard first.
 *   F3 procedure → (case) → checklist (Space ticks, Enter moves) → F4 QR scan / applicant →
 *   delivery and fee → Ctrl+Enter Tiếp nhận | Alt+B Yêu cầu bổ sung | Alt+T Từ chối →
 *   print preview (Ctrl+P) → Alt+N next applicant, same procedure | F2 new dossier.
 * Everything typed stays in the draft store (and sessionStorage) until the officer starts anew.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { Dialog } from '../components/Dialog';
import { CheckCircleOutlined, DeleteOutlined, PlusOutlined } from '../components/icons';
import { call, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { PrintDialog, type PrintJob } from '../components/PrintDialog';
import { NumberInput } from '../components/NumberInput';
import { COUNT_LABELS, officialTime } from '../lib/format';
import { enterAdvances, useHotkeys } from '../lib/hotkeys';
import { commitThenFocus, focusId, focusNow } from '../lib/focus';
import { useClearOfStickyBar } from '../lib/stickyBar';
import {
  PROCEDURE_MISSING,
  receiveInput,
  refusalInput,
  supplementInput,
  useReception,
  type FieldErrors,
  type ProcedureCaseOption,
} from '../stores/receptionDraft';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { ProcedurePicker, type ProcedurePickerHandle } from './reception/ProcedurePicker';
import { Checklist } from './reception/Checklist';
import { ApplicantForm } from './reception/ApplicantForm';
import { DeliveryForm, DuePanel } from './reception/DeliveryForm';
import { useNotice } from '../components/notice';

/** The first field with a message, in screen order. */
const FOCUS_ORDER: [string, string][] = [
  ['procedureId', 'procedure-search'],
  ['components', 'tick-0'],
  ['applicant.name', 'applicant-name'],
  ['applicant.idNumber', 'applicant-idNumber'],
  ['applicant.birthDate', 'applicant-birthDate'],
  ['applicant.phone', 'applicant-phone'],
  ['applicant.email', 'applicant-email'],
  ['applicant.address', 'applicant-address'],
  ['applicant.representative.name', 'rep-name'],
  ['applicant.representative.idNumber', 'rep-idNumber'],
  ['applicant.representative.phone', 'rep-phone'],
  ['applicant.representative.relation', 'rep-relation'],
  ['sets', 'sets'],
  ['fee', 'fee'],
  ['resultDelivery.address', 'delivery-address'],
  ['dueAtOverride', 'due-at-override'],
  ['note', 'note'],
];

/** Start a new dossier from anywhere (Shell's F2): the reception screen focuses the search. */
export const NEW_RECEPTION_EVENT = 'motcua:new-reception';

/** The first field with a message, in screen order: focused now (the fields are on screen). */
function focusFirstError(errors: FieldErrors, focusProcedure: () => void) {
  const hit =
    FOCUS_ORDER.find(([k]) => errors[k] !== undefined) ??
    (Object.keys(errors).some((k) => k.startsWith('components'))
      ? ['components', 'tick-0']
      : undefined);
  if (!hit) return;
  if (hit[0] === 'procedureId') focusProcedure();
  else focusId(hit[1], true);
}

const NO_CASES: ProcedureCaseOption[] = [];

const SLIP_NAMES = { supplement: 'phiếu yêu cầu bổ sung', refuse: 'phiếu từ chối' } as const;

/** The two slips issued instead of receiving: what each says when incomplete, and prints. */
interface CounterSlip {
  dialog: 'supplement' | 'refuse';
  incomplete: string;
  /** The fields the dialog itself shows (the others are on the reception form). */
  dialogFields: string[];
  result: 'supplement' | 'refused';
  form: 'supplement_request' | 'refusal';
}

const COUNTER_SLIPS: Record<CounterSlip['dialog'], CounterSlip> = {
  supplement: {
    dialog: 'supplement',
    incomplete: 'Phiếu yêu cầu bổ sung chưa đủ thông tin: hãy sửa các ô được đánh dấu đỏ.',
    dialogFields: ['missing', 'reason'],
    result: 'supplement',
    form: 'supplement_request',
  },
  refuse: {
    dialog: 'refuse',
    incomplete: 'Phiếu từ chối chưa đủ thông tin: hãy sửa các ô được đánh dấu đỏ.',
    dialogFields: ['reason'],
    result: 'refused',
    form: 'refusal',
  },
};

export function ReceptionScreen() {
  const message = useNotice();
  // Only what this screen shows itself: a keystroke in a field re-renders that field's part only.
  const result = useReception((s) => s.draft.result);
  const hasProcedure = useReception((s) => s.draft.procedure !== null);
  const cases = useReception((s) => s.draft.procedure?.cases ?? NO_CASES);
  const caseLabel = useReception((s) => s.draft.caseLabel);
  const afterSupplement = useReception((s) => s.draft.fromSupplementRequestId !== null);
  const errors = useReception((s) => s.errors);
  const formError = useReception((s) => s.formError);
  const store = useReception.getState;
  const go = useRoute((s) => s.go);
  const locked = useSession((s) => s.session?.locked ?? false);
  // Tab and the error display stop above the outcome bar, never under it.
  const outcomeBar = useRef<HTMLDivElement>(null);
  useClearOfStickyBar(outcomeBar);
  const [busy, setBusy] = useState<null | 'receive' | 'supplement' | 'refuse'>(null);
  const [dialog, setDialog] = useState<null | 'supplement' | 'refuse'>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const afterPrint = useRef<PrintJob | null>(null);
  /** A dossier is being received or a slip issued: the API call is under way. */
  const working = useRef(false);
  /** Ctrl+P pressed while `working`: the preview that follows prints as soon as it is made. */
  const printWhenDone = useRef(false);
  /** The answer is in: its print job, printing at once when Ctrl+P came before it. */
  const printJobFor = (dossierId: string, form: PrintJob['form']): PrintJob =>
    printWhenDone.current ? { dossierId, form, printAtOnce: true } : { dossierId, form };
  const picker = useRef<ProcedurePickerHandle>(null);
  const frozen = result !== null;

  /** The caret in the procedure search, now: any dialog of this screen closes first. */
  const focusProcedure = () => {
    afterPrint.current = null;
    flushSync(() => {
      setPrintJob(null);
      setDialog(null);
    });
    picker.current?.focus();
  };
  const focusProcedureRef = useRef(focusProcedure);
  focusProcedureRef.current = focusProcedure;
  useEffect(() => {
    const onNew = () => focusProcedureRef.current();
    window.addEventListener(NEW_RECEPTION_EVENT, onNew);
    return () => window.removeEventListener(NEW_RECEPTION_EVENT, onNew);
  }, []);

  /** Show what to fix and put the caret on the first of it, in one go. */
  const showErrors = (fields: FieldErrors, formError: string | null) => {
    flushSync(() => store().setErrors(fields, formError));
    focusFirstError(fields, focusProcedure);
  };

  const fail = (err: unknown) => {
    const e = toApiError(err);
    showErrors(e.fields ?? {}, e.message);
  };

  const receive = async () => {
    if (frozen || busy) return;
    const { value, errors: found } = receiveInput(store().draft);
    if (!value) {
      showErrors(found, 'Hồ sơ chưa thể tiếp nhận: hãy sửa các ô được đánh dấu đỏ.');
      return;
    }
    setBusy('receive');
    working.current = true;
    printWhenDone.current = false;
    try {
      const out = await call('dossiers.receive', value);
      const d = out.dossier;
      store().setResult({
        kind: 'received',
        dossierId: d.id,
        code: d.code ?? '',
        dueAt: d.dueAt,
        receivedAt: d.receivedAt,
      });
      void message.success(`Đã tiếp nhận hồ sơ ${d.code ?? ''}.`);
      afterPrint.current = store().draft.printAppointmentSlip
        ? { dossierId: d.id, form: 'appointment_slip' }
        : null;
      setPrintJob(printJobFor(d.id, 'receipt'));
    } catch (err) {
      fail(err);
    } finally {
      working.current = false;
      printWhenDone.current = false;
      setBusy(null);
    }
  };

  /**
   * Yêu cầu bổ sung / Từ chối need the procedure: without it, say so at once, on its field (the
   * dialog would only say it after being filled in).
   */
  const openSlipDialog = (kind: 'supplement' | 'refuse') => {
    if (frozen) return;
    if (!store().draft.procedure) {
      showErrors(
        { procedureId: PROCEDURE_MISSING },
        `Chưa chọn thủ tục: hãy chọn thủ tục trước khi lập ${SLIP_NAMES[kind]}.`,
      );
      return;
    }
    if (kind === 'supplement') store().prepareSupplement();
    setDialog(kind);
  };
  const openSupplement = () => openSlipDialog('supplement');

  /**
   * Yêu cầu bổ sung / Từ chối tiếp nhận: check the draft and issue the slip, then preview it. A
   * message about a field outside the dialog closes it and goes to that field.
   */
  const issueSlip = async <V,>(
    slip: CounterSlip,
    { value, errors: found }: { value: V | null; errors: FieldErrors },
    send: (value: V) => Promise<{ dossier: { id: string }; docNo: string }>,
  ) => {
    if (!value) {
      if (Object.keys(found).some((k) => !slip.dialogFields.includes(k))) {
        flushSync(() => setDialog(null)); // closed (and its focus trap gone) before the focus moves
        showErrors(found, slip.incomplete);
      } else store().setErrors(found, slip.incomplete);
      return;
    }
    setBusy(slip.dialog);
    working.current = true;
    printWhenDone.current = false;
    try {
      const out = await send(value);
      store().setResult({ kind: slip.result, dossierId: out.dossier.id, docNo: out.docNo });
      setDialog(null);
      setPrintJob(printJobFor(out.dossier.id, slip.form));
    } catch (err) {
      const e = toApiError(err);
      store().setErrors(e.fields ?? {}, e.message);
    } finally {
      working.current = false;
      printWhenDone.current = false;
      setBusy(null);
    }
  };

  const supplement = () =>
    issueSlip(COUNTER_SLIPS.supplement, supplementInput(store().draft), (value) =>
      call('dossiers.requestSupplement', value),
    );

  const refuse = () =>
    issueSlip(COUNTER_SLIPS.refuse, refusalInput(store().draft), (value) =>
      call('dossiers.refuse', value),
    );

  const nextSame = () => {
    // only after a decision: before it, the applicant typed so far would be lost
    if (!store().draft.procedure || !store().draft.result) return;
    afterPrint.current = null;
    // the empty form on screen and the caret in the scan field before the next key arrives
    commitThenFocus(
      () => {
        store().nextSameProcedure();
        setPrintJob(null);
      },
      () => document.getElementById('applicant-scan'),
    );
  };

  const idle = dialog === null && printJob === null && !locked;
  useHotkeys(
    {
      'Ctrl+Enter': () => void receive(),
      'Alt+B': openSupplement,
      'Alt+T': () => openSlipDialog('refuse'),
      'Alt+N': nextSame,
      F3: () => !frozen && focusProcedure(),
      F4: () => !frozen && focusId('applicant-scan'),
      'Ctrl+P': () => {
        // Ctrl+Enter then Ctrl+P in one go: the receipt is not there yet, it prints once it is
        if (!result) {
          printWhenDone.current = working.current;
          return;
        }
        const form =
          result.kind === 'received'
            ? 'receipt'
            : result.kind === 'supplement'
              ? 'supplement_request'
              : 'refusal';
        setPrintJob({ dossierId: result.dossierId, form });
      },
    },
    idle,
  );
  useHotkeys(
    {
      'Ctrl+Enter': () => void (dialog === 'supplement' ? supplement() : refuse()),
      'Ctrl+P': () => {
        printWhenDone.current = working.current;
      },
    },
    dialog !== null,
  );

  /** The procedure is on screen (committed by the picker): the caret goes on at once. */
  const afterProcedure = () => {
    const next = [
      document.querySelector('#case-choice input[type=radio]:checked'),
      document.getElementById('due-at-override'),
      document.getElementById('tick-0'),
      document.getElementById('applicant-scan'),
    ];
    next.some((el) => focusNow(el));
  };

  return (
    <div className="reception">
      {afterSupplement && !result ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Người nộp quay lại sau khi được hướng dẫn bổ sung: hồ sơ sẽ được tiếp nhận tiếp theo phiếu yêu cầu bổ sung trước đó."
        />
      ) : null}
      <Form layout="vertical" component="div">
        <Row gutter={16} data-enter-scope onKeyDown={enterAdvances}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title="1. Thủ tục hành chính và thời hạn giải quyết"
              className="panel"
            >
              <ProcedurePicker
                handle={picker}
                disabled={frozen}
                error={errors['procedureId']}
                onChosen={afterProcedure}
              />
              {cases.length > 1 ? (
                <Field label="Trường hợp" htmlFor="case-choice">
                  <Radio.Group
                    id="case-choice"
                    value={caseLabel}
                    disabled={frozen}
                    onChange={(e) => store().setCase(e.target.value as string)}
                  >
                    <Space orientation="vertical">
                      {cases.map((c) => (
                        <Radio key={c.label} value={c.label}>
                          {c.text}
                        </Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Field>
              ) : null}
              {hasProcedure ? <DuePanel disabled={frozen} error={errors['dueAtOverride']} /> : null}
            </Card>
            {hasProcedure ? (
              <Card size="small" title="2. Thành phần hồ sơ" className="panel">
                <Checklist disabled={frozen} errors={errors} />
              </Card>
            ) : null}
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title="3. Người nộp hồ sơ" className="panel">
              <ApplicantForm disabled={frozen} errors={errors} />
            </Card>
            <Card size="small" title="4. Nộp hồ sơ và nhận kết quả" className="panel">
              <DeliveryForm disabled={frozen} errors={errors} />
            </Card>
          </Col>
        </Row>
      </Form>

      <div className="outcome-bar" ref={outcomeBar}>
        {result ? (
          <ResultPanel
            onPrint={(job) => setPrintJob(job)}
            onNext={nextSame}
            onOpen={(id) => go({ screen: 'dossier', id })}
          />
        ) : (
          <>
            {formError ? (
              <Alert
                type="error"
                showIcon
                title={formError}
                className="outcome-error"
                role="alert"
              />
            ) : null}
            <Space wrap>
              <Button
                type="primary"
                size="large"
                loading={busy === 'receive'}
                onClick={() => void receive()}
              >
                Tiếp nhận hồ sơ <Kbd>Ctrl+Enter</Kbd>
              </Button>
              <Button size="large" onClick={openSupplement}>
                Yêu cầu bổ sung <Kbd>Alt+B</Kbd>
              </Button>
              <Button size="large" danger onClick={() => openSlipDialog('refuse')}>
                Từ chối tiếp nhận <Kbd>Alt+T</Kbd>
              </Button>
              {hasProcedure ? (
                <Typography.Text type="secondary">
                  <Kbd>F2</Kbd> hồ sơ mới · <Kbd>F1</Kbd> phím tắt
                </Typography.Text>
              ) : null}
            </Space>
          </>
        )}
      </div>

      <SupplementDialog
        open={dialog === 'supplement'}
        busy={busy === 'supplement'}
        onCancel={() => setDialog(null)}
        onSubmit={() => void supplement()}
      />
      <RefuseDialog
        open={dialog === 'refuse'}
        busy={busy === 'refuse'}
        onCancel={() => setDialog(null)}
        onSubmit={() => void refuse()}
      />
      <PrintDialog
        job={printJob}
        onClose={() => {
          const next = afterPrint.current;
          afterPrint.current = null;
          setPrintJob(next);
        }}
        // closed: the caret on "next applicant, same procedure" (Enter or Alt+N go on)
        returnFocus={() => document.getElementById('next-same')}
      />
    </div>
  );
}

function ResultPanel({
  onPrint,
  onNext,
  onOpen,
}: {
  onPrint: (job: PrintJob) => void;
  onNext: () => void;
  onOpen: (id: string) => void;
}) {
  const result = useReception((s) => s.draft.result);
  const newReception = useReception((s) => s.newReception);
  if (!result) return null;
  const title =
    result.kind === 'received' ? (
      <span>
        Đã tiếp nhận hồ sơ. Mã hồ sơ: <strong data-testid="dossier-code">{result.code}</strong>
        {result.dueAt ? <> · Hẹn trả: {officialTime(result.dueAt)}</> : null}
      </span>
    ) : result.kind === 'supplement' ? (
      <span>
        Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ số{' '}
        <strong data-testid="doc-no">{result.docNo}</strong>
      </span>
    ) : (
      <span>
        Đã lập Phiếu từ chối tiếp nhận giải quyết hồ sơ số{' '}
        <strong data-testid="doc-no">{result.docNo}</strong>
      </span>
    );
  return (
    <div className="result-panel" role="status">
      <Alert
        type={result.kind === 'received' ? 'success' : 'info'}
        icon={<CheckCircleOutlined />}
        showIcon
        title={title}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {result.kind === 'received' ? (
          <>
            <Button onClick={() => onPrint({ dossierId: result.dossierId, form: 'receipt' })}>
              In Giấy tiếp nhận (2 liên) <Kbd>Ctrl+P</Kbd>
            </Button>
            <Button
              onClick={() => onPrint({ dossierId: result.dossierId, form: 'appointment_slip' })}
            >
              In phiếu hẹn 80 mm
            </Button>
          </>
        ) : (
          <Button
            onClick={() =>
              onPrint({
                dossierId: result.dossierId,
                form: result.kind === 'supplement' ? 'supplement_request' : 'refusal',
              })
            }
          >
            In phiếu <Kbd>Ctrl+P</Kbd>
          </Button>
        )}
        <Button onClick={() => onOpen(result.dossierId)}>Xem hồ sơ</Button>
        <Button id="next-same" type="primary" onClick={onNext}>
          Tiếp nhận hồ sơ tiếp theo, cùng thủ tục <Kbd>Alt+N</Kbd>
        </Button>
        <Button
          onClick={() => {
            flushSync(newReception);
            window.dispatchEvent(new CustomEvent(NEW_RECEPTION_EVENT));
          }}
        >
          Hồ sơ mới <Kbd>F2</Kbd>
        </Button>
      </Space>
    </div>
  );
}

function SupplementDialog({
  open,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: () => void;
}) {
  const missing = useReception((s) => s.draft.missing);
  const reason = useReception((s) => s.draft.supplementReason);
  const errors = useReception((s) => s.errors);
  const formError = useReception((s) => s.formError);
  const update = useReception((s) => s.updateMissing);
  const add = useReception((s) => s.addMissing);
  const remove = useReception((s) => s.removeMissing);
  const set = useReception((s) => s.set);
  const clearError = useReception((s) => s.clearError);
  return (
    <Dialog
      open={open}
      title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
      width={860}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onCancel}>
            Quay lại <Kbd>Esc</Kbd>
          </Button>
          <Button type="primary" loading={busy} onClick={onSubmit}>
            Lập phiếu yêu cầu bổ sung <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <div data-enter-scope onKeyDown={enterAdvances}>
          <Typography.Paragraph type="secondary">
            Giấy tờ còn thiếu (lấy sẵn từ các dòng chưa đánh dấu trong thành phần hồ sơ; sửa, thêm
            hoặc bỏ dòng nếu cần):
          </Typography.Paragraph>
          <table className="checklist-table" aria-label="Giấy tờ cần bổ sung">
            <thead>
              <tr>
                <th>Giấy tờ cần bổ sung, hoàn thiện</th>
                <th style={{ width: 64 }}>{COUNT_LABELS.originals}</th>
                <th style={{ width: 64 }}>{COUNT_LABELS.certifiedCopies}</th>
                <th style={{ width: 64 }}>{COUNT_LABELS.copies}</th>
                <th style={{ width: 180 }}>Ghi chú</th>
                <th style={{ width: 32 }} />
              </tr>
            </thead>
            <tbody>
              {missing.map((m, i) => (
                <tr key={m.key}>
                  <td>
                    <Input
                      size="small"
                      aria-label={`Giấy tờ cần bổ sung thứ ${i + 1}`}
                      autoFocus={i === 0}
                      value={m.name}
                      onChange={(e) => update(m.key, { name: e.target.value })}
                    />
                  </td>
                  {(['originals', 'certifiedCopies', 'copies'] as const).map((f) => (
                    <td key={f}>
                      <NumberInput
                        size="small"
                        className="count-input"
                        min={0}
                        max={99}
                        precision={0}
                        aria-label={`${COUNT_LABELS[f]}: ${m.name || `giấy tờ thứ ${i + 1}`}`}
                        value={m[f]}
                        onChange={(v) => update(m.key, { [f]: typeof v === 'number' ? v : 0 })}
                      />
                    </td>
                  ))}
                  <td>
                    <Input
                      size="small"
                      aria-label={`Ghi chú thứ ${i + 1}`}
                      value={m.note}
                      onChange={(e) => update(m.key, { note: e.target.value })}
                    />
                  </td>
                  <td>
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label="Bỏ dòng"
                      onClick={() => remove(m.key)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors['missing'] ? <div className="field-error">{errors['missing']}</div> : null}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={add}
            style={{ margin: '6px 0 12px' }}
          >
            Thêm giấy tờ
          </Button>
          <Field label="Lý do" required error={errors['reason']} htmlFor="supplement-reason">
            <Input.TextArea
              id="supplement-reason"
              autoFocus={missing.length === 0}
              rows={3}
              value={reason}
              status={errors['reason'] ? 'error' : undefined}
              placeholder="Ví dụ: Hồ sơ còn thiếu giấy chứng tử (bản sao chứng thực)."
              onChange={(e) => {
                set({ supplementReason: e.target.value });
                clearError('reason');
              }}
            />
          </Field>
          {formError && Object.keys(errors).length === 0 ? (
            <Alert type="error" showIcon title={formError} />
          ) : null}
        </div>
      </Form>
    </Dialog>
  );
}

function RefuseDialog({
  open,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: () => void;
}) {
  const reason = useReception((s) => s.draft.refusalReason);
  const errors = useReception((s) => s.errors);
  const formError = useReception((s) => s.formError);
  const set = useReception((s) => s.set);
  const clearError = useReception((s) => s.clearError);
  return (
    <Dialog
      open={open}
      title="Phiếu từ chối tiếp nhận giải quyết hồ sơ"
      width={640}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onCancel}>
            Quay lại <Kbd>Esc</Kbd>
          </Button>
          <Button danger type="primary" loading={busy} onClick={onSubmit}>
            Lập phiếu từ chối <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Field label="Lý do từ chối" required error={errors['reason']} htmlFor="refuse-reason">
          <Input.TextArea
            id="refuse-reason"
            autoFocus
            rows={4}
            value={reason}
            status={errors['reason'] ? 'error' : undefined}
            placeholder="Ví dụ: Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan."
            onChange={(e) => {
              set({ refusalReason: e.target.value });
              clearError('reason');
            }}
          />
        </Field>
        {formError && Object.keys(errors).length === 0 ? (
          <Alert type="error" showIcon title={formError} />
        ) : null}
      </Form>
    </Dialog>
  );
}
