import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const adminScreens = defineScreens({
  'admin.users': {
    order: 10,
    title: { zh: '用户管理', en: 'Users' },
    description: {
      zh: '管理用户账户、角色和密码。',
      en: 'User accounts, roles and passwords.',
    },
    component: lazyScreen(() => import('./UsersScreen'), 'UsersScreen'),
  },
  'admin.seats': {
    order: 20,
    title: { zh: '终端管理', en: 'Seats' },
    description: {
      zh: '局域网内接入本主机的终端:配对码、最近使用情况、重命名和停用。',
      en: 'The PCs on the LAN connected to this host: pairing codes, last use, rename and revoke.',
    },
    component: lazyScreen(() => import('./seats/SeatsScreen'), 'SeatsScreen'),
  },
  'admin.audit': {
    order: 30,
    title: { zh: '审计日志', en: 'Audit log' },
    description: {
      zh: '查看登录、注销和数据变更的审计记录。',
      en: 'Audit records of logins, logouts and data changes.',
    },
    component: lazyScreen(() => import('./AuditScreen'), 'AuditScreen'),
  },
  'admin.settings': {
    order: 40,
    title: { zh: '系统设置', en: 'Settings' },
    description: {
      zh: '程序锁定时间、会话有效期、登录锁定规则,以及经销商名称、所在城市、本地车牌和时区。',
      en: 'Program lock time, session lifetime, login lockout, and the dealership’s name, city, local plates and time zone.',
    },
    component: lazyScreen(() => import('./SettingsScreen'), 'SettingsScreen'),
  },
});
