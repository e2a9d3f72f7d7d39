/**
 * One labelled field with its message below it. The value is owned by the caller (a store), so a
 * failed call never clears what was typed; the message comes from the client check or from the
 * API's `fields` (dotted path → message).
 */
import { Form } from 'antd';
import type { ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  /** A hint shown when there is no error. */
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
  htmlFor?: string;
}

export function Field({ label, error, hint, required, children, className, htmlFor }: FieldProps) {
  return (
    <Form.Item
      label={label}
      required={required ?? false}
      validateStatus={error ? 'error' : ''}
      help={error ?? hint}
      className={className}
      htmlFor={htmlFor}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}
