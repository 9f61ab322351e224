import { MODULES, type ModuleCode } from '../../electron/common/roles';
import { SCREEN_DEFS, type ScreenId } from '../features/registry';
import type { MessageKey } from '../i18n';
import type { ScreenDef } from './screen-kit';

export type { ScreenId };

export const moduleOf = (id: ScreenId): ModuleCode => id.slice(0, id.indexOf('.')) as ModuleCode;

/** The DS-CRM menu: each top-level module and its registered screens, in their order. */
export const MODULE_SCREENS: Record<ModuleCode, readonly ScreenId[]> = Object.fromEntries(
  MODULES.map((m) => [
    m,
    (Object.keys(SCREEN_DEFS) as ScreenId[]).filter((id) => moduleOf(id) === m).sort((a, b) => SCREEN_DEFS[a].order - SCREEN_DEFS[b].order),
  ]),
) as unknown as Record<ModuleCode, readonly ScreenId[]>;

export const ALL_SCREENS: readonly ScreenId[] = MODULES.flatMap((m) => MODULE_SCREENS[m]);

export function screenDef(id: ScreenId): ScreenDef {
  return SCREEN_DEFS[id];
}

export function isScreenId(v: unknown): v is ScreenId {
  return typeof v === 'string' && Object.hasOwn(SCREEN_DEFS, v);
}

// Module names are the shell's own texts; screen titles and descriptions come from the
// registrations (renderer/i18n/screen-texts.ts puts them into the dictionaries).
export const moduleLabelKey = (m: ModuleCode): MessageKey => `module.${m}`;
export const screenLabelKey = (id: ScreenId): MessageKey => `nav.${id}`;
export const screenDescriptionKey = (id: ScreenId): MessageKey => `desc.${id}`;
