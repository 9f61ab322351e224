import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { CustomerForm } from '../features/customers';
import type { ScreenId } from '../features/registry';
import { NavigationContext, RecordRequestContext, type Navigation, type RecordRequest } from './navigation';
import { recordScreen } from './record-screens';

/** What the tabs give the navigation: the card links, and opening a menu screen the user may open. */
export interface TabLinks extends Pick<Navigation, 'openCustomer' | 'setCustomerTitle'> {
  openScreen?: (id: ScreenId) => void;
  /** Whether the user's menu has the screen (module, permission, roles); the server checks again. */
  mayOpen?: (id: ScreenId) => boolean;
}

/**
 * The window's navigation for every screen below it: the tab links Shell makes (`tabs`), plus the
 * 新建客户 form a feature asks for with a phone filled in — the softphone for an unknown caller. The
 * shell draws that form, not telephony, because customers already uses telephony's links (PhoneLink,
 * RecordingBadge): telephony importing the form closed a circle between the two features. Apart from
 * Shell so the request can be tested without the tabs, the session and the softphone.
 * openRecord opens a row's record on its own screen (record-screens.ts) and leaves the ask for that
 * screen to take (useRecordRequest); without the screen in the user's menu, the customer's card.
 */
export function ShellNavigation({ tabs, children }: { tabs: TabLinks; children: ReactNode }) {
  const [newCustomerPhone, setNewCustomerPhone] = useState<string | null>(null);
  const [request, setRequest] = useState<RecordRequest | null>(null);
  const asked = useRef(0);
  const taken = useCallback((seq: number) => setRequest((r) => (r?.seq === seq ? null : r)), []);
  // The same object while the tabs' links stay the same: the softphone keeps the one it was made with.
  const navigation = useMemo<Navigation>(
    () => ({
      openCustomer: tabs.openCustomer,
      setCustomerTitle: tabs.setCustomerTitle,
      newCustomer: (phone) => setNewCustomerPhone(phone),
      openRecord: (dataset, row) => {
        const id = Number(row.id);
        const screen = recordScreen(dataset, row);
        if (screen && Number.isInteger(id) && id > 0 && tabs.openScreen && tabs.mayOpen?.(screen)) {
          setRequest({ kind: 'row', screen, dataset, id, row, seq: ++asked.current });
          tabs.openScreen(screen);
          return;
        }
        const customerId = Number(row.customerId);
        const name = typeof row.customerName === 'string' ? row.customerName : typeof row.name === 'string' ? row.name : undefined;
        if (Number.isInteger(customerId) && customerId > 0) tabs.openCustomer(customerId, name);
      },
      openFiltered: (screen, filter) => {
        if (!tabs.openScreen || !tabs.mayOpen?.(screen)) return;
        setRequest({ kind: 'filter', screen, filter, seq: ++asked.current });
        tabs.openScreen(screen);
      },
      mayOpen: (screen) => tabs.mayOpen?.(screen) ?? false,
    }),
    [tabs],
  );
  const requests = useMemo(() => ({ request, taken }), [request, taken]);
  return (
    <NavigationContext.Provider value={navigation}>
      <RecordRequestContext.Provider value={requests}>
        {children}
        {newCustomerPhone !== null && (
          <CustomerForm
            initialPhone={newCustomerPhone}
            onClose={() => setNewCustomerPhone(null)}
            onSaved={(id, name) => {
              // As when the softphone drew the form: the form closes and the new customer's card opens.
              setNewCustomerPhone(null);
              tabs.openCustomer(id, name);
            }}
          />
        )}
      </RecordRequestContext.Provider>
    </NavigationContext.Provider>
  );
}
