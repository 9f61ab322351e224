// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../electron/common/api/grid';
import type { ScreenId } from '../features/registry';
import { clickOn, mount, unmountAll } from '../ui/component-test-kit';
import { useNavigation, useRecordRequest } from './navigation';
import { ShellNavigation, type TabLinks } from './ShellNavigation';

vi.mock('../features/auth/session', () => ({ useSessionInfo: () => ({ user: { id: 5, role: 'generalManager', displayName: '总经理' }, permissions: [], modules: [] }) }));

/** A list's row action: opens the given row of the given data set through the window's navigation. */
function Row({ dataset, row, testId }: { dataset: Dataset; row: Record<string, unknown>; testId: string }) {
  const { openRecord } = useNavigation();
  return <button type="button" data-testid={testId} onClick={() => openRecord?.(dataset, row)} />;
}

/** 审核自查 check 8's button: opens 审计日志 on the period's oversized exports. */
function OpenLog() {
  const { openFiltered } = useNavigation();
  return <button type="button" data-testid="log" onClick={() => openFiltered?.('admin.audit', { from: '2026-06-01', to: '2026-11-30', minRows: 10_000 })} />;
}

/** A screen as the shell shows it once its tab is open: it says which record it was asked to open. */
function Screen({ id }: { id: ScreenId }) {
  const [opened, setOpened] = useState<string[]>([]);
  useRecordRequest(id, (r) => setOpened((o) => [...o, r.kind === 'row' ? `${r.dataset}:${r.id}` : JSON.stringify(r.filter)]));
  return <div data-testid={`screen-${id}`}>{opened.join(',')}</div>;
}

function tabs(allowed: readonly ScreenId[]) {
  const opened: ScreenId[] = [];
  const links: TabLinks = {
    openCustomer: vi.fn(),
    setCustomerTitle: () => undefined,
    openScreen: (id) => opened.push(id),
    mayOpen: (id) => allowed.includes(id),
  };
  return { links, opened };
}

afterEach(unmountAll);

describe('a row opens its own record’s screen (审核自查, drill-downs)', () => {
  it('a showroom visit opens 展厅流量, which is asked for that visit; the ask is taken once', async () => {
    const { links, opened } = tabs(['sales.showroomTraffic']);
    await mount(
      <ShellNavigation tabs={links}>
        <Row dataset="showroomVisits" row={{ id: 17, customerId: 3, name: '访客' }} testId="visit" />
        <Screen id="sales.showroomTraffic" />
        <Screen id="service.salesRevisits" />
      </ShellNavigation>,
    );
    await clickOn('[data-testid="visit"]');
    expect(opened).toEqual(['sales.showroomTraffic']);
    expect(document.querySelector('[data-testid="screen-sales.showroomTraffic"]')!.textContent).toBe('showroomVisits:17');
    expect(document.querySelector('[data-testid="screen-service.salesRevisits"]')!.textContent).toBe('');
    expect(links.openCustomer).not.toHaveBeenCalled();
    // Asked again (the screen already open): it opens the visit again.
    await clickOn('[data-testid="visit"]');
    expect(document.querySelector('[data-testid="screen-sales.showroomTraffic"]')!.textContent).toBe('showroomVisits:17,showroomVisits:17');
  });

  it('a revisit opens its revisit screen; a low-score follow-up opens 销售回访’s follow-ups; a solicitation task 招揽', async () => {
    const { links, opened } = tabs(['service.salesRevisits', 'service.repairRevisits', 'service.solicitation']);
    await mount(
      <ShellNavigation tabs={links}>
        <Row dataset="revisitRepair" row={{ id: 4, customerId: 3 }} testId="repair" />
        <Row dataset="serviceTasks" row={{ id: 9, kind: 'low_score', customerId: 3 }} testId="lowScore" />
        <Row dataset="solicitationTasks" row={{ id: 6, status: 'unassigned', customerId: 3 }} testId="solicitation" />
        <Screen id="service.salesRevisits" />
        <Screen id="service.repairRevisits" />
        <Screen id="service.solicitation" />
      </ShellNavigation>,
    );
    await clickOn('[data-testid="repair"]');
    await clickOn('[data-testid="lowScore"]');
    await clickOn('[data-testid="solicitation"]');
    expect(opened).toEqual(['service.repairRevisits', 'service.salesRevisits', 'service.solicitation']);
    expect(document.querySelector('[data-testid="screen-service.repairRevisits"]')!.textContent).toBe('revisitRepair:4');
    expect(document.querySelector('[data-testid="screen-service.salesRevisits"]')!.textContent).toBe('serviceTasks:9');
    expect(document.querySelector('[data-testid="screen-service.solicitation"]')!.textContent).toBe('solicitationTasks:6');
  });

  it('without the screen in the user’s menu, or with no screen for the record, the customer’s card opens', async () => {
    const { links, opened } = tabs([]);
    await mount(
      <ShellNavigation tabs={links}>
        <Row dataset="showroomVisits" row={{ id: 17, customerId: 3, name: '访客' }} testId="visit" />
        <Row dataset="serviceTasks" row={{ id: 9, kind: 'revisit', customerId: 8, customerName: '李四' }} testId="task" />
        <Screen id="sales.showroomTraffic" />
      </ShellNavigation>,
    );
    await clickOn('[data-testid="visit"]');
    await clickOn('[data-testid="task"]');
    expect(opened).toEqual([]);
    expect(links.openCustomer).toHaveBeenNthCalledWith(1, 3, '访客');
    expect(links.openCustomer).toHaveBeenNthCalledWith(2, 8, '李四');
    expect(document.querySelector('[data-testid="screen-sales.showroomTraffic"]')!.textContent).toBe('');
  });

  it('a list of records (check 8’s exports) opens 审计日志 with the filter, for a user whose menu has it only', async () => {
    const press = async (allowed: readonly ScreenId[]) => {
      unmountAll();
      const t = tabs(allowed);
      await mount(
        <ShellNavigation tabs={t.links}>
          <OpenLog />
          <Screen id="admin.audit" />
        </ShellNavigation>,
      );
      await clickOn('[data-testid="log"]');
      return { opened: t.opened, shown: document.querySelector('[data-testid="screen-admin.audit"]')!.textContent };
    };
    const admin = await press(['admin.audit']);
    expect(admin.opened).toEqual(['admin.audit']);
    expect(JSON.parse(admin.shown!)).toEqual({ from: '2026-06-01', to: '2026-11-30', minRows: 10_000 });
    expect(await press([])).toEqual({ opened: [], shown: '' });
  });
});
