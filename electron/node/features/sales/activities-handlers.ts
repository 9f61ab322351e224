import type { activitiesApi } from '../../../common/api/activities';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import type { ActivityService } from './activities';
import type { NotificationService } from './notifications';
import type { PlanTemplateService } from './plan-templates';
import type { ReviewService } from './review';

export interface ActivityServices {
  activities: ActivityService;
  templates: PlanTemplateService;
  review: ReviewService;
  notifications: NotificationService;
}

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T => withCurrentOnStale(save, () => ctx.core.services.activities.activities.view(id));

export const activitiesHandlers: Handlers<typeof activitiesApi> = {
  'activities.list': (ctx, input) => ctx.core.services.activities.activities.list(me(ctx), input),
  'activities.plan': (ctx, input) => ctx.core.services.activities.activities.plan(me(ctx), input),
  // A stale copy is refused with the activity as the forms read it now (STALE_RECORD details.current).
  'activities.complete': (ctx, input) => current(ctx, input.id, () => ctx.core.services.activities.activities.complete(me(ctx), ctx.locale, input)),
  'activities.cancel': (ctx, input) => current(ctx, input.id, () => ctx.core.services.activities.activities.cancel(me(ctx), ctx.locale, input)),
  'activities.reschedule': (ctx, input) => current(ctx, input.id, () => ctx.core.services.activities.activities.reschedule(me(ctx), ctx.locale, input)),
  'activities.today': (ctx) => ctx.core.services.activities.activities.today(me(ctx)),
  'planTemplates.list': (ctx, input) => ctx.core.services.activities.templates.list(me(ctx), input.includeInactive),
  'planTemplates.create': (ctx, input) => ctx.core.services.activities.templates.create(me(ctx), ctx.locale, input),
  'planTemplates.update': (ctx, input) => ctx.core.services.activities.templates.update(me(ctx), ctx.locale, input),
  'planTemplates.deactivate': (ctx, input) => ctx.core.services.activities.templates.deactivate(me(ctx), input),
  'planTemplates.apply': (ctx, input) => ctx.core.services.activities.templates.apply(me(ctx), ctx.locale, input),
  'review.consultants': (ctx) => ctx.core.services.activities.review.consultants(me(ctx)),
  'review.activitiesOf': (ctx, input) => ctx.core.services.activities.review.activitiesOf(me(ctx), input),
  'review.comment': (ctx, input) => ctx.core.services.activities.review.comment(me(ctx), input),
  'review.list': (ctx, input) => ctx.core.services.activities.review.list(me(ctx), input),
  'notifications.list': (ctx, input) => ctx.core.services.activities.notifications.list(me(ctx), input),
  'notifications.markRead': (ctx, input) => ctx.core.services.activities.notifications.markRead(me(ctx), input),
};
