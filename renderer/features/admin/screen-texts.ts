import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const ADMIN_SCREEN_TEXTS = defineTexts({
  'admin.users.title': { 'zh-CN': '用户管理', en: 'Users' },
  'admin.users.description': { 'zh-CN': '管理用户账户、角色和密码。', en: 'User accounts, roles and passwords.' },
  'admin.seats.title': { 'zh-CN': '终端管理', en: 'Seats' },
  'admin.seats.description': { 'zh-CN': '局域网内接入本主机的终端:配对码、最近使用情况、重命名和停用。', en: 'The PCs on the LAN connected to this host: pairing codes, last use, rename and revoke.' },
  'admin.audit.title': { 'zh-CN': '审计日志', en: 'Audit log' },
  'admin.audit.description': { 'zh-CN': '查看登录、注销和数据变更的审计记录。', en: 'Audit records of logins, logouts and data changes.' },
  'admin.settings.title': { 'zh-CN': '系统设置', en: 'Settings' },
  'admin.settings.description': { 'zh-CN': '程序锁定时间、会话有效期、登录锁定规则,以及经销商名称、所在城市、本地车牌和时区。', en: 'Program lock time, session lifetime, login lockout, and the dealership’s name, city, local plates and time zone.' },
});
