import type { DatasetDef } from './datasets';

type Presets = NonNullable<DatasetDef['presets']>;
type PresetCtx = Parameters<Presets[string]>[0];

/**
 * Presets whose name carries the rule's parameters ('rule:2026-11-30~2026-12-30', an analysis
 * figure's 'hour:2026-11-01~2026-11-30:3:10'). The grid looks a preset up by name (an own property
 * of `presets`); these names are not a fixed list, so they are answered by a Proxy that parses the
 * name and builds the rule's SQL from it and the request's zone and clock. A name that does not
 * parse is no preset (the grid refuses it as unknown); parameters that parse but are wrong are
 * refused by the rule itself with INVALID_INPUT naming the field.
 */
export function presetsByName<P>(parse: (name: string) => P | null, build: (params: P, ctx: PresetCtx) => ReturnType<Presets[string]>): Presets {
  return presetsLookedUp((name) => {
    const p = parse(name);
    return p === null ? undefined : (ctx: PresetCtx) => build(p, ctx);
  });
}

/**
 * One data set's presets from several owners (its own fixed names, 集客分析's 'hour:…', 审核自查's
 * 'audit:…'): the first that has the name answers it.
 */
export function mergePresets(...sets: Presets[]): Presets {
  return presetsLookedUp((name) => sets.find((p) => Object.hasOwn(p, name))?.[name]);
}

/** Presets answered by a lookup: the grid asks for an own property, so a Proxy gives one per name found. */
function presetsLookedUp(lookup: (name: string) => Presets[string] | undefined): Presets {
  const found = (name: string | symbol) => (typeof name === 'string' ? lookup(name) : undefined);
  return new Proxy({} as Presets, {
    getOwnPropertyDescriptor(_t, name) {
      const rule = found(name);
      return rule === undefined ? undefined : { value: rule, configurable: true, enumerable: false, writable: false };
    },
    get(_t, name) {
      return found(name);
    },
    has(_t, name) {
      return found(name) !== undefined;
    },
  });
}
