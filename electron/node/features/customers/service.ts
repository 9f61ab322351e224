import { eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { customerPhones, customers, users, vehicles } from '../../../../db/schema';
import type { CustomerCard } from '../../../common/api/customers';
import { AppError } from '../../errors';
import type { AuthService, SessionCtx } from '../auth/service';

export class CustomerService {
  constructor(
    private db: Db,
    private auth: AuthService,
  ) {}

  /** May this session see this customer? Consultants: only their own. Enforced here, not in the UI. */
  canSee(s: SessionCtx, ownerId: number | null): boolean {
    if (this.auth.hasPermission(s, 'customers.viewAll')) return true;
    return ownerId === s.user.id;
  }

  getCard(s: SessionCtx, id: number): CustomerCard {
    const row = this.db
      .select({ c: customers, ownerName: users.displayName })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(eq(customers.id, id))
      .get();
    // Someone else's customer is answered exactly like a missing one: no existence leak.
    if (!row || !this.canSee(s, row.c.ownerId)) throw new AppError('NOT_FOUND');
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
      phones: this.db
        .select({
          id: customerPhones.id,
          raw: customerPhones.raw,
          normalized: customerPhones.normalized,
          kind: customerPhones.kind,
          isPrimary: customerPhones.isPrimary,
        })
        .from(customerPhones)
        .where(eq(customerPhones.customerId, id))
        .all(),
      vehicles: this.db
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
        .where(eq(vehicles.customerId, id))
        .all(),
    };
  }
}
