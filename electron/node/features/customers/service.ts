import type { Statement } from 'better-sqlite3';
import type { Db, Sqlite } from '../../../../db/client';
import { CARD_SECTION_LIMIT, type CardSection, type CustomerCard, type PhoneView, type VehicleView } from '../../../common/api/customers';
import type { UserModule } from '../../../common/module-access';
import { isStageCode, stageProbability } from '../../../common/stages';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { visibleCustomersText, visibleParams } from './visibility';

type CustomerRow = Omit<CustomerCard, 'phones' | 'vehicles' | 'dndCall' | 'dndSms' | 'dndRevisit' | SectionKey> & {
  dndCall: number;
  dndSms: number;
  dndRevisit: number;
};
type SectionKey = 'opportunities' | 'serviceHistory' | 'revisits' | 'calls' | 'sms' | 'complaints';
type Row<K extends SectionKey> = NonNullable<CustomerCard[K]>['items'][number] & { total: number };
type Stmt<T> = Statement<[number], T>;

function section<T extends { total: number }>(rows: T[]): CardSection<Omit<T, 'total'>> {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...rest }) => rest),
  };
}

/**
 * The customer card (360° view). It is opened on every screen pop and search hit, so its nine
 * statements are prepared once and run as plain better-sqlite3 statements with camelCase aliases:
 * the card must stay within 1.5× of the bare SQL (scripts/bench/api.bench.ts runs the same text),
 * and the query builder's per-row mapping cost more than that for ten small result sets.
 */
export class CustomerService {
  private q;

