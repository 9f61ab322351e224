import { describe, expect, it } from 'vitest';
import { MODULES } from '../../electron/common/roles';
import { MODULE_SCREENS } from '../shell/modules';
import { SCREEN_REGISTRATIONS } from './registry';

describe('screen registry', () => {
  it('gives every screen id to one feature only, under a module of the menu', () => {
    const ids = SCREEN_REGISTRATIONS.flatMap((r) => Object.keys(r));
    expect(ids.length).toBe(new Set(ids).size);
    for (const id of ids) expect(MODULES as readonly string[], id).toContain(id.slice(0, id.indexOf('.')));
  });

  it('orders each module menu by the registered order, DS-CRM order first', () => {
    expect(MODULE_SCREENS.sales.slice(0, 2)).toEqual(['sales.showroomTraffic', 'sales.prospects']);
    expect(MODULE_SCREENS.admin).toEqual(['admin.users', 'admin.seats', 'admin.audit', 'admin.settings', 'admin.import', 'admin.backup', 'admin.dictionaries', 'admin.scheduler']);
  });
});
