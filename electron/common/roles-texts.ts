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

/** 权限: what each per-user permission lets its holder do (权限管理's rows, zh-CN first). */
export const PERMISSION_NAME = defineTexts({
  'export': { 'zh-CN': '导出数据', en: 'Export data' },
  'customers.viewAll': { 'zh-CN': '查看全部客户', en: 'See all customers' },
  'customers.reassign': { 'zh-CN': '分配 / 转移客户', en: 'Reassign customers' },
  'recordings.play': { 'zh-CN': '收听他人的通话录音', en: "Play others' call recordings" },
  'recordings.export': { 'zh-CN': '下载通话录音', en: 'Download call recordings' },
  'sms.send': { 'zh-CN': '发送短信', en: 'Send SMS' },
  'users.manage': { 'zh-CN': '用户管理', en: 'Manage users' },
  'module.sales': { 'zh-CN': '模块:销售管理', en: 'Module: Sales' },
  'module.service': { 'zh-CN': '模块:客户服务', en: 'Module: Customer service' },
  'module.sms': { 'zh-CN': '模块:短信平台', en: 'Module: SMS' },
  'module.analysis': { 'zh-CN': '模块:决策分析', en: 'Module: Decision analysis' },
});
