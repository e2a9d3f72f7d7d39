/**
 * A number box: antd's InputNumber without its step arrows. The arrows are mouse-only (not
 * reached by Tab) and antd names them in English for screen readers ("Increase Value",
 * "Decrease Value"); ↑ and ↓ still step the value from the keyboard. Use this, not antd's
 * InputNumber (ESLint refuses the latter in renderer/).
 */
import { InputNumber, type InputNumberProps } from 'antd';

export function NumberInput<T extends number | string = number>(props: InputNumberProps<T>) {
  return <InputNumber<T> {...props} controls={false} />;
}
