/**
 * Transport constants of the two hosts, apart from the contract so the desktop preload (a small
 * sandboxed script) does not have to bundle zod and the whole table.
 */

/** The desktop app's one IPC channel: invoke(IPC_CHANNEL, { method, input }) → ApiEnvelope. */
export const IPC_CHANNEL = 'motcua:call';

/** The HTTP header that carries the browser-mode token. */
export const TOKEN_HEADER = 'x-motcua-token';
