import { defineTexts } from './i18n/texts';

/** 角色: the name of each role, zh-CN first (the roles table's labels, the user list, the menu's greeting). */
export const ROLE_NAME = defineTexts({
  salesConsultant: { 'zh-CN': '销售顾问', en: 'Sales consultant' },
  salesManager: { 'zh-CN': '销售经理', en: 'Sales manager' },
  serviceAgent: { 'zh-CN': '客服顾问', en: 'Customer-service agent' },
  serviceManager: { 'zh-CN': '客服经理', en: 'Customer-service manager' },
  serviceAdvisor: { 'zh-CN': '服务顾问', en: 'Service advisor' },
  generalManager: { 'zh-CN': '总经理', en: 'General manager' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
});
