import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { CUSTOMER_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const customersScreens = defineScreens({
  'sales.myCustomers': {
    order: 40,
    title: CUSTOMER_SCREEN_TEXTS.pair('sales.myCustomers.title'),
    description: CUSTOMER_SCREEN_TEXTS.pair('sales.myCustomers.description'),
    component: lazyScreen(() => import('./CustomersScreen'), 'MyCustomersScreen'),
  },
  'service.customerQuery': {
    order: 20,
    title: CUSTOMER_SCREEN_TEXTS.pair('service.customerQuery.title'),
    description: CUSTOMER_SCREEN_TEXTS.pair('service.customerQuery.description'),
    component: lazyScreen(() => import('./CustomersScreen'), 'AllCustomersScreen'),
    permission: 'customers.viewAll',
  },
});
