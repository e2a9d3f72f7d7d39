/**
 * The sync badge's polling: only sync.status (a passive method: it never keeps the idle lock
 * away), one call at a time, stopped for good by its stop function; an unchanged answer keeps
 * the same object (no re-render of the header).
 */
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // A fresh API client (it keeps the window it was built with) and a fresh store.
  vi.resetModules();
});

it('polls sync.status every 5 s without overlapping, and stops', async () => {
  vi.useFakeTimers();
  const status = { configured: false, pendingEvents: 2, rejected: [] };
  let inFlight = 0;
  let maxInFlight = 0;
  const call = vi.fn(async () => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // The core takes longer than the interval to answer.
    await new Promise((r) => setTimeout(r, 7000));
    inFlight--;
    return { ...status };
  });
  vi.stubGlobal('window', { motcua: { call } });
  const { startSyncPolling, useSync } = await import('../../renderer/stores/sync');

  const stop = startSyncPolling(5000);
  expect(call).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(7000);
  const first = useSync.getState().status;
  expect(first).toEqual(status);
  await vi.advanceTimersByTimeAsync(5000);
  expect(call).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(7000 + 5000 + 7000);
  expect(call).toHaveBeenCalledTimes(3);
  expect(useSync.getState().status).toBe(first);
  expect(maxInFlight).toBe(1);
  expect(new Set(call.mock.calls.map((c) => (c as unknown[])[0]))).toEqual(
    new Set(['sync.status']),
  );

  stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(call).toHaveBeenCalledTimes(3);
});

it('a refused poll (locked screen) leaves the last status and does not throw', async () => {
  const call = vi
    .fn()
    .mockResolvedValueOnce({ configured: false, pendingEvents: 1, rejected: [] })
    .mockRejectedValueOnce({
      code: 'unauthorized',
      message: 'Màn hình đang khóa',
      reason: 'locked',
    });
  vi.stubGlobal('window', { motcua: { call } });
  const { useSync } = await import('../../renderer/stores/sync');
  await expect(useSync.getState().refresh()).resolves.toMatchObject({ pendingEvents: 1 });
  await expect(useSync.getState().refresh()).resolves.toBeNull();
  expect(useSync.getState().status).toMatchObject({ pendingEvents: 1 });
});
