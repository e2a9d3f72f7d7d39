/** First run (cài đặt ban đầu): the office, its hours, this workstation and the first admin. */
import { apiError } from '../../../shared/api/errors';
import { OfficerError } from '../../auth/officers';
import { hashPassword } from '../../auth/password';
import { toApiErrorFromDb } from '../errors';
import { initializeOffice, setupState } from '../setup';
import type { CoreEnv, HandlersOf } from './types';

export function setupHandlers(env: CoreEnv): HandlersOf<'setup.'> {
  return {
    'setup.status': () => ({
      ...setupState(env.db),
      appVersion: env.options.appVersion,
    }),

    'setup.initialize': async (input, ctx) => {
      if (setupState(env.db).initialized) {
        throw apiError('conflict', 'Đơn vị đã được cài đặt trên máy này: hãy đăng nhập.');
      }
      const passwordHash = await hashPassword(input.admin.password, env.passwordCost);
      const weekdays = input.workingSaturdays ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
      let done;
      try {
        done = initializeOffice(
          env.db,
          {
            office: input.office,
            officeHours: input.officeHours,
            workingWeekdays: weekdays,
            workstation: input.workstation,
            admin: { username: input.admin.username, fullName: input.admin.fullName, passwordHash },
          },
          ctx.now,
        );
      } catch (err) {
        if (err instanceof OfficerError && err.field) {
          throw apiError(err.code, err.message, {
            fields: { [`admin.${err.field}`]: err.message },
          });
        }
        const mapped = toApiErrorFromDb(
          err,
          err instanceof Error && err.name === 'OfficeError' ? 'office.' : '',
        );
        if (mapped.unexpected) throw err;
        throw apiError(mapped.error.code, mapped.error.message, mapped.error);
      }
      const started = env.session.startFor(done.admin);
      env.log.info('office initialized', {
        unitCode: done.office.unitCode,
        workstation: done.workstation.number,
      });
      return { office: done.office, workstation: done.workstation, session: started };
    },
  };
}
