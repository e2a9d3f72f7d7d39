/**
 * The permission policy of the desktop app (electron/permissions.ts): the app's own page may write
 * to the clipboard and nothing else; any other page may do nothing; devices are refused; the same
 * answer for a check and a request.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { applyPermissionPolicy, permissionAllowed } from '../../electron/permissions';
import { fakeSession } from './electronMock';

/** Every permission Electron 41 names for checks and requests (electron.d.ts). */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'unknown',
  'usb',
  'window-management',
];

const APP = ['app://motcua', 'app://motcua/', 'app://motcua/index.html#/ho-so'];
const OTHERS = [
  'https://evil.example',
  'http://127.0.0.1:4455/',
  'file:///tmp/motcua-print-x/form.html',
  'app://motcua.evil.example',
  'app://motcuax/index.html',
  'app://other/',
  'data:text/html,<p>x</p>',
  '',
  null,
  undefined,
];

describe('permission policy', () => {
  it("gives the app's page the clipboard write only, and any other page nothing", () => {
    for (const url of APP)
      expect(PERMISSIONS.filter((p) => permissionAllowed(p, url))).toEqual([
        'clipboard-sanitized-write',
      ]);
    for (const url of OTHERS)
      expect(
        PERMISSIONS.filter((p) => permissionAllowed(p, url)),
        String(url),
      ).toEqual([]);
  });

  it('answers checks and requests alike, logs refused requests, refuses devices', () => {
    const session = fakeSession();
    const log = { warn: vi.fn() };
    applyPermissionPolicy(session as unknown as Session, log);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      cb: (ok: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean;
    const requested = (permission: string, url: string) => {
      const cb = vi.fn();
      request({}, permission, cb, { requestingUrl: url });
      return cb.mock.calls[0]![0] as boolean;
    };
    for (const url of [...APP, 'https://evil.example/']) {
      for (const p of PERMISSIONS) {
        expect(check(null, p, url), `${p} ${url}`).toBe(permissionAllowed(p, url));
        expect(requested(p, url), `${p} ${url}`).toBe(permissionAllowed(p, url));
      }
    }
    expect(check(null, 'media', 'app://motcua')).toBe(false);
    expect(requested('clipboard-sanitized-write', 'app://motcua/index.html')).toBe(true);
    expect(log.warn).toHaveBeenCalledWith('permission refused', {
      permission: 'media',
      url: 'app://motcua/',
    });
    expect(device({ deviceType: 'hid', origin: 'app://motcua' })).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'https://evil.example' })).toBe(false);
  });
});
