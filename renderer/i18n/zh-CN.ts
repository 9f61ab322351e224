/**
 * Simplified Chinese: the first language of the UI and the source of the message keys.
 * {name} placeholders are filled by t(key, params).
 */
import { smsZh } from '../features/sms/texts';
import { telZh } from '../features/telephony/texts';
import { seatsZh } from '../features/admin/seats/texts';
import { staleZh } from '../ui/stale-texts';
import { seatModeZh } from '../features/seat-mode/texts';
import { lanZh } from '../features/admin/lan-texts';
import { dictsZh } from '../features/dictionaries/texts';
import { analysisZh } from '../features/analysis/texts';
import { customerZh } from '../features/customers/texts';
import { oppZh } from '../features/sales/opportunities/texts';
import { showroomZh } from '../features/sales/showroom/texts';
import { actZh } from '../features/sales/activities/texts';
import { saZh } from '../features/sales/analysis/texts';
import { rvZh } from '../features/service/revisits/texts';
import { cwZh } from '../features/service/workbench/texts';
import { careZh } from '../features/service/surveys/texts';
import { solZh } from '../features/service/solicitation/texts';
import { remZh } from '../features/service/reminders/texts';
import { apZh } from '../features/service/appointments/texts';
import { tpZh } from '../features/service/taskpool/texts';
import { gridZh, scopeZh } from '../ui/grid/texts';
import { settingsZh, auditZh, usersZh } from '../features/admin/texts';
import { withPrefix } from './prefix';
import { screenTexts } from './screen-texts';

export const zhCN = {
  // Menu titles and descriptions ('nav.<screen>', 'desc.<screen>') live with each feature's screens.ts.
  ...screenTexts('zh'),
  ...withPrefix('tel.', telZh),
  ...lanZh,
  ...withPrefix('sms.', smsZh),
  ...withPrefix('seatMode.', seatModeZh),
  ...withPrefix('seats.', seatsZh),
  ...withPrefix('stale.', staleZh),
  ...withPrefix('dicts.', dictsZh),
  ...withPrefix('an.', analysisZh),
  ...withPrefix('customer.', customerZh),
  ...withPrefix('opp.', oppZh),
  ...withPrefix('showroom.', showroomZh),
  ...withPrefix('act.', actZh),
  ...withPrefix('sa.', saZh),
  ...withPrefix('rv.', rvZh),
  ...withPrefix('cw.', cwZh),
  ...withPrefix('care.', careZh),
  ...withPrefix('sol.', solZh),
  ...withPrefix('rem.', remZh),
  ...withPrefix('ap.', apZh),
  ...withPrefix('tp.', tpZh),
  ...withPrefix('grid.', gridZh),
  ...withPrefix('scope.', scopeZh),
  ...withPrefix('settings.', settingsZh),
  ...withPrefix('audit.', auditZh),
  ...withPrefix('users.', usersZh),
  'app.name': 'DS-CRM',
  'app.title': 'DS-CRM 经销商客户关系管理系统',
  'app.subtitle': '一汽-大众 经销商客户关系管理',
  'app.loading': '正在加载…',

  'lang.label': '语言',
  'lang.zh-CN': '中文',
  'lang.en': 'English',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.refresh': '刷新',
  'common.loading': '正在加载…',
  'common.copy': '复制',
  'common.copied': '已复制到剪贴板',
  'common.copyFailed': '无法访问剪贴板,请手动抄写',
  'common.required': '请填写此项',

  'error.network': '无法连接到 DS-CRM 服务,请确认程序正在运行后重试',
  'error.unexpected': '发生意外错误:{message}',

  'login.title': '用户登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.busy': '正在登录…',
  'login.rule': '连续输错 5 次密码,账户将被锁定 5 分钟',
  'login.notice.loggedOut': '您已注销',
  'login.notice.endedElsewhere': '您已在其他窗口注销',
  'login.notice.expired': '登录已过期,请重新登录',
  'login.notice.passwordReset': '管理员已重置您的密码,请用管理员提供的一次性密码重新登录',
  'login.notice.passwordChanged': '您的密码已在其他窗口修改,请用新密码重新登录',

  'password.title': '修改密码',
  'password.forced': '首次登录或密码被重置后,须先修改密码才能继续使用。',
  'password.old': '原密码',
  'password.new': '新密码',
  'password.repeat': '确认新密码',
  'password.rule': '新密码至少 8 位:至少 2 个字母,且至少 2 个数字或符号;至少 5 个不同字符;不得包含用户名;不得与最近 3 次使用过的密码相同',
  'password.user': '用户:{name}',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '修改密码',
  'password.cancel': '退出登录',
  'password.changed': '密码已修改',

  'lock.title': '程序已锁定',
  'lock.who': '{name} 已锁定本程序',
  'lock.intro': '请输入密码解锁,解锁后回到锁定前的界面。',
  'lock.password': '密码',
  'lock.unlock': '解锁',
  'lock.switchUser': '注销并切换用户',
  'lock.switchHint': '注销后未保存的内容将丢失',

  'shell.nav': '功能导航',
  'shell.tabs': '已打开的功能',
  'shell.closeTab': '关闭“{name}”',
  'shell.home.title': '欢迎,{name}',
  'shell.home.body': '请在左侧导航树中选择功能。打开的功能显示为标签页,可随时切换或关闭。',
  'shell.home.shortcuts': '快捷键:Ctrl+L 锁定程序;在导航树中用方向键移动、回车打开。',
  'shell.lock': '锁定',
  'shell.lockShortcut': 'Ctrl+L',
  'shell.logout': '注销',
  'shell.dataDamaged': '数据库已损坏,为免扩大损失已停止保存修改(仍可查询)。请联系管理员从备份恢复,备份位于:{backupsDir}',
  'shell.softphone': '软电话:未配置',
  'shell.role': '角色:{role}',
  'shell.placeholder.title': '此模块将在后续版本中提供',
  'shell.placeholder.what': '将提供的功能',

  'module.sales': '销售管理',
  'module.service': '客户服务',
  'module.callCenter': '呼叫中心',
  'module.sms': '短信平台',
  'module.analysis': '决策分析',
  'module.admin': '系统管理',

  // opp.* — 潜在客户 / opportunities (renderer/features/sales/opportunities)
} as const;

export type MessageKey = keyof typeof zhCN;
