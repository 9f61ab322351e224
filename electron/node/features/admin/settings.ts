import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { settings } from '../../../../db/schema';
import type { Clock } from '../../clock';
import type { SettingsValues } from '../../../common/api/admin';
import { dealerAreaCode } from '../../../common/phone';

/** Settings with their defaults; an admin may change them, stored as JSON in the settings table. */
export const SETTING_DEFAULTS: SettingsValues = {
  'security.idleLockMinutes': 5,
  'security.sessionIdleHours': 12,
  'security.sessionMaxDays': 7,
  'security.maxFailedLogins': 5,
  'security.loginLockMinutes': 5,
  'dealer.name': '一汽-大众 演示经销商',
  'dealer.timeZone': 'Asia/Shanghai',
  // The dealership's own city and plate prefix: "local plate" rules (churn, mileage service) use them.
  'dealer.city': '深圳',
  'dealer.platePrefix': '粤B',
  // '' = derived from dealer.city (common/phone/area-codes.ts); an admin types one for other cities.
  'dealer.areaCode': '',
  'sales.abandonFollowUpYears': 3,
  'sales.stalledDays': 30,
  'dms.exportDir': '',
  'dms.format': 'json',
  'service.appointmentSlotCapacity': 3,
  'service.lowScoreThreshold': 80,
  'callCenter.wrapUpSeconds': 30,
  'callCenter.callingHours': '09:00-20:00',
  'callCenter.monitorCode': '',
  'scheduler.salesRevisitDays': '1,7,30',
  'scheduler.backupKeep': 7,
  'backup.folder': '',
  'backup.keepWeekly': 4,
  'backup.keepMonthly': 12,
  'telephony.recordingRetentionDays': 365,
  'lan.enabled': false,
  'lan.port': 5443,
  'lan.hostNames': '',
};
export type SettingKey = keyof SettingsValues;
export type SettingValue<K extends SettingKey> = SettingsValues[K];

// Settings are read on every request (idle lock, session timeout), so they are cached briefly;
// another app instance's change is seen within CACHE_MS.
const CACHE_MS = 30_000;

export class SettingsService {
  private cache = new Map<string, { value: unknown; at: number }>();
  private byKey;

  constructor(
    private db: Db,
    private clock: Clock,
  ) {
    this.byKey = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key')))
      .prepare();
  }

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const now = this.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.value as SettingValue<K>;
    const row = this.byKey.get({ key });
    const value = (row?.value ?? SETTING_DEFAULTS[key]) as SettingValue<K>;
    this.cache.set(key, { value, at: now });
    return value;
  }

  /**
   * The dealer's landline area code ('0411') for numbers typed or received without one (a caller
   * ID '62916000', a walk-in's local number): 'dealer.areaCode', or the code of 'dealer.city' when
   * that is empty; null when neither gives one. Every phone normalisation on the node side passes
   * it (normalizePhone's `areaCode`), so the same local number means the same customer everywhere.
   */
  areaCode(): string | null {
    return dealerAreaCode({ areaCode: this.get('dealer.areaCode'), city: this.get('dealer.city') });
  }

  all(): { [K in SettingKey]: SettingValue<K> } {
    return Object.fromEntries((Object.keys(SETTING_DEFAULTS) as SettingKey[]).map((k) => [k, this.get(k)])) as unknown as {
      [K in SettingKey]: SettingValue<K>;
    };
  }

  /** Pass a transaction as `db` to write together with other changes (the audit row). */
  set<K extends SettingKey>(key: K, value: SettingValue<K>, db: Db = this.db): void {
    db
      .insert(settings)
      .values({ key, value, updatedAt: this.clock.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: this.clock.now() } })
      .run();
    this.cache.delete(key);
  }
}
