// @vitest-environment happy-dom
import { act, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GridView, Scope } from '../../../electron/common/api/grid';
import type { SessionInfo } from '../../../electron/common/api';
import type { Permission, Role } from '../../../electron/common/roles';
import type * as Api from '../../api';
import { button, click, column, handAnsweredServer, mount, type Mounted } from './grid-test-kit';
import { ScopePicker } from './ScopePicker';
import { SessionDataGrid } from './SessionDataGrid';

// The grid as a screen uses it: the signed-in user's session decides 导出 and who may share a view;
// the scope the user picks, or a saved view brings, is what the grid asks the server for. The real
// DataGrid with ag-grid underneath (it renders in happy-dom and asks for its first block itself).

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call }));
const signedIn = vi.hoisted(() => ({ role: 'salesConsultant' as Role, permissions: [] as Permission[] }));
vi.mock('../../features/auth/session', () => ({
  useSessionInfo: (): Partial<SessionInfo> => ({ user: { id: 5, role: signedIn.role, displayName: '用户' } as SessionInfo['user'], permissions: signedIn.permissions }),
}));
const server = handAnsweredServer(call);
let m: Mounted;

beforeEach(() => {
  signedIn.role = 'salesConsultant';
  signedIn.permissions = [];
});

/** A customers list as the screens build it: the scope picker in the screen's toolbar, the grid below. */
function Screen({ scopes }: { scopes: Scope[] }) {
  const [scope, setScope] = useState<Scope>('mine');
  return (
    <>
      <ScopePicker scopes={scopes} value={scope} onChange={setScope} />
      <SessionDataGrid dataset="customers" scope={scope} scopes={scopes} onScopeChange={setScope} />
    </>
  );
}

const view = (id: number, scope: Scope, more: Partial<GridView> = {}): GridView => ({
  id,
  dataset: 'customers',
  name: `视图${id}`,
  state: { columns: [{ id: 'name' }], sort: [], filter: { columns: [], advanced: null }, groupBy: [], scope },
  isDefault: false,
  sharedWithRole: null,
  mine: true,
  ownerName: '用户',
  ...more,
});

/** Mounts the screen and answers the grid's columns and saved views. */
async function open(scopes: Scope[], views: GridView[] = []) {
  m = await mount(<Screen scopes={scopes} />);
  await server.of('grid.columns').at(-1)!.resolve({ columns: [column('id', '编号', { defaultVisible: false }), column('name', '姓名')], defaultSort: [], scopes });
  await server.of('grid.views.list').at(-1)!.resolve(views);
}

/** The scopes of the row queries ag-grid has sent so far (it asks by itself, a moment after a change). */
async function queriedScopes(n: number): Promise<unknown[]> {
  for (let i = 0; i < 50 && server.of('grid.query').length < n; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  return server.of('grid.query').map((q) => q.input.scope);
}

const exportButton = () => m.box.querySelector('[data-testid="export-button"]');

describe('the session grid', () => {
  it('offers 导出 only to a user with the export permission', async () => {
    await open(['mine']);
    expect(exportButton()).toBeNull();
    m.unmount();

    signedIn.role = 'salesManager';
    signedIn.permissions = ['export', 'customers.viewAll'];
    await open(['mine', 'team', 'all']);
    expect(exportButton()?.textContent).toBe('导出 Excel');
  });

  it("lets a manager share a view of their own with a role, and not a consultant (the session's role)", async () => {
    await open(['mine'], [view(1, 'mine')]);
    await click(m.box.querySelector('[data-testid="views-button"]'));
    expect(m.box.querySelector('[data-testid="view-item"]')?.textContent).toContain('视图1');
    expect(m.box.querySelector('select[aria-label="共享给角色"]')).toBeNull();
    m.unmount();

    signedIn.role = 'salesManager';
    await open(['mine', 'team'], [view(1, 'mine')]);
    await click(m.box.querySelector('[data-testid="views-button"]'));
    expect(m.box.querySelector('select[aria-label="共享给角色"]')).not.toBeNull();
  });

  it('asks for the rows of the scope the user picks', async () => {
    signedIn.role = 'salesManager';
    await open(['mine', 'team', 'all']);
    expect(await queriedScopes(1)).toEqual(['mine']);
    await click(button(m.box, '全部客户'));
    expect((await queriedScopes(2)).at(-1)).toBe('all');
  });

  it("takes a saved view's scope only when the user may pick it", async () => {
    // a default view made when the user could see 全部 (or shared by a manager) asks for 'all'
    await open(['mine', 'team'], [view(1, 'all', { isDefault: true })]);
    expect(await queriedScopes(1)).toEqual(['mine']);
    expect(button(m.box, '我的')?.getAttribute('aria-checked')).toBe('true');
    m.unmount();

    await open(['mine', 'team'], [view(2, 'team', { isDefault: true })]);
    expect((await queriedScopes(2)).at(-1)).toBe('team');
    expect(button(m.box, '本组')?.getAttribute('aria-checked')).toBe('true');
  });
});
