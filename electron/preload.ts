/**
 * The desktop app's preload (sandboxed, context-isolated): exposes ONE object, window.motcua,
 * with one method, call(method, input), over the one IPC channel. A failed call rejects with the
 * ApiError as a plain object { code, message, fields?, … } (contextBridge would strip an Error's
 * own properties); the renderer normalises with toApiError.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../shared/api/channel';
import type { ApiEnvelope } from '../shared/api/errors';

const motcua = {
  async call(method: string, input?: unknown): Promise<unknown> {
    const envelope = (await ipcRenderer.invoke(IPC_CHANNEL, { method, input })) as ApiEnvelope;
    if (envelope.ok) return envelope.value;
    throw { ...envelope.error };
  },
};

contextBridge.exposeInMainWorld('motcua', motcua);
