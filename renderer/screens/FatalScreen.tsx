import { Result } from 'antd';
import type { ReactNode } from 'react';
import { WarningFilled } from '../components/icons';

/**
 * The app cannot start (no browser session, the host does not answer): say why and what to do.
 * The sign is antd's own for a warning, given hidden (antd's names itself "warning").
 */
export function FatalScreen({ message, extra }: { message: string; extra?: ReactNode }) {
  return (
    <div className="center-screen">
      <Result
        status="warning"
        icon={<WarningFilled />}
        title="Chưa mở được MotCua Desk"
        subTitle={message}
        extra={extra}
      />
    </div>
  );
}
