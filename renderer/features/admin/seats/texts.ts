/**
 * 系统管理 → 终端管理 texts, zh-CN first and English second. The shared dictionaries
 * (renderer/i18n) take them in under the prefix 'seats.'. Data only.
 */
import { defineTexts } from '../../../../electron/common/i18n/texts';

export const SEATS_TEXTS = defineTexts({
  'count': { 'zh-CN': '共 {n} 个终端,在用 {active} 个', en: '{n, plural, one {# seat} other {# seats}}, {active} in use' },
  'empty': { 'zh-CN': '尚未配对任何终端。点击“生成配对码”,在新终端上输入配对码即可接入主机。', en: 'No seat is paired yet. Click “New pairing code” and enter the code on the new seat to connect it to the host.' },
  'col.name': { 'zh-CN': '名称', en: 'Name' },
  'col.address': { 'zh-CN': '地址', en: 'Address' },
  'col.lastUser': { 'zh-CN': '最近用户', en: 'Last user' },
  'col.lastSeen': { 'zh-CN': '最近在线', en: 'Last seen' },
  'col.pairedAt': { 'zh-CN': '配对时间', en: 'Paired' },
  'col.status': { 'zh-CN': '状态', en: 'Status' },
  'col.actions': { 'zh-CN': '操作', en: 'Actions' },
  'status.active': { 'zh-CN': '在用', en: 'In use' },
  'status.revoked': { 'zh-CN': '已停用', en: 'Revoked' },
  'col.online': { 'zh-CN': '连接', en: 'Connection' },
  'online': { 'zh-CN': '在线', en: 'Online' },
  'offline': { 'zh-CN': '离线', en: 'Offline' },
  'rename': { 'zh-CN': '重命名', en: 'Rename' },
  'renameTitle': { 'zh-CN': '重命名终端', en: 'Rename seat' },
  'name': { 'zh-CN': '终端名称', en: 'Seat name' },
  'nameHint': { 'zh-CN': '例如 前台-1、销售部-王丽,1–32 个字', en: 'e.g. Front desk 1, Sales – Wang Li; 1–32 characters' },
  'nameTooLong': { 'zh-CN': '名称最多 32 个字', en: 'At most 32 characters' },
  'renamed': { 'zh-CN': '已重命名为“{name}”', en: 'Renamed to “{name}”' },
  'revoke': { 'zh-CN': '停用', en: 'Revoke' },
  'revokeTitle': { 'zh-CN': '停用终端', en: 'Revoke seat' },
  'revokeConfirm': { 'zh-CN': '确定要停用终端“{name}”吗?该终端将立即断开,通过它登录的用户会被注销;如需再用,须重新配对。', en: 'Revoke the seat “{name}”? It is disconnected at once and the users logged in through it are logged out; to use it again it must be paired again.' },
  'revoked': { 'zh-CN': '终端“{name}”已停用', en: 'Seat “{name}” revoked' },
  'createCode': { 'zh-CN': '生成配对码', en: 'New pairing code' },
  'codeTitle': { 'zh-CN': '配对码', en: 'Pairing code' },
  'codeIntro': { 'zh-CN': '请在新终端上选择“连接到主机”,输入以下配对码。配对码只能使用一次,生成新的配对码后旧的即失效。', en: 'On the new seat choose “Connect to host” and enter this code. It works once; making a new code voids the old one.' },
  'codeLabel': { 'zh-CN': '配对码', en: 'Pairing code' },
  'expiresIn': { 'zh-CN': '{time} 后失效', en: 'Expires in {time}' },
  'expired': { 'zh-CN': '配对码已失效,请重新生成', en: 'The code has expired. Make a new one.' },
  'fingerprint': { 'zh-CN': '主机证书指纹(SHA-256)', en: 'Host certificate fingerprint (SHA-256)' },
  'fingerprintHint': { 'zh-CN': '请将新终端上显示的指纹与此核对,一致才可确认配对。', en: 'Compare it with the fingerprint the new seat shows; confirm the pairing only if they match.' },
  'noFingerprint': { 'zh-CN': '主机尚未开启局域网服务(系统设置 → 设为主机),暂无证书指纹。', en: 'The host has not started its LAN service yet (System settings → Make this PC the host), so there is no certificate fingerprint.' },
  'newCode': { 'zh-CN': '重新生成', en: 'Make a new one' },
  'hostUrls': { 'zh-CN': '主机地址(在新终端上输入其中一个)', en: 'Host address (enter one of these on the new seat)' },
  'noHostUrls': { 'zh-CN': '本机目前没有为局域网提供服务:请在 系统设置 → 局域网主机 中设为主机,重启程序后再生成配对码。', en: 'This PC does not serve the LAN at the moment: turn on 设为主机 in System settings → LAN host, restart the app, then make a code.' },
});
