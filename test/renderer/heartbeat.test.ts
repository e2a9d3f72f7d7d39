/**
 * The activity heartbeat tells the core with auth.touch (activity and nothing else), not with a
 * data call such as office.get.
 */
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('touchCore calls auth.touch, and a refused touch (locked screen) is not an error', async () => {
  const call = vi
    .fn()
    .mockResolvedValueOnce({ ok: true, now: '2026-03-10T09:00' })
    .mockRejectedValueOnce({
      code: 'unauthorized',
      message: 'Màn hình đang khóa',
      reason: 'locked',
    });
  vi.stubGlobal('window', { motcua: { call } });
  const { touchCore } = await import('../../renderer/lib/idle');
  await expect(touchCore()).resolves.toBeUndefined();
  await expect(touchCore()).resolves.toBeUndefined();
  expect(call.mock.calls).toEqual([['auth.touch'], ['auth.touch']]);
});
