/**
 * The short notices at the top of the screen (antd's message: "Đã tiếp nhận hồ sơ …"), with the
 * sign hidden from screen readers. antd draws its own English-named sign there ("check-circle",
 * read aloud before the Vietnamese text) and its ConfigProvider cannot replace it, so every notice
 * goes through here with the hidden icon of renderer/components/icons. ESLint refuses taking
 * `message` from App.useApp() elsewhere in renderer/.
 */
import { isValidElement, useMemo, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import type { ArgsProps, MessageType } from 'antd/es/message/interface';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
} from './icons';

type NoticeType = 'success' | 'info' | 'warning' | 'error';
type NoticeContent = ReactNode | Omit<ArgsProps, 'type' | 'icon'>;
type Show = (content: NoticeContent, duration?: number) => MessageType;
export type Notice = Record<NoticeType, Show>;

const SIGNS: Record<NoticeType, ReactNode> = {
  success: <CheckCircleFilled />,
  info: <InfoCircleFilled />,
  warning: <ExclamationCircleFilled />,
  error: <CloseCircleFilled />,
};

function isConfig(content: NoticeContent): content is Omit<ArgsProps, 'type' | 'icon'> {
  return (
    typeof content === 'object' &&
    content !== null &&
    !isValidElement(content) &&
    'content' in content
  );
}

/** success / info / warning / error, called like antd's message methods. */
export function useNotice(): Notice {
  const { message } = AntApp.useApp();
  return useMemo(() => {
    const show =
      (type: NoticeType): Show =>
      (content, duration) =>
        message.open({
          ...(isConfig(content) ? content : { content }),
          ...(duration === undefined ? {} : { duration }),
          type,
          icon: SIGNS[type],
        });
    return {
      success: show('success'),
      info: show('info'),
      warning: show('warning'),
      error: show('error'),
    };
  }, [message]);
}
