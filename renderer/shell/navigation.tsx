import { createContext, useContext } from 'react';

/** Lets any screen open a record's tab (a customer's card) in the main window, or ask for the 新建客户 form. */
export interface Navigation {
  openCustomer: (id: number, name?: string) => void;
  /** Names a customer's tab once its card has loaded (without activating it). */
  setCustomerTitle: (id: number, name: string) => void;
  /**
   * Opens the 新建客户 form with this number filled in (the softphone's unknown caller); once saved,
   * the new customer's card opens. The shell owns the form (ShellNavigation), so telephony asks for
   * it instead of importing the customers feature, which imports telephony's links (no circle).
   * Optional: a test that only needs the card links provides none, and the request then does nothing.
   */
  newCustomer?: (phone: string) => void;
}

export const NavigationContext = createContext<Navigation>({ openCustomer: () => undefined, setCustomerTitle: () => undefined, newCustomer: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
