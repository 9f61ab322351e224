import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const CUSTOMER_SCREEN_TEXTS = defineTexts({
  'sales.myCustomers.title': { 'zh-CN': '我的客户', en: 'My customers' },
  'sales.myCustomers.description': { 'zh-CN': '查看和维护本人名下的客户、车辆和联系方式,支持点击拨号。', en: 'Your own customers, their vehicles and contact details, with click-to-call.' },
  'service.customerQuery.title': { 'zh-CN': '客户查询', en: 'Customer lookup' },
  'service.customerQuery.description': { 'zh-CN': '查询全部客户:排序、筛选、分组、视图和导出。', en: 'All customers: sort, filter, group, views and export.' },
});