  constructor(db: Db) {
    // core.ts hands this service the drizzle handle; its better-sqlite3 connection is the same one.
    const sqlite = (db as Db & { $client: Sqlite }).$client;
    // The limit is part of the SQL text, not a parameter: with a literal LIMIT SQLite keeps only the
    // top rows while sorting, and a bound one measured about 3× slower on these small sections.
    const prep = <T>(text: string): Stmt<T> => sqlite.prepare<[number], T>(text);
    this.q = {
      // The visibility rule evaluated inside the card's one customer query (visibility.ts).
      customer: sqlite.prepare<[{ id: number } & ReturnType<typeof visibleParams>], CustomerRow>(
        `SELECT c.id, c.kind, c.name, c.gender, c.id_number AS idNumber, c.birthday, c.city, c.address, c.source, c.occupation,
                c.owner_id AS ownerId, u.display_name AS ownerName,
                c.dnd_call AS dndCall, c.dnd_sms AS dndSms, c.dnd_revisit AS dndRevisit, c.version,
                c.consent_status AS consentStatus, c.consent_date AS consentDate, c.consent_method AS consentMethod,
                c.consent_withdrawn_date AS consentWithdrawnDate, c.consent_file IS NOT NULL AS consentFile
           FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = @id AND ${visibleCustomersText('c')}`,
      ),
      mergedInto: sqlite.prepare<[number], number>('SELECT kept_id FROM customer_merges WHERE merged_id = ?').pluck(),
      phones: sqlite.prepare<[number], Omit<PhoneView, 'isPrimary'> & { isPrimary: number }>(
        'SELECT id, raw, normalized, kind, is_primary AS isPrimary FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id',
      ),
      vehicles: sqlite.prepare<[number], VehicleView>(
        `SELECT id, vin, plate, model, purchase_date AS purchaseDate, mileage, next_service_date AS nextServiceDate,
                insurance_expiry AS insuranceExpiry FROM vehicles WHERE customer_id = ? ORDER BY id`,
      ),
      // Each section: the newest rows with the section's total as a window count — one statement.
      opportunities: prep<Omit<Row<'opportunities'>, 'probability'>>(
        `SELECT o.id, o.stage, o.status, o.model, o.expected_purchase_date AS expectedPurchaseDate, p.display_name AS ownerName,
                o.created_at AS createdAt, count(*) OVER () AS total
           FROM opportunities o LEFT JOIN users p ON p.id = o.consultant_id WHERE o.customer_id = ?
          ORDER BY o.created_at DESC, o.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
      serviceHistory: prep<Row<'serviceHistory'>>(
        `SELECT s.id, s.ro_number AS roNumber, s.date, s.type, v.plate, v.model, s.mileage, s.amount,
                p.display_name AS advisorName, count(*) OVER () AS total
           FROM service_visits s LEFT JOIN vehicles v ON v.id = s.vehicle_id LEFT JOIN users p ON p.id = s.advisor_id
          WHERE s.customer_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
      revisits: prep<Row<'revisits'>>(
        `SELECT r.id, r.kind, r.status, r.result, r.score, r.due_date AS dueDate, r.done_at AS doneAt,
                p.display_name AS agentName, count(*) OVER () AS total
           FROM revisits r LEFT JOIN users p ON p.id = r.agent_id WHERE r.customer_id = ?
          ORDER BY r.created_at DESC, r.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
      calls: prep<Row<'calls'>>(
        `SELECT k.id, k.direction, k.started_at AS startedAt, k.duration_s AS durationS, k.outcome, p.display_name AS userName,
                (SELECT max(id) FROM recordings WHERE call_id = k.id AND deleted_at IS NULL) AS recordingId,
                (SELECT upload_sha256 IS NOT NULL FROM recordings WHERE call_id = k.id AND deleted_at IS NULL ORDER BY id DESC LIMIT 1) AS recordingUploading,
                count(*) OVER () AS total
           FROM calls k LEFT JOIN users p ON p.id = k.user_id WHERE k.customer_id = ?
          ORDER BY k.started_at DESC, k.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
      sms: prep<Row<'sms'>>(
        `SELECT m.id, m.number, m.text, m.status, m.last_error AS error, m.created_at AS createdAt, count(*) OVER () AS total
           FROM sms_messages m WHERE m.customer_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
      complaints: prep<Row<'complaints'>>(
        `SELECT x.id, x.category, x.status, x.description, x.created_at AS createdAt, p.display_name AS assigneeName,
                count(*) OVER () AS total
           FROM complaints x LEFT JOIN users p ON p.id = x.assignee_id WHERE x.customer_id = ?
          ORDER BY x.created_at DESC, x.id DESC LIMIT ${CARD_SECTION_LIMIT}`,
      ),
    };
  }

  /** `revoked`: the modules taken away from the caller (权限管理) — their sections come back null. */
  getCard(s: SessionCtx, asked: number, revoked: readonly UserModule[] = []): CustomerCard {
    let id = asked;
    let c = this.q.customer.get({ id, ...visibleParams(s) });
    if (!c) {
      // A customer merged into another (客户去重) still opens: as the one it went into. Looked up
      // only on a miss, so the card (opened on every screen pop) pays nothing for it.
      id = this.q.mergedInto.get(asked) ?? asked;
      if (id !== asked) c = this.q.customer.get({ id, ...visibleParams(s) });
    }
    // Someone else's customer is answered exactly like a missing one: no existence leak.
    if (!c) throw new AppError('NOT_FOUND');
    // A module taken away from this user (权限管理) takes its sections off the card too, as it refuses
    // the module's own methods: the card is every module's, so it would show them otherwise.
    const shown = <T>(m: UserModule, read: () => T): T | null => (revoked.includes(m) ? null : read());
    const opps = shown('sales', () => section(this.q.opportunities.all(id)));
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
      occupation: c.occupation,
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      dndCall: c.dndCall === 1,
      dndSms: c.dndSms === 1,
      dndRevisit: c.dndRevisit === 1,
      consentStatus: c.consentStatus,
      consentDate: c.consentDate,
      consentMethod: c.consentMethod,
      consentWithdrawnDate: c.consentWithdrawnDate,
      consentFile: Number(c.consentFile) === 1,
      version: c.version,
      phones: this.q.phones.all(id).map((p) => ({ ...p, isPrimary: p.isPrimary === 1 })),
      vehicles: this.q.vehicles.all(id),
      opportunities: opps && {
        total: opps.total,
        items: opps.items.map((o) => ({ ...o, probability: isStageCode(o.stage) ? stageProbability(o.stage) : null })),
      },
      serviceHistory: shown('service', () => section(this.q.serviceHistory.all(id))),
      revisits: shown('service', () => section(this.q.revisits.all(id))),
      calls: section(this.q.calls.all(id)),
      sms: shown('sms', () => section(this.q.sms.all(id))),
      complaints: shown('service', () => section(this.q.complaints.all(id))),
    };
  }
}
