/**
 * A dialog of the app: antd's Modal, shown at once (no animation, lib/theme.ts), that puts the
 * caret in its first text field as it opens (the officer types straight away) and gives the
 * focus back at once when it closes (lib/focus.ts). React's autoFocus cannot do the first: the
 * dialog's content mounts before its box is in the page.
 */
import { useRef } from 'react';
import { Modal, type ModalProps } from 'antd';
import { focusNow, useFocusReturn } from '../lib/focus';
import { isTextField } from '../lib/hotkeys';

/** The first field of the box one types into, or its element marked data-autofocus. */
function firstField(box: HTMLElement | null): Element | null {
  if (!box) return null;
  const marked = box.querySelector('[data-autofocus]');
  if (marked) return marked;
  return (
    [...box.querySelectorAll('input, textarea')].find(
      (el) => isTextField(el as HTMLInputElement) && !(el as HTMLInputElement).disabled,
    ) ?? null
  );
}

export function Dialog({
  open,
  afterOpenChange,
  children,
  returnFocus,
  ...props
}: ModalProps & { returnFocus?: () => Element | null }) {
  const box = useRef<HTMLDivElement>(null);
  useFocusReturn(open === true, returnFocus);
  return (
    <Modal
      open={open}
      {...props}
      afterOpenChange={(isOpen) => {
        if (isOpen) focusNow(firstField(box.current));
        afterOpenChange?.(isOpen);
      }}
    >
      <div ref={box}>{children}</div>
    </Modal>
  );
}
