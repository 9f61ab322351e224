import { adminFeature } from './admin/feature';
import { analysisFeature } from './analysis/feature';
import { selfAuditFeature } from './self-audit/feature';
import { customersFeature } from './customers/feature';
import { dictionariesFeature } from './dictionaries/feature';
import { dataImportFeature } from './data-import/feature';
import { backupFeature } from './backup/feature';
import { dedupeFeature } from './dedupe/feature';
import { reconcileFeature } from './reconcile/feature';
import { callCenterFeature } from './call-center/feature';
import { salesFeature } from './sales/feature';
import { schedulerFeature } from './scheduler/feature';
import { serviceFeature } from './service/feature';
import { smsFeature } from './sms/feature';
import { telephonyFeature } from './telephony/feature';
import { plannedScreens } from '../shell/planned-screens';
import type { ScreenDef } from '../shell/screen-kit';

/**
 * Every feature of the renderer, registered by its feature.ts: the one list a new feature adds a line
 * to (docs/adding-a-feature.md). The menu, the tabs, the permission checks, the screen titles and
 * both dictionaries (renderer/i18n/dictionaries.ts) all come from here.
 */
export const FEATURES = [salesFeature, customersFeature, serviceFeature, telephonyFeature, smsFeature, adminFeature, dictionariesFeature, dataImportFeature, backupFeature, dedupeFeature, reconcileFeature, schedulerFeature, analysisFeature, selfAuditFeature, callCenterFeature] as const;

/** Every menu screen: the features' and the planned ones still to come. */
export const SCREEN_REGISTRATIONS = [...FEATURES.map((f) => f.screens), plannedScreens] as const;

/** Every feature's texts tables under their prefixes, for the dictionaries. */
export const FEATURE_TEXTS = FEATURES.flatMap((f): (typeof FEATURES)[number]['texts'][number][] => [...f.texts]);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllScreens = UnionToIntersection<(typeof FEATURES)[number]['screens'] | typeof plannedScreens>;

/** A screen's id: `<module>.<screen>`, e.g. `admin.users`. */
export type ScreenId = keyof AllScreens & string;

export const SCREEN_DEFS = Object.assign({}, ...SCREEN_REGISTRATIONS) as Record<ScreenId, ScreenDef>;
