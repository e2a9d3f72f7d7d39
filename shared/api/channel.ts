/**
 * Transport constants of the two hosts, apart from the contract so the desktop preload (a small
 * sandboxed script) does not have to bundle zod and the whole table.
 */

/** The desktop app's one IPC channel: invoke(IPC_CHANNEL, { method, input }) → ApiEnvelope. */
export const IPC_CHANNEL = 'motcua:call';

/**
 * Browser mode: the session cookie the launch address is exchanged for (HttpOnly, SameSite=Strict;
 * the page never sees it), and the header every API call carries: a page of another origin cannot
 * send it without a CORS preflight, which the host never grants.
 */
export const SESSION_COOKIE = 'motcua_session';
export const CSRF_HEADER = 'x-motcua-request';
/** The user name of launch addresses (http://motcua:<one-time token>@127.0.0.1:PORT/launch). */
export const LAUNCH_USER = 'motcua';
export const LAUNCH_PATH = '/launch';
