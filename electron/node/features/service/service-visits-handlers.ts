import { sql } from 'drizzle-orm';
import type { serviceVisitsApi, VehicleVisitsView } from '../../../common/api/service-visits';
import type { surveysApi } from '../../../common/api/surveys';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import { cleanPlate } from '../customers';
import { importRepairOrders } from './ro-import';
import { importSurveys } from './satisfaction-import';
import { addServiceVisit, visitsOf } from './service-visits';

/** A vehicle by id, VIN or plate, with its recent visits and the advisors to pick from. */
function vehicleView(core: Pick<Core, 'db'>, input: { vehicleId?: number; query?: string }): VehicleVisitsView {
  const q = input.query?.trim() ?? '';
  const where =
    input.vehicleId !== undefined ? sql`v.id = ${input.vehicleId}` : q ? sql`v.id = (SELECT id FROM vehicles WHERE vin = ${q.toUpperCase()} OR plate = ${cleanPlate(q)} ORDER BY id DESC LIMIT 1)` : sql`0`;
  const vehicle = core.db.get<VehicleVisitsView['vehicle']>(sql`
    SELECT v.id, v.customer_id AS customerId, c.name AS customerName, v.plate, v.vin,
           COALESCE((SELECT d.label_zh FROM dictionaries d WHERE d.kind = 'model' AND d.code = v.model), v.model) AS model,
           v.mileage, v.last_service_date AS lastServiceDate, v.next_service_date AS nextServiceDate, v.delivery_date AS deliveryDate
      FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE ${where}`);
  if (!vehicle) throw new AppError('NOT_FOUND');
  const advisors = core.db.all<{ id: number; name: string }>(sql`SELECT id, display_name AS name FROM users WHERE role = 'serviceAdvisor' AND active = 1 ORDER BY display_name, id`);
  return { vehicle, visits: visitsOf(core, vehicle.id), advisors };
}

export const serviceVisitsHandlers: Handlers<typeof serviceVisitsApi> = {
  'serviceVisits.vehicle': (ctx, input) => {
    me(ctx);
    return vehicleView(ctx.core, input);
  },
  'serviceVisits.add': (ctx, input) => addServiceVisit(ctx.core, me(ctx).user.id, ctx.locale, input),
  'serviceVisits.import': (ctx, input) => importRepairOrders(ctx.core, me(ctx).user.id, ctx.locale, { ...ctx.core.uploads.take(me(ctx).user.id, input.uploadId), encoding: input.encoding }),
};

export const surveysHandlers: Handlers<typeof surveysApi> = {
  'surveys.import': (ctx, input) =>
    importSurveys(ctx.core, me(ctx).user.id, ctx.locale, { ...ctx.core.uploads.take(me(ctx).user.id, input.uploadId), assigneeId: input.assigneeId, encoding: input.encoding }),
};
