import { eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { settings } from '../../../../db/schema';
import type { Clock } from '../../clock';

/** Settings with their defaults; an admin may change them, stored as JSON in the settings table. */
export const SETTING_DEFAULTS = {
  'security.idleLockMinutes': 5,
  'security.sessionIdleHours': 12,
  'security.maxFailedLogins': 5,
  'security.loginLockMinutes': 5,
  'dealer.name': '一汽-大众 演示经销商',
  'dealer.timeZone': 'Asia/Shanghai',
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number ? number : string;

export class SettingsService {
  constructor(
    private db: Db,
    private clock: Clock,
  ) {}

  get<K extends SettingKey>(key: K): SettingValue<K> {
    const row = this.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
    return (row?.value ?? SETTING_DEFAULTS[key]) as SettingValue<K>;
  }

  set<K extends SettingKey>(key: K, value: SettingValue<K>): void {
    this.db
      .insert(settings)
      .values({ key, value, updatedAt: this.clock.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: this.clock.now() } })
      .run();
  }
}
