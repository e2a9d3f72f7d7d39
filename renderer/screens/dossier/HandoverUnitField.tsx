/**
 * Đơn vị nhận hồ sơ of a hand-over: the departments the central server lists for this unit (its
 * own, then its partners', liên thông) are offered as the officer types, by name or code; a
 * department chosen (or its code typed) is sent with its code, anything else typed is a name
 * only (an agency outside the system: recorded, not routed). The core refuses any other code.
 */
import { useEffect, useMemo, useState } from 'react';
import { AutoComplete } from 'antd';
import type { ApiOutput } from '../../../shared/api/contract';
import { foldVietnamese } from '../../../shared/text/fold';
import { call } from '../../api/client';

type Target = ApiOutput<'dossiers.handoverTargets'>[number];

export function HandoverUnitField({
  id,
  value,
  error,
  onChange,
  ...aria
}: {
  id: string;
  value: string;
  error: boolean;
  onChange: (patch: { toUnit: string; toUnitCode: string }) => void;
  /** What Field ties to its control (aria-invalid, aria-describedby, aria-required). */
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}) {
  const [targets, setTargets] = useState<Target[]>([]);
  useEffect(() => {
    let live = true;
    call('dossiers.handoverTargets').then(
      (list) => live && setTargets(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const options = useMemo(() => {
    const groups = new Map<
      string,
      { label: string; options: { value: string; label: string; search: string }[] }
    >();
    for (const t of targets) {
      const key = t.partner ? t.unitCode : '';
      const label = t.partner ? `Liên thông: ${t.unitName}` : 'Phòng chuyên môn của đơn vị';
      const group = groups.get(key) ?? { label, options: [] };
      group.options.push({
        value: t.code,
        label: `${t.name} (${t.code})`,
        search: foldVietnamese(`${t.name} ${t.code} ${t.unitName}`),
      });
      groups.set(key, group);
    }
    return [...groups.values()];
  }, [targets]);

  return (
    <AutoComplete
      {...aria}
      id={id}
      autoFocus
      value={value}
      options={options}
      status={error ? 'error' : undefined}
      filterOption={(input, option) =>
        !!option && 'search' in option && String(option.search).includes(foldVietnamese(input))
      }
      onChange={(text: string) => {
        const chosen = targets.find((t) => t.code === text.trim());
        onChange(
          chosen
            ? { toUnit: chosen.name, toUnitCode: chosen.code }
            : { toUnit: text, toUnitCode: '' },
        );
      }}
    />
  );
}
