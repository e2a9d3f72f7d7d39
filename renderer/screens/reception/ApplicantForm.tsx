/**
 * Người nộp hồ sơ: a citizen or an organisation; the CCCD QR scan (F4) fills the fields; an
 * optional authorised representative (người được ủy quyền).
 */
import { memo, useCallback, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Checkbox, Col, Input, Radio, Row, Select } from 'antd';
import { ScanOutlined } from '../../components/icons';
import { Field } from '../../components/Field';
import { Kbd } from '../../components/Kbd';
import { applicantFromQr, splitScannedLine } from '../../lib/qr';
import { focusId } from '../../lib/focus';
import { useReception, type ApplicantKind, type IdKind } from '../../stores/receptionDraft';
import { useNotice } from '../../components/notice';

const KIND_OPTIONS: { value: ApplicantKind; label: string }[] = [
  { value: 'citizen', label: 'Công dân' },
  { value: 'business', label: 'Doanh nghiệp' },
  { value: 'agency', label: 'Cơ quan nhà nước' },
  { value: 'organisation', label: 'Tổ chức khác' },
];

const ID_OPTIONS: { value: IdKind; label: string }[] = [
  { value: 'cccd', label: 'CCCD' },
  { value: 'passport', label: 'Hộ chiếu' },
  { value: 'cmnd', label: 'CMND cũ' },
  { value: 'tax_code', label: 'Mã số thuế' },
  { value: 'other', label: 'Giấy tờ khác' },
];

/** Shows a scanned line that is not a valid card in the scan field, with why. */
interface ScanFieldHandle {
  show: (line: string, message: string) => void;
}

/**
 * The scan field, with its own state: a scanner types a hundred characters in half a second, and
 * each re-renders this field only, not the whole form.
 */
const ScanField = memo(function ScanField({
  disabled,
  apply,
  handle,
}: {
  disabled: boolean;
  /** Fill the form from a scanned line: null when done, else what is wrong with it. */
  apply: (line: string) => string | null;
  handle: Ref<ScanFieldHandle>;
}) {
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  useImperativeHandle(
    handle,
    () => ({
      show: (line, message) => {
        setScan(line);
        setScanError(message);
      },
    }),
    [],
  );
  return (
    <Field
      label={
        <span>
          <ScanOutlined /> Quét mã QR trên thẻ căn cước <Kbd>F4</Kbd>
        </span>
      }
      error={scanError ?? undefined}
      hint="Đưa mã QR trên thẻ vào máy quét: thông tin sẽ tự điền vào các ô bên dưới."
      htmlFor="applicant-scan"
    >
      <Input
        id="applicant-scan"
        value={scan}
        disabled={disabled}
        placeholder="Chờ quét mã QR…"
        status={scanError ? 'error' : undefined}
        onChange={(e) => {
          setScan(e.target.value);
          setScanError(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.ctrlKey || e.altKey) return;
          e.preventDefault();
          e.stopPropagation();
          // empty: no card to scan, the officer types the name
          if (scan.trim() === '') {
            focusId('applicant-name', true);
            return;
          }
          const problem = apply(scan);
          setScanError(problem);
          if (problem === null) setScan('');
        }}
        data-enter-own
      />
    </Field>
  );
});

