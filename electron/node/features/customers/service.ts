import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../../db/client';
import {
  activities,
  calls,
  complaints,
  customerPhones,
  customers,
  opportunities,
  recordings,
  revisits,
  serviceVisits,
  smsMessages,
  users,
  vehicles,
} from '../../../../db/schema';
import { CARD_SECTION_LIMIT, type CardSection, type CustomerCard } from '../../../common/api/customers';
import { MANAGER_ROLES } from '../../../common/roles';
import { isStageCode, stageProbability } from '../../../common/stages';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth/service';

const byCustomer = sql.placeholder('customerId');
const limit = sql.placeholder('limit');
/** Every section row carries the section's total (a window count), so one statement per section. */
const total = sql<number>`count(*) over ()`.as('total');

/**
 * Whether the session's user may see customer `c` — the same rule as CustomerVisibility (own;
 * a manager's teams; customers.viewAll with the user's override winning over the role), written
 * as one SQL expression so the card decides it inside its single customer query. The cheap tests
 * come first: SQLite stops at the first true term.
 */
const visibleSql = sql<number>`(${customers.ownerId} = ${sql.placeholder('uid')}
  or coalesce(
    (select granted from user_permissions where user_id = ${sql.placeholder('uid')} and permission = 'customers.viewAll'),
    exists(select 1 from role_permissions where role = ${sql.placeholder('role')} and permission = 'customers.viewAll'))
  or (${sql.placeholder('manager')} = 1 and ${customers.ownerId} in (select tu.id from users tu where tu.team_id in (
    select t.id from teams t where t.manager_id = ${sql.placeholder('uid')}
    union select mu.team_id from users mu where mu.id = ${sql.placeholder('uid')} and mu.team_id is not null))))`;

function section<T extends { total: number }>(rows: T[]): CardSection<Omit<T, 'total'>> {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...rest }) => rest),
  };
}

export class CustomerService {
  // The card is opened on every screen pop and search hit: its queries are built once.
  private q;

