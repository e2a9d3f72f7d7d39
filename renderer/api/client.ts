/**
 * The API as the renderer sees it: the Electron preload's `window.motcua`, or in browser mode an
 * HTTP client built from the launch token. The token arrives once as `?token=` in the address;
 * it is kept in sessionStorage (this tab only) and removed from the address bar so that it does
 * not end up in screenshots, bookmarks or the history.
 */
import type { ApiArgs, ApiMethod, ApiOutput, MotcuaApi } from '../../shared/api/contract';
import { createHttpClient } from '../../shared/api/httpClient';
import { toApiError, type ApiError } from '../../shared/api/errors';
import { sessionStore } from '../stores/storage';

declare global {
  interface Window {
    motcua?: MotcuaApi;
  }
}

export const TOKEN_KEY = 'motcua.token';

/** The token in a URL and the URL without it (other parameters and the hash kept). */
export function takeTokenFromUrl(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete('token');
  const search = url.searchParams.toString();
  return {
    token: token.trim() === '' ? null : token.trim(),
    cleanUrl: `${url.origin}${url.pathname}${search ? `?${search}` : ''}${url.hash}`,
  };
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

export class MissingTokenError extends Error {
  constructor() {
    super(
      'Trang này thiếu mã truy cập. Hãy mở đúng địa chỉ mà lệnh "npm run web" in ra (có phần ?token=…), ' +
        'hoặc chạy lại lệnh đó nếu đã đóng cửa sổ dòng lệnh.',
    );
    this.name = 'MissingTokenError';
  }
}

/** Build the API once at startup. Throws MissingTokenError in browser mode without a token. */
export function initApi(win: Window = window): RendererApi {
  if (instance) return instance;
  if (win.motcua) {
    instance = withErrorHooks(win.motcua, 'desktop');
    return instance;
  }
  const storage = sessionStore();
  const { token, cleanUrl } = takeTokenFromUrl(win.location.href);
  if (token) {
    storage.setItem(TOKEN_KEY, token);
    win.history.replaceState(win.history.state, '', cleanUrl);
  }
  const stored = (storage.getItem(TOKEN_KEY) as string | null) ?? null;
  if (!stored) throw new MissingTokenError();
  const http = createHttpClient({ baseUrl: '', token: stored });
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
