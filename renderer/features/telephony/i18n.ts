import { useCallback } from 'react';
import { useI18n } from '../../i18n/react';

/**
 * The softphone's texts, zh-CN first, English second. Kept with the feature (one prefix, one file)
 * rather than in the shared dictionaries, which five people edit at once.
 */
const TEXTS = {
  'status.off': ['软电话:未配置', 'Softphone: not configured'],
  'status.connecting': ['软电话:正在连接…', 'Softphone: connecting…'],
  'status.registered': ['软电话:已注册 {ext}', 'Softphone: registered {ext}'],
  'status.failed': ['软电话:注册失败 — {reason}', 'Softphone: registration failed — {reason}'],
  'status.retry': ['{s} 秒后重试', 'retrying in {s} s'],
  'reason.wrongPassword': ['SIP 密码错误,请在软电话设置中更正', 'Wrong SIP password: correct it in the softphone settings'],
  'reason.unknownUser': ['分机不存在或认证用户名错误', 'Unknown extension or authentication user'],
  'reason.unreachable': ['无法连接 SIP 服务器', 'The SIP server cannot be reached'],
  'reason.noPassword': ['尚未保存 SIP 密码', 'No SIP password saved yet'],
  'reason.rejected': ['服务器拒绝注册({code} {text})', 'The server refused the registration ({code} {text})'],
  'ring.title': ['来电', 'Incoming call'],
  'ring.unknown': ['未知来电', 'Unknown caller'],
  'ring.withheld': ['号码已隐藏', 'Number withheld'],
  'ring.invalid': ['无法识别的号码', 'Unrecognised number'],
  'ring.internal': ['内部分机', 'Internal extension'],
  'ring.several': ['{n} 位客户使用此号码', '{n} customers share this number'],
  'ring.hidden': ['另有 {n} 位客户您无权查看', '{n} more customer(s) you may not see'],
  'ring.answer': ['接听', 'Answer'],
  'ring.decline': ['拒接', 'Decline'],
  'call.title.in': ['呼入通话', 'Inbound call'],
  'call.title.out': ['呼出通话', 'Outbound call'],
  'call.calling': ['正在呼叫…', 'Calling…'],
  'call.connected': ['通话中', 'Connected'],
  'call.onHold': ['保持中', 'On hold'],
  'call.hold': ['保持', 'Hold'],
  'call.resume': ['恢复', 'Resume'],
  'call.mute': ['静音', 'Mute'],
  'call.unmute': ['取消静音', 'Unmute'],
  'call.keypad': ['按键', 'Keypad'],
  'call.transfer': ['转接', 'Transfer'],
  'call.transferTo': ['转接到(分机或号码)', 'Transfer to (extension or number)'],
  'call.transferGo': ['转接', 'Transfer'],
  'call.hangup': ['挂断', 'Hang up'],
  'call.recording': ['录音中', 'Recording'],
  'call.recordingFailed': ['录音中断:{reason}', 'Recording stopped: {reason}'],
  'call.failed': ['呼叫失败:{reason}', 'The call failed: {reason}'],
  'call.busy': ['对方忙', 'Busy'],
  'call.noAnswer': ['无人接听', 'No answer'],
  'call.unavailable': ['对方不在线', 'Not available'],
  'call.newCustomer': ['新建客户', 'New customer'],
  'call.openCard': ['打开客户卡片', 'Open the customer card'],
  'outcome.title': ['通话结果', 'Call outcome'],
  'outcome.hint': ['按数字键选择结果,Esc 稍后填写', 'Press a number key to pick the outcome, Esc to decide later'],
  'outcome.saved': ['已记录通话结果', 'Outcome saved'],
  'dial.title': ['拨号', 'Dial'],
  'dial.number': ['号码', 'Number'],
  'dial.call': ['呼叫', 'Call'],
  'dial.bad': ['号码只能包含数字、*、#,可以 + 开头', 'A number has digits, * and # only, optionally starting with +'],
  'dial.notReady': ['软电话尚未注册,无法呼叫', 'The softphone is not registered: cannot call'],
  'dial.prefix': ['外线前缀 {p}', 'outside-line prefix {p}'],
  'link.call': ['拨打 {number}', 'Call {number}'],
  'hotkeys': ['Alt+A 接听 · Alt+H 挂断', 'Alt+A answer · Alt+H hang up'],
  'settings.title': ['软电话设置', 'Softphone settings'],
  'settings.wsUrl': ['SIP WebSocket 地址', 'SIP WebSocket URL'],
  'settings.extension': ['分机号', 'Extension'],
  'settings.authUser': ['认证用户名', 'Authentication user'],
  'settings.password': ['SIP 密码', 'SIP password'],
  'settings.passwordKeep': ['已保存;留空则不修改', 'Saved; leave empty to keep it'],
  'settings.displayName': ['显示名称', 'Display name'],
  'settings.autoAnswer': ['自动接听', 'Auto-answer'],
  'settings.popOn': ['弹出客户卡片', 'Open the customer card'],
  'settings.popOn.ring': ['振铃时', 'When it rings'],
  'settings.popOn.answer': ['接听时', 'On answer'],
  'settings.recording': ['录音', 'Recording'],
  'settings.recording.all': ['全部通话', 'All calls'],
  'settings.recording.inbound': ['仅呼入', 'Inbound only'],
  'settings.recording.outbound': ['仅呼出', 'Outbound only'],
  'settings.recording.none': ['不录音', 'None'],
  'settings.outsidePrefix': ['外线前缀', 'Outside-line prefix'],
  'settings.outsidePrefix.hint': ['拨打外线号码时自动加在前面,如 9', 'Put in front of outside numbers, e.g. 9'],
  'settings.save': ['保存并注册', 'Save and register'],
  'settings.saved': ['已保存,正在注册…', 'Saved; registering…'],
  'log.missed': ['未接来电', 'Missed calls'],
  'log.none': ['没有未接来电', 'No missed calls'],
  'log.callBack': ['回拨', 'Call back'],
  'log.time': ['时间', 'Time'],
  'log.number': ['号码', 'Number'],
  'log.customer': ['客户', 'Customer'],
  'rec.play': ['播放', 'Play'],
  'rec.export': ['导出', 'Export'],
  'rec.exported': ['已导出 {name}', 'Exported {name}'],
  'rec.speed': ['倍速', 'Speed'],
  'rec.pick': ['双击一行播放录音', 'Double-click a row to play its recording'],
  'rec.incomplete': ['录音不完整', 'Incomplete recording'],
} as const satisfies Record<string, readonly [string, string]>;
export type TelKey = keyof typeof TEXTS;

export function telText(locale: string, key: TelKey, vars: Record<string, string | number> = {}): string {
  const s = TEXTS[key][locale === 'en' ? 1 : 0];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function useTelT(): (key: TelKey, vars?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback((key, vars) => telText(locale, key, vars), [locale]);
}
