/**
 * First start (本机 / 连接到主机), pairing and the link to the host: zh-CN first, English second.
 * Taken into the shared dictionaries under the prefix 'seatMode.'. Data only.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const SEAT_MODE_TEXTS = defineTexts({
  'title': { 'zh-CN': '选择工作方式', en: 'How this PC works' },
  'intro': { 'zh-CN': '本机可以单独使用自己的数据库,也可以连接到店内的主机,与同事共用一套数据。', en: 'This PC can keep its own database, or connect to the dealership’s host and share one set of data with colleagues.' },
  'local': { 'zh-CN': '本机', en: 'This PC' },
  'localHint': { 'zh-CN': '数据保存在本机(单机使用,或把本机设为主机)', en: 'Data stays on this PC (single seat, or to make this PC the host)' },
  'client': { 'zh-CN': '连接到主机', en: 'Connect to a host' },
  'clientHint': { 'zh-CN': '数据在店内主机上,本机作为终端连接(需管理员提供的配对码)', en: 'Data is on the dealership’s host; this PC connects as a seat (needs a pairing code from the administrator)' },
  'pairTitle': { 'zh-CN': '连接到主机', en: 'Connect to a host' },
  'hostUrl': { 'zh-CN': '主机地址', en: 'Host address' },
  'hostUrlHint': { 'zh-CN': '例如 192.168.1.10 或 192.168.1.10:5443(管理员在主机的 系统管理 → 终端管理 中可见)', en: 'e.g. 192.168.1.10 or 192.168.1.10:5443 (shown on the host under 系统管理 → 终端管理)' },
  'probe': { 'zh-CN': '连接', en: 'Connect' },
  'probing': { 'zh-CN': '正在连接…', en: 'Connecting…' },
  'fingerprint': { 'zh-CN': '主机证书指纹', en: 'Host certificate fingerprint' },
  'fingerprintHint': { 'zh-CN': '请与管理员在主机 系统管理 → 终端管理 中看到的指纹逐段核对,一致后再配对', en: 'Compare it group by group with the fingerprint the administrator sees on the host under 系统管理 → 终端管理; pair only if they match' },
  'hostName': { 'zh-CN': '主机名称', en: 'Host name' },
  'versionDiffers': { 'zh-CN': '主机的 DS-CRM 版本为 {version},与本机不同:请安装与主机相同的版本后再配对', en: 'The host runs DS-CRM {version}, which differs from this PC: install the host’s version, then pair' },
  'code': { 'zh-CN': '配对码', en: 'Pairing code' },
  'codeHint': { 'zh-CN': '6 位数字,由管理员在主机上生成,10 分钟内有效', en: '6 digits, made by the administrator on the host, valid for 10 minutes' },
  'codeFormat': { 'zh-CN': '配对码为 6 位数字', en: 'The pairing code has 6 digits' },
  'seatNameTooLong': { 'zh-CN': '终端名称最多 {max} 个字', en: 'A seat name has at most {max} characters' },
  'addressFormat': { 'zh-CN': '主机地址格式不对,请填写如 192.168.1.10 或 192.168.1.10:5443', en: 'That is not a host address: type e.g. 192.168.1.10 or 192.168.1.10:5443' },
  'addressHttpsOnly': { 'zh-CN': '主机只通过 HTTPS 连接:请只填写地址,如 192.168.1.10', en: 'The host is reached over HTTPS only: type just the address, e.g. 192.168.1.10' },
  'seatName': { 'zh-CN': '终端名称', en: 'Seat name' },
  'seatNameHint': { 'zh-CN': '例如 前台-1、销售部-王丽,1–32 个字', en: 'e.g. 前台-1 or Sales-Wang Li, 1–32 characters' },
  'pair': { 'zh-CN': '核对无误,配对', en: 'It matches: pair' },
  'back': { 'zh-CN': '返回', en: 'Back' },
  'repairTitle': { 'zh-CN': '需要重新配对', en: 'Pair this PC again' },
  'versionTitle': { 'zh-CN': '版本与主机不同', en: 'Version differs from the host' },
  'retry': { 'zh-CN': '重新检查', en: 'Check again' },
  'link.connected': { 'zh-CN': '已连接主机', en: 'Connected to host' },
  'link.reconnecting': { 'zh-CN': '正在重连…', en: 'Reconnecting…' },
  'link.refused': { 'zh-CN': '主机拒绝连接', en: 'Host refused this PC' },
  'link.title': { 'zh-CN': '主机 {host}', en: 'Host {host}' },
});
