import { createContext, useContext } from 'react';

/** Lets any screen open a record's tab (a customer's card) in the main window. */
export interface Navigation {
  openCustomer: (id: number, name?: string) => void;
  /** Names a customer's tab once its card has loaded (without activating it). */
  setCustomerTitle: (id: number, name: string) => void;
}

export const NavigationContext = createContext<Navigation>({ openCustomer: () => undefined, setCustomerTitle: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
