/**
 * The API as the renderer sees it: the Electron preload's `window.motcua`, or in browser mode an
 * HTTP client of the page's own origin. There the browser carries the session (an HttpOnly cookie
 * the host set when the launch address was opened): the page never holds a secret, and its
 * address never has one.
 */
import type { ApiArgs, ApiMethod, ApiOutput, MotcuaApi } from '../../shared/api/contract';
import { createHttpClient } from '../../shared/api/httpClient';
import { toApiError, type ApiError } from '../../shared/api/errors';

declare global {
  interface Window {
    motcua?: MotcuaApi;
  }
}

export interface RendererApi extends MotcuaApi {
  /** 'desktop' (Electron preload) or 'browser' (loopback HTTP host). */
  readonly host: 'desktop' | 'browser';
  /** A URL the page can open to show a stored PDF (browser mode only). */
  fileUrl?: (pdfPath: string) => string;
}

type Listener = (error: ApiError, method: ApiMethod) => void;
const listeners = new Set<Listener>();

/** Called for every failed call: the session store listens for 'unauthorized'. */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const successListeners = new Set<(method: ApiMethod) => void>();

/** Called after every successful call: the sync badge listens for calls that write events. */
export function onApiSuccess(listener: (method: ApiMethod) => void): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

function withErrorHooks(base: MotcuaApi, host: RendererApi['host']): RendererApi {
  return {
    host,
    async call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiOutput<M>> {
      try {
        const result = await base.call(method, ...args);
        for (const l of successListeners) l(method);
        return result;
      } catch (err) {
        const error = toApiError(err);
        for (const l of listeners) l(error, method);
        throw error;
      }
    },
  };
}

let instance: RendererApi | null = null;

/** Build the API once at startup. */
export function initApi(win: Window = window): RendererApi {
  if (instance) return instance;
  if (win.motcua) {
    instance = withErrorHooks(win.motcua, 'desktop');
    return instance;
  }
  const http = createHttpClient({ baseUrl: '' });
  const api = withErrorHooks(http, 'browser');
  api.fileUrl = (p: string) => http.fileUrl(p);
  instance = api;
  return instance;
}

export function getApi(): RendererApi {
  if (!instance) return initApi();
  return instance;
}

/** Shorthand used by the screens. */
export function call<M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiOutput<M>> {
  return getApi().call(method, ...args);
}

export { toApiError, type ApiError };