export function ApplicantForm({
  disabled,
  errors,
}: {
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const message = useNotice();
  const a = useReception((s) => s.draft.applicant);
  const setApplicant = useReception((s) => s.setApplicant);
  const setRep = useReception((s) => s.setRepresentative);
  const scanField = useRef<ScanFieldHandle>(null);
  const person = a.kind === 'citizen';

  /** Fill the form from a scanned line; null when done, else why it is not a valid card. */
  const applyScan = useCallback(
    (line: string): string | null => {
      const r = applicantFromQr(line);
      if (!r.ok) return r.message;
      const { oldIdNumber, issuedOn, ...patch } = r.patch;
      setApplicant(patch);
      void message.success(
        `Đã điền thông tin từ thẻ căn cước của ${patch.name}${issuedOn ? `, cấp ngày ${issuedOn}` : ''}${
          oldIdNumber ? `, CMND cũ ${oldIdNumber}` : ''
        }.`,
      );
      // the card gave name, ID, birth date and address: the phone is next, before the next key
      focusId('applicant-phone');
      return null;
    },
    [setApplicant, message],
  );

  /**
   * A scanner that typed into another field than the scan field (the caret was there): on its
   * Enter, the scanned line leaves that field (what was in it before stays) and fills the form.
   */
  const catchScan = (value: string, keep: (rest: string) => void) => (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    const scanned = splitScannedLine(value);
    if (!scanned) return;
    e.preventDefault();
    e.stopPropagation();
    keep(scanned.before);
    const problem = applyScan(scanned.line);
    if (problem === null) return;
    scanField.current?.show(scanned.line, problem);
    focusId('applicant-scan');
  };

  return (
    <div className="applicant-form">
      <ScanField disabled={disabled} apply={applyScan} handle={scanField} />
      <Field label="Người nộp là" htmlFor="applicant-kind">
        <Radio.Group
          id="applicant-kind"
          value={a.kind}
          disabled={disabled}
          onChange={(e) => setApplicant({ kind: e.target.value as ApplicantKind })}
          options={KIND_OPTIONS}
        />
      </Field>
      <Row gutter={12}>
        <Col span={24}>
          <Field
            label={person ? 'Họ tên người nộp hồ sơ' : 'Tên tổ chức, doanh nghiệp'}
            required
            error={errors['applicant.name']}
            htmlFor="applicant-name"
          >
            <Input
              id="applicant-name"
              value={a.name}
              disabled={disabled}
              status={errors['applicant.name'] ? 'error' : undefined}
              onChange={(e) => setApplicant({ name: e.target.value })}
              onKeyDown={catchScan(a.name, (name) => setApplicant({ name }))}
            />
          </Field>
        </Col>
        <Col span={9}>
          <Field label="Loại giấy tờ" htmlFor="applicant-idKind">
            <Select
              id="applicant-idKind"
              value={a.idKind}
              disabled={disabled}
              options={ID_OPTIONS}
              onChange={(v) => setApplicant({ idKind: v })}
            />
          </Field>
        </Col>
        <Col span={15}>
          <Field
            label={a.idKind === 'cccd' ? 'Số CCCD (12 chữ số)' : 'Số giấy tờ'}
            error={errors['applicant.idNumber']}
            htmlFor="applicant-idNumber"
          >
            <Input
              id="applicant-idNumber"
              value={a.idNumber}
              disabled={disabled}
              inputMode={a.idKind === 'cccd' ? 'numeric' : 'text'}
              status={errors['applicant.idNumber'] ? 'error' : undefined}
              onChange={(e) => setApplicant({ idNumber: e.target.value, sex: '' })}
              onKeyDown={catchScan(a.idNumber, (idNumber) => setApplicant({ idNumber }))}
            />
          </Field>
        </Col>
        {person ? (
          <Col span={9}>
            <Field
              label="Ngày sinh"
              error={errors['applicant.birthDate']}
              hint="ngày/tháng/năm"
              htmlFor="applicant-birthDate"
            >
              <Input
                id="applicant-birthDate"
                value={a.birthDate}
                disabled={disabled}
                placeholder="25/12/1990"
                status={errors['applicant.birthDate'] ? 'error' : undefined}
                onChange={(e) => setApplicant({ birthDate: e.target.value })}
                onKeyDown={catchScan(a.birthDate, (birthDate) => setApplicant({ birthDate }))}
              />
            </Field>
          </Col>
        ) : null}
        <Col span={person ? 15 : 12}>
          <Field label="Điện thoại" error={errors['applicant.phone']} htmlFor="applicant-phone">
            <Input
              id="applicant-phone"
              value={a.phone}
              disabled={disabled}
              inputMode="tel"
              status={errors['applicant.phone'] ? 'error' : undefined}
              onChange={(e) => setApplicant({ phone: e.target.value })}
              onKeyDown={catchScan(a.phone, (phone) => setApplicant({ phone }))}
            />
          </Field>
        </Col>
        <Col span={person ? 24 : 12}>
          <Field label="Thư điện tử" error={errors['applicant.email']} htmlFor="applicant-email">
            <Input
              id="applicant-email"
              value={a.email}
              disabled={disabled}
              inputMode="email"
              status={errors['applicant.email'] ? 'error' : undefined}
              onChange={(e) => setApplicant({ email: e.target.value })}
              onKeyDown={catchScan(a.email, (email) => setApplicant({ email }))}
            />
          </Field>
        </Col>
        <Col span={24}>
          <Field
            label={person ? 'Địa chỉ' : 'Địa chỉ trụ sở'}
            error={errors['applicant.address']}
            htmlFor="applicant-address"
          >
            <Input
              id="applicant-address"
              value={a.address}
              disabled={disabled}
              onChange={(e) => setApplicant({ address: e.target.value })}
              onKeyDown={catchScan(a.address, (address) => setApplicant({ address }))}
            />
          </Field>
        </Col>
      </Row>
      <Checkbox
        checked={a.hasRepresentative}
        disabled={disabled}
        onChange={(e) => setApplicant({ hasRepresentative: e.target.checked })}
      >
        Có người được ủy quyền nộp thay
      </Checkbox>
      {a.hasRepresentative ? (
        <Row gutter={12} className="rep-box">
          <Col span={12}>
            <Field
              label="Họ tên người được ủy quyền"
              required
              error={errors['applicant.representative.name']}
              htmlFor="rep-name"
            >
              <Input
                id="rep-name"
                value={a.representative.name}
                disabled={disabled}
                status={errors['applicant.representative.name'] ? 'error' : undefined}
                onChange={(e) => setRep({ name: e.target.value })}
              />
            </Field>
          </Col>
          <Col span={12}>
            <Field
              label="Số CCCD, giấy tờ"
              error={errors['applicant.representative.idNumber']}
              htmlFor="rep-idNumber"
            >
              <Input
                id="rep-idNumber"
                value={a.representative.idNumber}
                disabled={disabled}
                onChange={(e) => setRep({ idNumber: e.target.value })}
              />
            </Field>
          </Col>
          <Col span={12}>
            <Field
              label="Điện thoại"
              error={errors['applicant.representative.phone']}
              htmlFor="rep-phone"
            >
              <Input
                id="rep-phone"
                value={a.representative.phone}
                disabled={disabled}
                onChange={(e) => setRep({ phone: e.target.value })}
              />
            </Field>
          </Col>
          <Col span={12}>
            <Field
              label="Quan hệ với người nộp"
              error={errors['applicant.representative.relation']}
              htmlFor="rep-relation"
              hint="Ví dụ: con, vợ, được ủy quyền"
            >
              <Input
                id="rep-relation"
                value={a.representative.relation}
                disabled={disabled}
                onChange={(e) => setRep({ relation: e.target.value })}
              />
            </Field>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
