import { adminScreens } from './admin/screens';
import { analysisScreens } from './analysis/screens';
import { selfAuditScreens } from './self-audit/screens';
import { customersScreens } from './customers/screens';
import { dictionariesScreens } from './dictionaries/screens';
import { salesScreens } from './sales/screens';
import { schedulerScreens } from './scheduler/screens';
import { serviceScreens } from './service/screens';
import { smsScreens } from './sms/screens';
import { telephonyScreens } from './telephony/screens';
import { plannedScreens } from '../shell/planned-screens';
import type { ScreenDef } from '../shell/screen-kit';

/**
 * Every menu screen, registered by the feature that owns it (its screens.ts): the one list a new
 * feature adds a line to (docs/adding-a-feature.md). The menu, the tabs, the permission checks and
 * the screen titles in both languages all come from here.
 */
export const SCREEN_REGISTRATIONS = [salesScreens, customersScreens, serviceScreens, telephonyScreens, smsScreens, adminScreens, dictionariesScreens, schedulerScreens, analysisScreens, selfAuditScreens, plannedScreens] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllScreens = UnionToIntersection<(typeof SCREEN_REGISTRATIONS)[number]>;

/** A screen's id: `<module>.<screen>`, e.g. `admin.users`. */
export type ScreenId = keyof AllScreens & string;

export const SCREEN_DEFS = Object.assign({}, ...SCREEN_REGISTRATIONS) as Record<ScreenId, ScreenDef>;
