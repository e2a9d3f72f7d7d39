/**
 * One labelled field with its message below it. The value is owned by the caller (a store), so a
 * failed call never clears what was typed; the message comes from the client check or from the
 * API's `fields` (dotted path → message).
 *
 * For screen readers (WCAG 2.1: 1.3.1, 3.3.1, 4.1.2) the control is tied to its field: with
 * `htmlFor` (the control's id) the control gets aria-required when required, aria-invalid while
 * there is an error, and aria-describedby pointing at the message or hint below it, so the error
 * is read with the field. This is the one place that does it: every form goes through Field.
 */
import { Form } from 'antd';
import { cloneElement, isValidElement, type ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  /** A hint shown when there is no error. */
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
  /** The id of the control (an input, a text area, a select, a radio group). */
  htmlFor?: string;
}

/** The id of the message or hint below the control `htmlFor`. */
export const helpId = (htmlFor: string) => `${htmlFor}-help`;

/** The ARIA attributes a field's control carries. */
export function fieldAria(
  htmlFor: string,
  { error, hint, required }: Pick<FieldProps, 'error' | 'hint' | 'required'>,
): Record<string, string | boolean | undefined> {
  const described = Boolean(error) || (hint !== undefined && hint !== null && hint !== '');
  return {
    'aria-required': required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described ? helpId(htmlFor) : undefined,
  };
}

export function Field({ label, error, hint, required, children, className, htmlFor }: FieldProps) {
  const message = error ?? hint;
  const control =
    htmlFor && isValidElement<Record<string, unknown>>(children)
      ? cloneElement(children, fieldAria(htmlFor, { error, hint, required }))
      : children;
  return (
    <Form.Item
      label={label}
      required={required ?? false}
      validateStatus={error ? 'error' : ''}
      help={
        message !== undefined && message !== null && message !== '' ? (
          <span id={htmlFor ? helpId(htmlFor) : undefined}>{message}</span>
        ) : undefined
      }
      className={className}
      htmlFor={htmlFor}
      style={{ marginBottom: 12 }}
    >
      {control}
    </Form.Item>
  );
}
