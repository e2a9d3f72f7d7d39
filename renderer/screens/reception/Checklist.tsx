/**
 * Thành phần hồ sơ: tick what was handed in (Space), with the counts of originals (bản chính),
 * certified copies (bản sao chứng thực) and copies (bản sao, bản photo); "chỉ xuất trình" for
 * papers only shown; a note per line. Enter moves along the row; ↑/↓ on the tick boxes move
 * between lines.
 */
import { Button, Checkbox, Input, Tooltip } from 'antd';
import { NumberInput } from '../../components/NumberInput';
import { COUNT_LABELS } from '../../lib/format';
import { DeleteOutlined, PlusOutlined } from '../../components/icons';
import { useReception, type ComponentLine } from '../../stores/receptionDraft';

function Count({
  line,
  field,
  disabled,
  error,
}: {
  line: ComponentLine;
  field: 'originals' | 'certifiedCopies' | 'copies';
  disabled: boolean;
  error?: boolean;
}) {
  const update = useReception((s) => s.updateComponent);
  return (
    <NumberInput
      aria-label={`${COUNT_LABELS[field]}: ${line.name || 'giấy tờ thêm'}`}
      className="count-input"
      size="small"
      min={0}
      max={99}
      precision={0}
      value={line[field]}
      disabled={disabled || !line.checked}
      status={error ? 'error' : undefined}
      onChange={(v) => update(line.key, { [field]: typeof v === 'number' ? v : 0 })}
      onFocus={(e) => e.target.select()}
    />
  );
}

export function Checklist({
  disabled,
  errors,
}: {
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const components = useReception((s) => s.draft.components);
  const update = useReception((s) => s.updateComponent);
  const add = useReception((s) => s.addComponent);
  const remove = useReception((s) => s.removeComponent);

  // API and client messages name lines by their position among the ticked ones.
  const checkedIndex = new Map<string, number>();
  components.filter((c) => c.checked).forEach((c, i) => checkedIndex.set(c.key, i));
  const lineError = (c: ComponentLine): string | undefined => {
    const i = checkedIndex.get(c.key);
    if (i === undefined) return undefined;
    return (
      errors[`components.${i}.name`] ??
      errors[`components.${i}.originals`] ??
      errors[`components.${i}.certifiedCopies`] ??
      errors[`components.${i}.copies`] ??
      errors[`components.${i}.note`] ??
      errors[`components.${i}`]
    );
  };

  const onTickKey = (e: React.KeyboardEvent<HTMLElement>, index: number) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = index + (e.key === 'ArrowDown' ? 1 : -1);
    document.getElementById(`tick-${next}`)?.focus();
  };

  if (components.length === 0) {
    return (
      <div className="checklist-empty">
        Thủ tục này chưa có danh sách thành phần hồ sơ trong danh mục.
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={add}
          disabled={disabled}
          style={{ marginLeft: 8 }}
        >
          Thêm giấy tờ
        </Button>
      </div>
    );
  }

  return (
    <div className="checklist">
      <table className="checklist-table" aria-label="Thành phần hồ sơ">
        <thead>
          <tr>
            <th style={{ width: 40 }}>Đã nộp</th>
            <th>Tên giấy tờ</th>
            <th style={{ width: 64 }}>{COUNT_LABELS.originals}</th>
            <th style={{ width: 64 }}>{COUNT_LABELS.certifiedCopies}</th>
            <th style={{ width: 64 }}>{COUNT_LABELS.copies}</th>
            <th style={{ width: 70 }}>Chỉ xuất trình</th>
            <th style={{ width: 160 }}>Ghi chú</th>
            <th style={{ width: 32 }} />
          </tr>
        </thead>
        <tbody>
          {components.map((c, i) => {
            const err = lineError(c);
            return (
              <tr key={c.key} className={c.checked ? 'row-checked' : undefined}>
                <td>
                  <Checkbox
                    id={`tick-${i}`}
                    aria-label={`Đã nộp: ${c.name || 'giấy tờ thêm'}`}
                    checked={c.checked}
                    disabled={disabled}
                    onChange={(e) => update(c.key, { checked: e.target.checked })}
                    onKeyDown={(e) => onTickKey(e, i)}
                  />
                </td>
                <td>
                  {c.fromCatalogue ? (
                    <label htmlFor={`tick-${i}`} className="comp-name">
                      {c.name}
                    </label>
                  ) : (
                    <Input
                      size="small"
                      aria-label="Tên giấy tờ thêm"
                      placeholder="Tên giấy tờ"
                      value={c.name}
                      disabled={disabled}
                      status={err && !c.name.trim() ? 'error' : undefined}
                      onChange={(e) => update(c.key, { name: e.target.value })}
                    />
                  )}
                  {err ? <div className="field-error">{err}</div> : null}
                </td>
                <td>
                  <Count line={c} field="originals" disabled={disabled} error={!!err} />
                </td>
                <td>
                  <Count line={c} field="certifiedCopies" disabled={disabled} error={!!err} />
                </td>
                <td>
                  <Count line={c} field="copies" disabled={disabled} error={!!err} />
                </td>
                <td className="center">
                  <Checkbox
                    aria-label={`Chỉ xuất trình: ${c.name}`}
                    checked={c.presentOnly}
                    disabled={disabled || !c.checked}
                    onChange={(e) => update(c.key, { presentOnly: e.target.checked })}
                  />
                </td>
                <td>
                  <Input
                    size="small"
                    aria-label={`Ghi chú: ${c.name}`}
                    value={c.note}
                    disabled={disabled || !c.checked}
                    onChange={(e) => update(c.key, { note: e.target.value })}
                  />
                </td>
                <td>
                  {c.fromCatalogue ? null : (
                    <Tooltip title="Bỏ dòng này">
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="Bỏ dòng"
                        disabled={disabled}
                        onClick={() => remove(c.key)}
                      />
                    </Tooltip>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors['components'] ? <div className="field-error">{errors['components']}</div> : null}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={add}
        disabled={disabled}
        style={{ marginTop: 6 }}
      >
        Thêm giấy tờ khác
      </Button>
    </div>
  );
}
