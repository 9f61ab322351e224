import type { Api } from '../../common/api';
import type { Handlers } from '../handlers';
import type { NodeFeature } from '../feature';
import { registerDatasets } from './grid/datasets/registry';
import { authFeature } from './auth/feature';
import { adminFeature } from './admin/feature';
import { seatsFeature } from './seats/feature';
import { customersFeature } from './customers/feature';
import { gridFeature } from './grid/feature';
import { salesFeature } from './sales/feature';
import { serviceFeature } from './service/feature';
import { smsFeature } from './sms/feature';
import { telephonyFeature } from './telephony/feature';
import { schedulerFeature } from './scheduler/feature';
import { systemFeature } from './system/feature';
import { seatModeFeature } from './seat-mode/feature';
import { dictionariesFeature } from './dictionaries/feature';
import { analysisFeature } from './analysis/feature';
import { selfAuditFeature } from './self-audit/feature';
import { dataImportFeature } from './data-import/feature';
import { backupFeature } from './backup/feature';
import { dedupeFeature } from './dedupe/feature';
import { reconcileFeature } from './reconcile/feature';
import { callCenterFeature } from './call-center/feature';

/**
 * Every feature the host serves: the one list a new feature is added to (docs/adding-a-feature.md).
 * Each declares its handlers and grid data sets in its own folder's feature.ts.
 */
export const FEATURES = [
  authFeature,
  adminFeature,
  seatsFeature,
  customersFeature,
  gridFeature,
  salesFeature,
  serviceFeature,
  smsFeature,
  telephonyFeature,
  schedulerFeature,
  systemFeature,
  seatModeFeature,
  dictionariesFeature,
  analysisFeature,
  selfAuditFeature,
  dataImportFeature,
  backupFeature,
  dedupeFeature,
  reconcileFeature,
  callCenterFeature,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllHandlers = UnionToIntersection<(typeof FEATURES)[number]['handlers']>;

export function collectHandlers(features: readonly NodeFeature[]): AllHandlers {
  const all: Record<string, unknown> = {};
  for (const f of features) {
    for (const [method, handler] of Object.entries(f.handlers)) {
      // Spreading would let a second feature silently replace a method: refuse at start-up instead.
      if (Object.hasOwn(all, method)) throw new Error(`${f.name}: method '${method}' already has a handler`);
      all[method] = handler;
    }
  }
  return all as AllHandlers;
}

/** Every method of the contract has exactly one handler: the type checker enforces "every", the loop "one". */
export const handlers: Handlers<Api> = collectHandlers(FEATURES as unknown as readonly NodeFeature[]);

for (const f of FEATURES as readonly NodeFeature[]) registerDatasets(f.name, f.datasets ?? {});
