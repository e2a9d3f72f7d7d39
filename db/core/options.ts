/** What a host gives createCore, and the core it gets back. */
import type { MotcuaApi } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/errors';
import type { ScryptCost } from '../auth/password';
import type { Db } from '../open';
import type { PdfPrinter, RenderPrintHtml } from './print';
import type { CoreSyncOptions } from './syncLink';

export interface CoreLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface CoreOptions {
  dataDir: string;
  /** Holds procedures-sample.json and holidays-vn.json; default: build/seed of the app. */
  seedDataDir?: string;
  /** Default: the system clock. Office-local time is derived from it (UTC+7). */
  clock?: () => Date;
  /** The host's PDF maker and printer; without it print.render answers that printing is unavailable. */
  printer?: PdfPrinter;
  /**
   * The print templates' renderer, given by the host (renderer/print's renderPrintHtml); without
   * it print.preview and print.render answer that printing is unavailable.
   */
  renderHtml?: RenderPrintHtml;
  /**
   * @font-face CSS embedded in every printed form, or the host's reader of it (called once, at
   * the first form: electron/printFonts.ts's loadPrintFontCss). Default '': installed fonts.
   */
  fontCss?: string | (() => string);
  log?: CoreLogger;
  /**
   * The central server link. Hosts pass `{}` (or options) to run the background sync loop while
   * the workstation is enrolled; without it, rounds run only when asked (sync.now).
   */
  sync?: CoreSyncOptions;
  /** Parse every output with the contract too (tests): a mismatch becomes an 'internal' error. */
  checkOutputs?: boolean;
  /** The version setup.status reports (the host's: the app's package.json version). */
  appVersion: string;
  /**
   * The scrypt cost of new password hashes, and below which a hash is replaced at sign-in.
   * Default PASSWORD_COST (N = 2^17); tests that create many officers pass a lower one.
   */
  passwordCost?: ScryptCost;
}

export interface Core extends MotcuaApi {
  /** For hosts: any method name and input, never throws. */
  dispatch(method: unknown, input: unknown): Promise<ApiEnvelope>;
  readonly dataDir: string;
  /** The store (tests and host diagnostics only: the UI goes through call). */
  readonly db: Db;
  close(): Promise<void>;
}
