/**
 * Texts of 系统管理 → 审计日志 (columns, actions, objects), zh-CN first and English beside it; the
 * shared dictionaries (renderer/i18n) take them in under 'audit.'. Data only.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const AUDIT_TEXTS = defineTexts({
  'latest': { 'zh-CN': '最近 {n} 条记录,最新的在最前', en: 'The latest {n} records, newest first' },
  'empty': { 'zh-CN': '暂无审计记录', en: 'No audit records' },
  'filtered': { 'zh-CN': '只看 {from} 至 {to} 期间超过 {rows} 行的导出(审核自查第 8 项)', en: 'Only exports of more than {rows} rows from {from} to {to} (audit self-check 8)' },
  'showAll': { 'zh-CN': '显示全部', en: 'Show all' },
  'col.time': { 'zh-CN': '时间', en: 'Time' },
  'col.user': { 'zh-CN': '操作人', en: 'User' },
  'col.action': { 'zh-CN': '操作', en: 'Action' },
  'col.entity': { 'zh-CN': '对象', en: 'Object' },
  'col.entityId': { 'zh-CN': '编号', en: 'ID' },
  'col.detail': { 'zh-CN': '内容', en: 'Details' },
  'system': { 'zh-CN': '系统', en: 'System' },
  'action.login': { 'zh-CN': '登录', en: 'Log in' },
  'action.logout': { 'zh-CN': '注销', en: 'Log out' },
  'action.create': { 'zh-CN': '新建', en: 'Create' },
  'action.update': { 'zh-CN': '修改', en: 'Update' },
  'action.delete': { 'zh-CN': '删除', en: 'Delete' },
  'action.export': { 'zh-CN': '导出', en: 'Export' },
  'action.password': { 'zh-CN': '修改密码', en: 'Password change' },
  'action.password_reset': { 'zh-CN': '重置密码', en: 'Password reset' },
  'action.account_locked': { 'zh-CN': '账户锁定', en: 'Account locked' },
  'action.reassign': { 'zh-CN': '客户分配', en: 'Reassignment' },
  'action.permission': { 'zh-CN': '权限变更', en: 'Permission change' },
  'action.import': { 'zh-CN': '数据导入', en: 'Import' },
  'action.import_undo': { 'zh-CN': '撤销导入', en: 'Import undone' },
  'entity.user': { 'zh-CN': '用户', en: 'User' },
  'entity.session': { 'zh-CN': '会话', en: 'Session' },
  'entity.customer': { 'zh-CN': '客户', en: 'Customer' },
  'entity.seat': { 'zh-CN': '终端', en: 'Seat' },
  'entity.import_batch': { 'zh-CN': '导入批次', en: 'Import batch' },
  'entity.pairing_code': { 'zh-CN': '配对码', en: 'Pairing code' },
  'action.pair': { 'zh-CN': '终端配对', en: 'Seat paired' },
  'action.pair_refused': { 'zh-CN': '配对被拒', en: 'Pairing refused' },
  'action.seat_refused': { 'zh-CN': '终端被拒', en: 'Seat refused' },
  'action.revoke': { 'zh-CN': '停用', en: 'Revoke' },
});
