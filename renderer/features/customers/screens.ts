import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const customersScreens = defineScreens({
  'sales.myCustomers': {
    order: 40,
    title: { zh: '我的客户', en: 'My customers' },
    description: {
      zh: '查看和维护本人名下的客户、车辆和联系方式,支持点击拨号。',
      en: 'Your own customers, their vehicles and contact details, with click-to-call.',
    },
    component: lazyScreen(() => import('./CustomersScreen'), 'MyCustomersScreen'),
  },
  'service.customerQuery': {
    order: 20,
    title: { zh: '客户查询', en: 'Customer lookup' },
    description: {
      zh: '查询全部客户:排序、筛选、分组、视图和导出。',
      en: 'All customers: sort, filter, group, views and export.',
    },
    component: lazyScreen(() => import('./CustomersScreen'), 'AllCustomersScreen'),
    permission: 'customers.viewAll',
  },
});
