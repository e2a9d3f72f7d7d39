/** A sync suite over both server drivers, with the usual set-up and tidy-up. */
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { startFaultProxy, type FaultProxy } from './proxy';
import { closeStations, startCentral, SYNC_DRIVERS, type Central } from './harness';

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
      let central: Central | undefined;
      let proxy: FaultProxy | undefined;
      beforeAll(async () => {
        central = await startCentral(name);
      });
      afterAll(async () => {
        await central?.stop();
      });
      beforeEach(async () => {
        await central!.reset();
        proxy = await startFaultProxy(central!.url);
      });
      afterEach(async () => {
        await closeStations();
        await proxy?.close();
      });
      body(() => ({ central: central!, proxy: proxy! }));
    });
  });
}
