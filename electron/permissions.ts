/**
 * What a page may ask of Chromium: one policy for the permission checks (asked synchronously,
 * e.g. by navigator.permissions.query or before the clipboard is written) and the permission
 * requests (a prompt in a browser), and nothing for devices.
 *
 * The app's own page (app://motcua) uses one permission: writing text to the clipboard (antd's
 * copy button, e.g. the data folder's path in Cài đặt → Dữ liệu). Everything else (camera,
 * microphone, screen capture, notifications, geolocation, MIDI, clipboard reading, pointer lock,
 * fullscreen by the page, HID / serial / USB / Bluetooth devices, opening external links …) is
 * refused, and so is everything asked by any other page (the print window's forms included).
 * The scanners type as keyboards: they need no permission.
 */
import type { Session } from 'electron';
import { isAppUrl } from './ipc';

/** The permissions the app's own page is given. */
export const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a page at `url` (a URL or an origin) gets `permission`. */
export function permissionAllowed(permission: string, url: string | undefined | null): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(url);
}

type PolicySession = Pick<
  Session,
  'setPermissionCheckHandler' | 'setPermissionRequestHandler' | 'setDevicePermissionHandler'
>;

/** Apply the policy to a session; refused requests are logged (they are rare and telling). */
export function applyPermissionPolicy(
  session: PolicySession,
  log?: { warn(message: string, meta?: Record<string, unknown>): void },
): void {
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const url = details?.requestingUrl;
    const allowed = permissionAllowed(permission, url);
    if (!allowed) log?.warn('permission refused', { permission, url });
    callback(allowed);
  });
  session.setDevicePermissionHandler(() => false);
}
