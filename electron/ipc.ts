/**
 * The desktop app's one IPC channel: ipcRenderer.invoke('motcua:call', { method, input }) →
 * core.dispatch → the ApiEnvelope. Inputs are validated by the core (the contract's zod
 * schemas); this module only checks that the call comes from the app's own page.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../shared/api/channel';
import type { ApiEnvelope } from '../shared/api/errors';
import type { Core } from '../db/core/core';

/** The origin the app's page is served from (protocol.ts). */
export const APP_ORIGIN = 'app://motcua';

export function isAppUrl(url: string | undefined | null): boolean {
  return typeof url === 'string' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}

function reject(message: string): ApiEnvelope {
  return { ok: false, error: { code: 'unauthorized', message } };
}

/** The handler, apart from ipcMain so tests can call it directly. */
export function ipcHandler(core: Pick<Core, 'dispatch'>) {
  return async (
    event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
    payload: unknown,
  ): Promise<ApiEnvelope> => {
    const frameUrl = event.senderFrame?.url;
    if (!isAppUrl(frameUrl)) {
      return reject('Yêu cầu không đến từ giao diện của MotCua Desk nên bị từ chối.');
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'Yêu cầu gửi đến phần mềm phải có dạng { method, input }.',
        },
      };
    }
    const { method, input } = payload as { method?: unknown; input?: unknown };
    return core.dispatch(method, input);
  };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'dispatch'>,
): () => void {
  ipcMain.handle(IPC_CHANNEL, ipcHandler(core));
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
