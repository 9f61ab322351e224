import type { remindersApi } from '../../../common/api/reminders';
import { FIELD_MESSAGES, type Locale } from '../../../common/i18n/errors';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import { churnRecords, recordChurn } from './churn';
import { recomputeNextService } from './next-service';

/** The services name field problems by FIELD_MESSAGES key; the user reads them in their language. */
function localizeError(locale: Locale, e: unknown): unknown {
  if (e instanceof AppError && e.code === 'INVALID_INPUT' && Array.isArray(e.details.fields)) {
    const fields = (e.details.fields as { field: string; message: string }[]).map((f) => ({
      field: f.field,
      message: f.message in FIELD_MESSAGES ? FIELD_MESSAGES[f.message as keyof typeof FIELD_MESSAGES][locale] : f.message,
    }));
    return new AppError('INVALID_INPUT', { ...e.details, fields, issues: fields.map((f) => f.message).join('; ') });
  }
  return e;
}

/** Runs a service call, its field problems localized — thrown at once or, for a call that reads on the read pool, rejected later. */
function localized<T>(locale: Locale, run: () => T): T {
  try {
    const r = run();
    if (r instanceof Promise) {
      return r.catch((e: unknown) => {
        throw localizeError(locale, e);
      }) as T;
    }
    return r;
  } catch (e) {
    throw localizeError(locale, e);
  }
}

export const remindersHandlers: Handlers<typeof remindersApi> = {
  'reminders.list': (ctx, input) => localized(ctx.locale, () => ctx.core.services.reminders.list(me(ctx), input)),
  'reminders.toTasks': (ctx, input) => localized(ctx.locale, () => ctx.core.services.reminders.toTasks(me(ctx), input)),
  'churn.record': (ctx, input) => localized(ctx.locale, () => recordChurn(ctx.core, me(ctx), input)),
  'churn.records': (ctx, { customerId }) => churnRecords(ctx.core, me(ctx), customerId),
  'vehicles.recomputeNextService': (ctx, { vehicleId }) => recomputeNextService(ctx.core, me(ctx).user.id, vehicleId),
};
