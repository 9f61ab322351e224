import type { ErrorCode } from '../api/contract';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Error messages a user can read. {name} placeholders are filled from the error's details. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  UNAUTHENTICATED: { 'zh-CN': '登录已失效,请重新登录', en: 'Your session has ended. Please log in again.' },
  FORBIDDEN: { 'zh-CN': '您的角色无权执行此操作', en: 'Your role is not allowed to do this.' },
  SESSION_LOCKED: { 'zh-CN': '程序已锁定,请输入密码解锁', en: 'The program is locked. Enter your password to unlock it.' },
  PASSWORD_CHANGE_REQUIRED: { 'zh-CN': '首次登录请先修改密码', en: 'Please change your password before continuing.' },
  INVALID_INPUT: { 'zh-CN': '输入有误:{issues}', en: 'Invalid input: {issues}' },
  UNKNOWN_METHOD: { 'zh-CN': '未知的操作:{method}', en: 'Unknown operation: {method}' },
  NOT_FOUND: { 'zh-CN': '记录不存在或已被删除', en: 'The record does not exist or was deleted.' },
  CONFLICT: { 'zh-CN': '操作冲突:{reason}', en: 'Conflict: {reason}' },
  TOO_MANY_ROWS: {
    'zh-CN': '共 {count} 行,超过一次最多导出 {max} 行,请缩小筛选范围',
    en: '{count} rows: more than the {max} that can be exported at once. Narrow the filter.',
  },
  BAD_CREDENTIALS: {
    'zh-CN': '用户名或密码错误。连续输错 5 次将锁定账户 5 分钟',
    en: 'Wrong user name or password. Five wrong passwords in a row lock the account for 5 minutes.',
  },
  ACCOUNT_LOCKED: {
    'zh-CN': '密码连续输错 5 次,账户已锁定,请 {minutes} 分钟后再试',
    en: 'Five wrong passwords: the account is locked. Try again in {minutes} minute(s).',
  },
  WEAK_PASSWORD: {
    'zh-CN': '新密码至少 8 位,且须同时包含字母和数字',
    en: 'The new password needs at least 8 characters with both letters and digits.',
  },
  SAME_PASSWORD: { 'zh-CN': '新密码不能与原密码相同', en: 'The new password must differ from the old one.' },
  BAD_ORIGIN: { 'zh-CN': '拒绝来自外部页面的请求', en: 'Request from a foreign page refused.' },
  INTERNAL: { 'zh-CN': '系统内部错误,已记录,请稍后重试', en: 'Internal error; it has been logged. Please try again.' },
};

export function formatMessage(template: string, details: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in details ? String(details[k]) : m));
}

export function pickLocale(value: string | null | undefined): Locale {
  if (!value) return 'zh-CN';
  return /^en\b/i.test(value.trim()) ? 'en' : 'zh-CN';
}
