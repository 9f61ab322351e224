import { useMemo, useState, type ReactNode } from 'react';
import { CustomerForm } from '../features/customers';
import { NavigationContext, type Navigation } from './navigation';

/**
 * The window's navigation for every screen below it: the tab links Shell makes (`tabs`), plus the
 * 新建客户 form a feature asks for with a phone filled in — the softphone for an unknown caller. The
 * shell draws that form, not telephony, because customers already uses telephony's links (PhoneLink,
 * RecordingBadge): telephony importing the form closed a circle between the two features. Apart from
 * Shell so the request can be tested without the tabs, the session and the softphone.
 */
export function ShellNavigation({ tabs, children }: { tabs: Pick<Navigation, 'openCustomer' | 'setCustomerTitle'>; children: ReactNode }) {
  const [newCustomerPhone, setNewCustomerPhone] = useState<string | null>(null);
  // The same object while the tabs' links stay the same: the softphone keeps the one it was made with.
  const navigation = useMemo<Navigation>(() => ({ ...tabs, newCustomer: (phone) => setNewCustomerPhone(phone) }), [tabs]);
  return (
    <NavigationContext.Provider value={navigation}>
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
    </NavigationContext.Provider>
  );
}
