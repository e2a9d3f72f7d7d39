import { Result } from 'antd';
import type { ReactNode } from 'react';

/** The app cannot start (no browser session, the host does not answer): say why and what to do. */
export function FatalScreen({ message, extra }: { message: string; extra?: ReactNode }) {
  return (
    <div className="center-screen">
      <Result status="warning" title="Chưa mở được MotCua Desk" subTitle={message} extra={extra} />
    </div>
  );
}
