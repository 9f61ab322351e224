import { lazy, type ComponentType } from 'react';
import type { ModuleCode, Permission, Role } from '../../electron/common/roles';
import type { DictionaryEntry } from '../i18n/from-tables';

/** Zh-CN first, English second: a text that belongs to a registration rather than a dictionary. */
export interface Texts {
  zh: string;
  en: string;
}

/** A menu screen as a feature registers it (renderer/features/<name>/screens.ts). */
export interface ScreenDef {
  /** Its place in its module's menu: lower first (DS-CRM's order; steps of 10 leave room). */
  order: number;
  /** The menu entry and tab title. */
  title: Texts;
  /** What the screen does: shown on a screen still to come, and checked for both languages. */
  description: Texts;
  /** The screen, loaded when first opened; none yet: the menu shows an honest placeholder. */
  component?: ComponentType;
  /** Shown only to users with this permission (the server enforces it as well). */
  permission?: Permission;
  /** Shown only to these roles (the server's method access says the same). */
  roles?: readonly Role[];
}

/** Ids are `<module>.<screen>`: the module is the menu group it appears under. */
export type ScreenKey = `${ModuleCode}.${string}`;

/** Declares a feature's screens; the keys stay literal so ScreenId is a checked union. */
export function defineScreens<const T extends Record<ScreenKey, ScreenDef>>(screens: T): T {
  return screens;
}

/**
 * A feature as the renderer registers it (renderer/features/<name>/feature.ts): its menu screens and
 * its texts tables with the prefix their keys take ('sms.' → t('sms.title')). The one line a new
 * feature adds is its registration in renderer/features/registry.ts; the menu, the tabs and both
 * dictionaries come from there.
 */
export function defineFeature<const S extends Record<ScreenKey, ScreenDef>, const E extends readonly DictionaryEntry[]>(feature: { screens: S; texts: E }): { screens: S; texts: E } {
  return feature;
}

/**
 * A screen loaded when first opened, as a chunk of its own: the page a user waits for after login
 * holds only the shell, and the heavy libraries (ag-grid, echarts, sip.js — named chunks, see
 * renderer/vite.config.ts) arrive with the first screen that needs them.
 */
export function lazyScreen<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
