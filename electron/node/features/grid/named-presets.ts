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
  const rule = (params: P) => (ctx: PresetCtx) => build(params, ctx);
  const parsed = (name: string | symbol) => (typeof name === 'string' ? parse(name) : null);
  return new Proxy({} as Presets, {
    getOwnPropertyDescriptor(_t, name) {
      const p = parsed(name);
      return p === null ? undefined : { value: rule(p), configurable: true, enumerable: false, writable: false };
    },
    get(_t, name) {
      const p = parsed(name);
      return p === null ? undefined : rule(p);
    },
    has(_t, name) {
      return parsed(name) !== null;
    },
  });
}
