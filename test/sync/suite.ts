/** A sync suite over both server drivers, with the usual set-up and tidy-up. */
import { describe } from 'vitest';
import { startFaultProxy, type FaultProxy } from './proxy';
import { SYNC_DRIVERS, useCentral, type Central } from './harness';

/** What describeCentral gives a suite's tests: the server, and a counting proxy in front of it. */
export interface CentralBench {
  central: Central;
  proxy: FaultProxy;
}

/**
 * describe.each over SYNC_DRIVERS (PostgreSQL skipped with its reason when absent): the server
 * started once per driver, reset before each test with a fresh fault proxy in front, every
 * station closed after it.
 */
export function describeCentral(title: string, body: (bench: () => CentralBench) => void): void {
  describe.each(SYNC_DRIVERS)(`${title} [$name]`, ({ name, skipReason }) => {
    describe.skipIf(skipReason !== null)(skipReason ?? 'runs', () => {
      let proxy: FaultProxy | undefined;
      const central = useCentral(name, {
        beforeEach: async () => {
          proxy = await startFaultProxy(central.url);
        },
        afterEach: async () => {
          await proxy?.close();
        },
      });
      body(() => ({ central, proxy: proxy! }));
    });
  });
}
