/**
 * The labelled inputs the settings tabs repeat: a one-line text, a whole number and one's own
 * password, each inside a Field (its message, or its hint, below it). Everything else goes through
 * to the antd input.
 */
import { Input, type InputNumberProps, type InputProps, type InputRef } from 'antd';
import type { ReactNode, Ref } from 'react';
import { Field } from '../../components/Field';
import { NumberInput } from '../../components/NumberInput';

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
      <NumberInput<number> {...input} id={id} />
    </Field>
  );
}

/**
 * The signed-in officer's own password typed again (unlock, reset of this machine's data): what
 * is typed clears the message; Enter confirms.
 */
export function OwnPasswordField({
  id,
  label,
  error,
  hint,
  required,
  value,
  onChange,
  onEnter,
  inputRef,
}: LabelProps & {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  inputRef?: Ref<InputRef>;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required} htmlFor={id}>
      <Input.Password
        id={id}
        ref={inputRef}
        value={value}
        status={error ? 'error' : undefined}
        autoComplete="current-password"
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={onEnter}
      />
    </Field>
  );
}
