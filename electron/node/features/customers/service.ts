import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { customerPhones, customers, rolePermissions, userPermissions, users, vehicles } from '../../../../db/schema';
import type { CustomerCard } from '../../../common/api/customers';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth/service';

const byCustomer = sql.placeholder('customerId');

export class CustomerService {
  // The card is opened on every screen pop and search hit: its queries are built once.
  private q;

  constructor(db: Db) {
    this.q = {
      // Visibility is decided in the same query (own customer, or the viewAll permission with
      // the user's own override winning over the role's), so the check costs no extra round trip.
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
          visible: sql<number>`(${customers.ownerId} = ${sql.placeholder('uid')} or coalesce(
            (select ${userPermissions.granted} from ${userPermissions} where ${userPermissions.userId} = ${sql.placeholder('uid')} and ${userPermissions.permission} = 'customers.viewAll'),
            exists(select 1 from ${rolePermissions} where ${rolePermissions.role} = ${sql.placeholder('role')} and ${rolePermissions.permission} = 'customers.viewAll')))`,
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
        .prepare(),
    };
  }

  getCard(s: SessionCtx, id: number): CustomerCard {
    const row = this.q.customer.get({ customerId: id, uid: s.user.id, role: s.user.role });
    // Someone else's customer is answered exactly like a missing one: no existence leak.
    if (!row || row.visible !== 1) throw new AppError('NOT_FOUND');
    const c = row.c;
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
      phones: this.q.phones.all({ customerId: id }),
      vehicles: this.q.vehicles.all({ customerId: id }),
    };
  }
}
