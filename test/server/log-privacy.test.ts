/**
 * The server log never holds the personal data of a push: a database error during a push (here a
 * full disk, raised by the database itself) is logged by its code and message only, not with the
 * query's parameters (PGlite's errors carry the whole batch: names, CCCD numbers, addresses).
 */
import { afterEach, expect, it } from 'vitest';
import { describeDrivers, enrol, ONE_STOP, push, seedUnits } from './harness';
import { dossierCode, received } from './fixtures';

const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };

describeDrivers(
  'server log on a database error',
  (bench) => {
    afterEach(async () => {
      await bench().db.exec(
        'DROP TRIGGER IF EXISTS full_disk ON events; DROP FUNCTION IF EXISTS full_disk()',
      );
    });

    it('names the error by code and message, without the names, CCCD numbers and addresses pushed', async () => {
      const b = bench();
      await seedUnits(b.db);
      const a1 = await enrol(b, ONE_STOP, 1);
      await b.db.exec(`
        CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
        END $$;
        CREATE TRIGGER full_disk BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION full_disk();
      `);
      lines.length = 0;
      const event = received(a1, dossierCode(a1, 1));
      const { applicant } = event.payload as {
        applicant: { name: string; idNumber: string; address: string; phone: string };
      };
      // The client retries a failed push: each retry must be as discreet as the first.
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await push(b, a1.deviceToken, [event]);
        expect(res.statusCode).toBe(500);
      }
      const log = lines.join('');
      const failures = lines
        .map((l) => JSON.parse(l) as { msg?: string; err?: Record<string, unknown> })
        .filter((l) => l.msg === 'request failed');
      expect(failures).toHaveLength(2);
      expect(failures[0]!.err).toMatchObject({
        code: '53100',
        message: 'could not extend file: No space left on device',
      });
      for (const personal of [
        applicant.idNumber,
        applicant.name,
        applicant.address,
        applicant.phone,
      ]) {
        expect(log).not.toContain(personal);
      }
      expect(log).not.toContain(event.dossierId);
    });
  },
  { logger: { level: 'info', stream: capture } },
);
