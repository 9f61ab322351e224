import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { onEvent, prefetch } from '../api';
import { CustomerCardPanel } from '../features/customers/CustomerCardPanel';
import { roleName } from '../i18n';
import { useI18n } from '../i18n/react';
import { useSession, useSessionInfo } from '../features/auth/session';
import { useIdleLock, useLockShortcut } from '../features/auth/useIdleLock';
import { Button, Icon, LanguageSwitch, StatusBar, StatusItem, TabPanel, TabStrip, Tree, useToast, type TreeNode } from '../ui';
import { SoftphoneProvider } from '../features/telephony/SoftphoneProvider';
import { SoftphoneStatus } from '../features/telephony/SoftphoneStatus';
import { AgentStatus } from '../features/call-center/AgentStatus';
import { LinkStatus } from '../features/seat-mode/LinkStatus';
import { DataHealthBanner } from './DataHealthBanner';
import { HomePanel } from './HomePanel';
import { mayOpenScreen, NO_OVERRIDES } from '../../electron/common/module-access';
import { MODULE_SCREENS, moduleLabelKey, moduleOf, screenDef, screenLabelKey, type ScreenId } from './modules';
import { ShellNavigation, type TabLinks } from './ShellNavigation';
import { Screen } from './screens';
import { isRecordTab, useTabs, type TabId } from './useTabs';
import { perfMark } from '../perf-marks';

export { prefetchHome } from './HomePanel';

/** The main window: navigation tree on the left, tabs in the middle, status bar along the bottom. */
export function Shell() {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const { lock, logout, lockInfo } = useSession();
  const locked = lockInfo !== null;
  const { user, modules, idleLockMinutes } = session;
  const { openTabs, active, titles, openScreen, closeScreen, setTitle } = useTabs(user.username, modules);
  // Read by openCustomer through a ref: the navigation object stays the same while tabs change.
  const openTabsRef = useRef(openTabs);
  openTabsRef.current = openTabs;
  const mayOpen = useCallback(
    (id: ScreenId) => {
      const { permission: need, roles } = screenDef(id);
      const m = moduleOf(id);
      // The role's screens, with this user's module overrides: a module given shows its everyday screens.
      return modules.includes(m) && (!need || session.permissions.includes(need)) && mayOpenScreen(session.user.role, session.moduleOverrides ?? NO_OVERRIDES, m, roles);
    },
    [modules, session.permissions, session.user.role, session.moduleOverrides],
  );
  const tabLinks = useMemo<TabLinks>(
    () => ({
      openCustomer: (id, name) => {
        // A new card tab: its data is requested now, while the shell renders the tab (a screen pop).
        if (!openTabsRef.current.includes(`customer:${id}`)) prefetch('customers.get', { id });
        openScreen(`customer:${id}`, name);
      },
      setCustomerTitle: (id, name) => setTitle(`customer:${id}`, name),
      openScreen,
      mayOpen,
    }),
    [openScreen, setTitle, mayOpen],
  );
  const tabLabel = (id: TabId) => (isRecordTab(id) ? (titles[id] ?? t('customer.card')) : t(screenLabelKey(id)));

  useLockShortcut(!locked, lock);
  useLayoutEffect(() => perfMark('login.shellMounted'), []);

  // A notification (a manager's comment on my plan, …) pops up whichever tab is open; the home
  // screen keeps the list of unread ones.
  const toast = useToast();
  useEffect(
    () =>
      onEvent('notification', (n) => {
        toast.show(n.kind === 'review.comment' ? t('act.notify.new', { title: n.title }) : n.title);
      }),
    [toast, t],
  );
  useIdleLock({ enabled: !locked, idleMinutes: idleLockMinutes, onIdle: lock });

  const tree = useMemo<TreeNode[]>(
    () =>
      modules
        .map((m) => ({
          id: m,
          label: t(moduleLabelKey(m)),
          children: MODULE_SCREENS[m].filter(mayOpen).map((id) => ({ id, label: t(screenLabelKey(id)) })),
        }))
        .filter((m) => m.children.length > 0),
    [modules, t, mayOpen],
  );

  return (
    <ShellNavigation tabs={tabLinks}>
    <SoftphoneProvider locked={locked}>
    <div className="shell">
      <header className="appbar">
        <div className="brand-mark small" aria-hidden="true">
          DS
        </div>
        <span className="appbar-title">{t('app.title')}</span>
      </header>
      <DataHealthBanner />
      <div className="shell-body">
        <nav className="navpane" aria-label={t('shell.nav')}>
          <div className="navpane-title">{t('shell.nav')}</div>
          <Tree nodes={tree} selectedId={active} onOpen={(id) => openScreen(id as ScreenId)} aria-label={t('shell.nav')} />
        </nav>
        <main className="workspace">
          {openTabs.length > 0 ? (
            <>
              <TabStrip
                tabs={openTabs.map((id) => ({ id, label: tabLabel(id) }))}
                activeId={active}
                onSelect={(id) => openScreen(id as TabId)}
                onClose={(id) => closeScreen(id as TabId)}
                closeLabel={(tab) => t('shell.closeTab', { name: tab.label })}
                aria-label={t('shell.tabs')}
              />
              <div className="workspace-content">
                {openTabs.map((id) => (
                  <TabPanel key={id} id={id} active={id === active}>
                    {isRecordTab(id) ? <CustomerCardPanel id={Number(id.slice('customer:'.length))} /> : <Screen id={id} />}
                  </TabPanel>
                ))}
              </div>
            </>
          ) : (
            <div className="workspace-content">
              <HomePanel displayName={user.displayName} />
            </div>
          )}
        </main>
      </div>
      <StatusBar
        end={
          <>
            <LanguageSwitch compact />
            <Button size="small" onClick={lock} title={`${t('shell.lock')} (${t('shell.lockShortcut')})`}>
              <Icon name="lock" /> {t('shell.lock')} <kbd>{t('shell.lockShortcut')}</kbd>
            </Button>
            <Button size="small" variant="quiet" onClick={() => void logout()}>
              {t('shell.logout')}
            </Button>
          </>
        }
      >
        <StatusItem className="status-user" title={user.username}>
          <Icon name="user" /> {user.displayName}
        </StatusItem>
        <StatusItem className="status-role">{roleName(user.role, locale)}</StatusItem>
        <AgentStatus />
        <SoftphoneStatus />
        <LinkStatus />
      </StatusBar>
    </div>
    </SoftphoneProvider>
    </ShellNavigation>
  );
}
