/**
 * The labelled inputs the settings tabs repeat: a one-line text and a whole number, each inside a
 * Field (its message, or its hint, below it). Everything else goes through to the antd input.
 */
import { Input, InputNumber, type InputNumberProps, type InputProps } from 'antd';
import type { ReactNode } from 'react';
import { Field } from '../../components/Field';

interface LabelProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}

export function TextField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  ...input
}: LabelProps &
  Omit<InputProps, 'id' | 'value' | 'onChange'> & {
    id: string;
    value: string;
    onChange: (value: string) => void;
  }) {
  return (
    <Field label={label} error={error} hint={hint} required={required} htmlFor={id}>
      <Input {...input} id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function NumberField({
  id,
  label,
  error,
  hint,
  required,
  ...input
}: LabelProps & Omit<InputNumberProps<number>, 'id'> & { id: string }) {
  return (
    <Field label={label} error={error} hint={hint} required={required} htmlFor={id}>
      <InputNumber<number> {...input} id={id} />
    </Field>
  );
}
