/**
 * A yes/no question asked in the middle of typing ("Bỏ hồ sơ đang nhập dở?"), that has the focus
 * on its answer in the same keystroke that asks it: the officer's next key (Enter, Esc) answers
 * it, wherever the screen was. antd's confirm takes the focus a timer later, when a quick Enter
 * still lands in the form underneath. Shown over the screen, which the caller makes inert; Tab
 * stays between its two buttons; Esc is "no", and gives the focus back where it was.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Space } from 'antd';
import { Kbd } from './Kbd';

export interface QuestionProps {
  open: boolean;
  title: string;
  children: ReactNode;
  okText: string;
  cancelText: string;
  onOk: () => void;
  onCancel: () => void;
}

export function Question({
  open,
  title,
  children,
  okText,
  cancelText,
  onOk,
  onCancel,
}: QuestionProps) {
  const ok = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // In the commit that shows it: before the browser hands over the next key.
  useLayoutEffect(() => {
    if (open) ok.current?.focus();
  }, [open]);
  if (!open) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      (document.activeElement === ok.current ? cancel : ok).current?.focus();
    }
  };
  return (
    <div className="question-mask">
      <div
        className="question"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <div className="question-title" id={titleId}>
          {title}
        </div>
        <div className="question-body">{children}</div>
        <Space className="question-buttons">
          <Button ref={cancel} onClick={onCancel}>
            {cancelText} <Kbd>Esc</Kbd>
          </Button>
          <Button ref={ok} type="primary" onClick={onOk}>
            {okText} <Kbd>Enter</Kbd>
          </Button>
        </Space>
      </div>
    </div>
  );
}