  constructor(db: Db) {
    const person = alias(users, 'person');
    this.q = {
      customer: db
        .select({
          c: {
            id: customers.id,
            kind: customers.kind,
            name: customers.name,
            gender: customers.gender,
            idNumber: customers.idNumber,
            birthday: customers.birthday,
            city: customers.city,
            address: customers.address,
            source: customers.source,
            ownerId: customers.ownerId,
            dndCall: customers.dndCall,
            dndSms: customers.dndSms,
            dndRevisit: customers.dndRevisit,
          },
          ownerName: users.displayName,
          visible: visibleSql,
        })
        .from(customers)
        .leftJoin(users, eq(users.id, customers.ownerId))
        .where(eq(customers.id, byCustomer))
        .prepare(),
      phones: db
        .select({
          id: customerPhones.id,
          raw: customerPhones.raw,
          normalized: customerPhones.normalized,
          kind: customerPhones.kind,
          isPrimary: customerPhones.isPrimary,
        })
        .from(customerPhones)
        .where(eq(customerPhones.customerId, byCustomer))
        .orderBy(desc(customerPhones.isPrimary), customerPhones.id)
        .prepare(),
      vehicles: db
        .select({
          id: vehicles.id,
          vin: vehicles.vin,
          plate: vehicles.plate,
          model: vehicles.model,
          purchaseDate: vehicles.purchaseDate,
          mileage: vehicles.mileage,
          nextServiceDate: vehicles.nextServiceDate,
          insuranceExpiry: vehicles.insuranceExpiry,
        })
        .from(vehicles)
        .where(eq(vehicles.customerId, byCustomer))
        .orderBy(vehicles.id)
        .prepare(),
      opportunities: db
        .select({
          id: opportunities.id,
          stage: opportunities.stage,
          status: opportunities.status,
          model: opportunities.model,
          expectedPurchaseDate: opportunities.expectedPurchaseDate,
          ownerName: person.displayName,
          createdAt: opportunities.createdAt,
          total,
        })
        .from(opportunities)
        .leftJoin(person, eq(person.id, opportunities.consultantId))
        .where(eq(opportunities.customerId, byCustomer))
        .orderBy(desc(opportunities.createdAt), desc(opportunities.id))
        .limit(limit)
        .prepare(),
      activities: db
        .select({
          id: activities.id,
          type: activities.type,
          status: activities.status,
          plannedAt: activities.plannedAt,
          doneAt: activities.doneAt,
          subject: activities.subject,
          result: activities.result,
          ownerName: person.displayName,
          total,
        })
        .from(activities)
        .leftJoin(person, eq(person.id, activities.ownerId))
        .where(eq(activities.customerId, byCustomer))
        // Newest contact first, whether done or only planned.
        .orderBy(desc(sql`coalesce(${activities.doneAt}, ${activities.plannedAt}, ${activities.createdAt})`), desc(activities.id))
        .limit(limit)
        .prepare(),
      serviceHistory: db
        .select({
          id: serviceVisits.id,
          roNumber: serviceVisits.roNumber,
          date: serviceVisits.date,
          type: serviceVisits.type,
          plate: vehicles.plate,
          model: vehicles.model,
          mileage: serviceVisits.mileage,
          amount: serviceVisits.amount,
          advisorName: person.displayName,
          total,
        })
        .from(serviceVisits)
        .leftJoin(vehicles, eq(vehicles.id, serviceVisits.vehicleId))
        .leftJoin(person, eq(person.id, serviceVisits.advisorId))
        .where(eq(serviceVisits.customerId, byCustomer))
        .orderBy(desc(serviceVisits.date), desc(serviceVisits.id))
        .limit(limit)
        .prepare(),
      revisits: db
        .select({
          id: revisits.id,
          kind: revisits.kind,
          status: revisits.status,
          result: revisits.result,
          score: revisits.score,
          dueDate: revisits.dueDate,
          doneAt: revisits.doneAt,
          agentName: person.displayName,
          total,
        })
        .from(revisits)
        .leftJoin(person, eq(person.id, revisits.agentId))
        .where(eq(revisits.customerId, byCustomer))
        .orderBy(desc(revisits.createdAt), desc(revisits.id))
        .limit(limit)
        .prepare(),
      calls: db
        .select({
          id: calls.id,
          direction: calls.direction,
          startedAt: calls.startedAt,
          durationS: calls.durationS,
          outcome: calls.outcome,
          userName: person.displayName,
          recordingId: sql<number | null>`(select max(${recordings.id}) from ${recordings} where ${recordings.callId} = ${calls.id} and ${recordings.deletedAt} is null)`,
          total,
        })
        .from(calls)
        .leftJoin(person, eq(person.id, calls.userId))
        .where(eq(calls.customerId, byCustomer))
        .orderBy(desc(calls.startedAt), desc(calls.id))
        .limit(limit)
        .prepare(),
      sms: db
        .select({
          id: smsMessages.id,
          number: smsMessages.number,
          text: smsMessages.text,
          status: smsMessages.status,
          createdAt: smsMessages.createdAt,
          total,
        })
        .from(smsMessages)
        .where(eq(smsMessages.customerId, byCustomer))
        .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
        .limit(limit)
        .prepare(),
      complaints: db
        .select({
          id: complaints.id,
          category: complaints.category,
          status: complaints.status,
          description: complaints.description,
          createdAt: complaints.createdAt,
          assigneeName: person.displayName,
          total,
        })
        .from(complaints)
        .leftJoin(person, eq(person.id, complaints.assigneeId))
        .where(eq(complaints.customerId, byCustomer))
        .orderBy(desc(complaints.createdAt), desc(complaints.id))
        .limit(limit)
        .prepare(),
    };
  }

  getCard(s: SessionCtx, id: number): CustomerCard {
    const row = this.q.customer.get({ customerId: id, uid: s.user.id, role: s.user.role, manager: MANAGER_ROLES.includes(s.user.role) ? 1 : 0 });
    // Someone else's customer is answered exactly like a missing one: no existence leak.
    if (!row || row.visible !== 1) throw new AppError('NOT_FOUND');
    const c = row.c;
    const p = { customerId: id, limit: CARD_SECTION_LIMIT };
    const opps = section(this.q.opportunities.all(p));
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      gender: c.gender,
      idNumber: c.idNumber,
      birthday: c.birthday,
      city: c.city,
      address: c.address,
      source: c.source,
      ownerId: c.ownerId,
      ownerName: row.ownerName,
      dndCall: c.dndCall,
      dndSms: c.dndSms,
      dndRevisit: c.dndRevisit,
      phones: this.q.phones.all(p),
      vehicles: this.q.vehicles.all(p),
      opportunities: {
        total: opps.total,
        items: opps.items.map((o) => ({ ...o, probability: isStageCode(o.stage) ? stageProbability(o.stage) : null })),
      },
      activities: section(this.q.activities.all(p)),
      serviceHistory: section(this.q.serviceHistory.all(p)),
      revisits: section(this.q.revisits.all(p)),
      calls: section(this.q.calls.all(p)),
      sms: section(this.q.sms.all(p)),
      complaints: section(this.q.complaints.all(p)),
    };
  }
}
