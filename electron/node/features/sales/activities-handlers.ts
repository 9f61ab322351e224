import type { activitiesApi } from '../../../common/api/activities';
import type { Core } from '../../core';
import { me, type HandlerCtx, type Handlers } from '../../handlers';
import { withCurrentOnStale } from '../../stale-record';
import { ActivityService } from './activities';
import { NotificationService } from './notifications';
import { PlanTemplateService } from './plan-templates';
import { ReviewService } from './review';

export interface ActivityServices {
  activities: ActivityService;
  templates: PlanTemplateService;
  review: ReviewService;
  notifications: NotificationService;
}

// Built once per core (as customers/edit-handlers.ts does), so core.ts stays untouched.
const services = new WeakMap<Core, ActivityServices>();

/** The activity, template, review and notification services of a core (other features may call them). */
export function activitiesOf(core: Core): ActivityServices {
  let svc = services.get(core);
  if (!svc) {
    const activities = new ActivityService(core);
    const notifications = new NotificationService(core);
    svc = { activities, notifications, templates: new PlanTemplateService(core, activities), review: new ReviewService(core, activities, notifications) };
    services.set(core, svc);
  }
  return svc;
}

const current = <T>(ctx: HandlerCtx, id: number, save: () => T): T => withCurrentOnStale(save, () => activitiesOf(ctx.core).activities.view(id));

export const activitiesHandlers: Handlers<typeof activitiesApi> = {
  'activities.list': (ctx, input) => activitiesOf(ctx.core).activities.list(me(ctx), input),
  'activities.plan': (ctx, input) => activitiesOf(ctx.core).activities.plan(me(ctx), input),
  // A stale copy is refused with the activity as the forms read it now (STALE_RECORD details.current).
  'activities.complete': (ctx, input) => current(ctx, input.id, () => activitiesOf(ctx.core).activities.complete(me(ctx), ctx.locale, input)),
  'activities.cancel': (ctx, input) => current(ctx, input.id, () => activitiesOf(ctx.core).activities.cancel(me(ctx), ctx.locale, input)),
  'activities.reschedule': (ctx, input) => current(ctx, input.id, () => activitiesOf(ctx.core).activities.reschedule(me(ctx), ctx.locale, input)),
  'activities.today': (ctx) => activitiesOf(ctx.core).activities.today(me(ctx)),
  'planTemplates.list': (ctx, input) => activitiesOf(ctx.core).templates.list(me(ctx), input.includeInactive),
  'planTemplates.create': (ctx, input) => activitiesOf(ctx.core).templates.create(me(ctx), ctx.locale, input),
  'planTemplates.update': (ctx, input) => activitiesOf(ctx.core).templates.update(me(ctx), ctx.locale, input),
  'planTemplates.deactivate': (ctx, input) => activitiesOf(ctx.core).templates.deactivate(me(ctx), input),
  'planTemplates.apply': (ctx, input) => activitiesOf(ctx.core).templates.apply(me(ctx), ctx.locale, input),
  'review.consultants': (ctx) => activitiesOf(ctx.core).review.consultants(me(ctx)),
  'review.activitiesOf': (ctx, input) => activitiesOf(ctx.core).review.activitiesOf(me(ctx), input),
  'review.comment': (ctx, input) => activitiesOf(ctx.core).review.comment(me(ctx), input),
  'review.list': (ctx, input) => activitiesOf(ctx.core).review.list(me(ctx), input),
  'notifications.list': (ctx, input) => activitiesOf(ctx.core).notifications.list(me(ctx), input),
  'notifications.markRead': (ctx, input) => activitiesOf(ctx.core).notifications.markRead(me(ctx), input),
};
