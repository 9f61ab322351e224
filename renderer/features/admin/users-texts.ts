/**
 * Texts of 系统管理 → 用户管理, zh-CN first and English beside it; the shared dictionaries
 * (renderer/i18n) take them in under 'users.'. Data only.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const USERS_TEXTS = defineTexts({
  'create': { 'zh-CN': '新建用户', en: 'New user' },
  'count': { 'zh-CN': '共 {n} 个用户', en: '{n} user(s)' },
  'empty': { 'zh-CN': '暂无用户', en: 'No users' },
  'col.username': { 'zh-CN': '用户名', en: 'User name' },
  'col.displayName': { 'zh-CN': '姓名', en: 'Name' },
  'col.role': { 'zh-CN': '角色', en: 'Role' },
  'col.status': { 'zh-CN': '状态', en: 'Status' },
  'col.actions': { 'zh-CN': '操作', en: 'Actions' },
  'status.active': { 'zh-CN': '正常', en: 'Active' },
  'status.mustChange': { 'zh-CN': '待修改密码', en: 'Must change password' },
  'status.locked': { 'zh-CN': '已锁定至 {time}', en: 'Locked until {time}' },
  'status.inactive': { 'zh-CN': '已停用', en: 'Inactive' },
  'resetPassword': { 'zh-CN': '重置密码', en: 'Reset password' },
  'resetTitle': { 'zh-CN': '重置密码', en: 'Reset password' },
  'resetConfirm': { 'zh-CN': '确定要重置用户“{name}”的密码吗?该用户将被注销,须使用新的一次性密码登录并修改密码。', en: 'Reset the password of “{name}”? The user is logged out and must log in with a new one-time password and change it.' },
  'createTitle': { 'zh-CN': '新建用户', en: 'New user' },
  'username': { 'zh-CN': '用户名', en: 'User name' },
  'usernameHint': { 'zh-CN': '字母、数字、点、下划线或连字符,至少 2 位', en: 'Letters, digits, dot, underscore or hyphen; at least 2 characters' },
  'displayName': { 'zh-CN': '姓名', en: 'Name' },
  'role': { 'zh-CN': '角色', en: 'Role' },
  'otpTitle': { 'zh-CN': '一次性密码', en: 'One-time password' },
  'otpIntro': { 'zh-CN': '用户“{name}”({username})的一次性密码如下。该密码只显示这一次,请当面告知用户;首次登录时必须修改。', en: 'The one-time password of “{name}” ({username}) is shown below, only this once. Tell the user in person; it must be changed at the first login.' },
  'otpLabel': { 'zh-CN': '一次性密码', en: 'One-time password' },
  'permissions': { 'zh-CN': '权限', en: 'Permissions' },
  'permTitle': { 'zh-CN': '权限管理:{name}({role})', en: 'Permissions: {name} ({role})' },
  'permIntro': {
    'zh-CN':
      '角色给出默认的模块和权限;可为这个用户单独授予或收回某个模块或某项权限(如出于数据安全考虑收回“导出数据”)。授予的模块只含该模块日常岗位的功能,不含经理的功能。保存后,该用户的下一次操作即按新设置执行,无需重新登录;菜单在其下次登录或刷新时更新。',
    en: "The role gives the default modules and permissions; you can grant or revoke a module or a single permission for this user (e.g. revoke 'Export data' for data security). A module granted gives its everyday functions, not its managers'. Once saved, the user's next action follows the new settings, without logging in again; their menu changes at their next login or refresh.",
  },
  'perm.col.permission': { 'zh-CN': '权限', en: 'Permission' },
  'perm.col.roleDefault': { 'zh-CN': '角色默认', en: 'Role default' },
  'perm.col.override': { 'zh-CN': '本用户', en: 'This user' },
  'perm.col.effective': { 'zh-CN': '生效', en: 'In effect' },
  'perm.yes': { 'zh-CN': '有', en: 'Yes' },
  'perm.no': { 'zh-CN': '无', en: 'No' },
  'perm.followRole': { 'zh-CN': '按角色默认', en: 'As the role' },
  'perm.grant': { 'zh-CN': '授予', en: 'Grant' },
  'perm.revoke': { 'zh-CN': '收回', en: 'Revoke' },
  'perm.save': { 'zh-CN': '保存', en: 'Save' },
  'perm.saved': { 'zh-CN': '已保存“{name}”的权限', en: 'Permissions of “{name}” saved' },
  'perm.changedAria': { 'zh-CN': '{permission}:本用户的设置', en: '{permission}: this user' },
});
