import type { Core } from '../../core';
import { GridService } from './service';
import { GridViews } from './views';

// One grid service per core, made on first use (the core stays unaware of the grid).
const services = new WeakMap<Core, { grid: GridService; views: GridViews }>();

export function gridOf(core: Core): { grid: GridService; views: GridViews } {
  let s = services.get(core);
  if (!s) {
    s = { grid: new GridService(core), views: new GridViews(core) };
    services.set(core, s);
  }
  return s;
}
