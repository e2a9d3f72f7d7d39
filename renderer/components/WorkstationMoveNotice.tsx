/**
 * The banner on a workstation the central server moved from number 0 to number 1 (customer
 * decision "Workstation 0"): what changed for the dossier codes it prints, until an officer
 * acknowledges it. The header's "Máy N" is read again at the same time.
 */
import { useEffect } from 'react';
import { Alert, Button } from 'antd';
import { workstationMoveNotice } from '../../shared/dossier/code';
import { call } from '../api/client';
import { useSession } from '../stores/session';
import { useSync } from '../stores/sync';

export function WorkstationMoveNotice() {
  const status = useSync((s) => s.status);
  const setStatus = useSync((s) => s.setStatus);
  const move = status?.configured ? status.workstationMove : null;
  const to = move?.to;

  useEffect(() => {
    if (to === undefined) return;
    void call('setup.status').then(
      (setup) => useSession.getState().setStatus(setup),
      () => undefined,
    );
  }, [to]);

  if (!move) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ margin: '8px 16px 0' }}
      message={`Máy này nay là máy số ${move.to}`}
      description={workstationMoveNotice(move.from, move.to)}
      action={
        <Button
          size="small"
          onClick={() => {
            void call('sync.dismissMoveNotice').then(setStatus, () => undefined);
          }}
        >
          Đã hiểu
        </Button>
      }
    />
  );
}
