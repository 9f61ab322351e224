/**
 * The LAN host's texts (issue 15): 系统设置 → 局域网主机 (设为主机, its port and extra names) and the
 * audit log's name for what the LAN listener refused. Spread into the shared dictionaries as they are.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const LAN_TEXTS = defineTexts({
  'settings.group.lan': { 'zh-CN': '局域网主机', en: 'LAN host' },
  'settings.lan.enabled': { 'zh-CN': '设为主机', en: 'Serve as host' },
  'settings.lan.enabled.hint': { 'zh-CN': '本机保存数据库,局域网内其他电脑作为终端经 HTTPS 连接到本机;终端由管理员在 系统管理 → 终端管理 生成配对码后配对。保存后重启程序生效', en: 'This PC keeps the database and the LAN\'s other PCs connect to it as seats over HTTPS; an administrator pairs each seat with a code from 系统管理 → 终端管理 (Seats). Applies after a restart' },
  'settings.lan.enabled.off': { 'zh-CN': '否(仅本机使用)', en: 'No (this PC only)' },
  'settings.lan.enabled.on': { 'zh-CN': '是(为局域网终端提供服务)', en: 'Yes (serve the seats on the LAN)' },
  'settings.lan.port': { 'zh-CN': '主机端口(HTTPS)', en: 'Host port (HTTPS)' },
  'settings.lan.port.hint': { 'zh-CN': '1024–65535,默认 5443;请在防火墙中放行此 TCP 端口的入站连接。重启后生效', en: '1024–65535, default 5443; allow inbound connections to this TCP port in the firewall. Applies after a restart' },
  'settings.lan.hostNames': { 'zh-CN': '主机的其他名称', en: 'Other names of the host' },
  'settings.lan.hostNames.hint': { 'zh-CN': '可选;终端访问本机时使用的域名(如 crm.dealer.lan),多个以逗号分隔。本机的计算机名和 IP 地址无需填写', en: 'Optional: DNS names seats use to reach this PC (e.g. crm.dealer.lan), separated by commas. The PC\'s own name and IP addresses need not be listed' },
  'audit.action.lan_refused': { 'zh-CN': '局域网请求被拒绝', en: 'LAN request refused' },
  'audit.entity.lan': { 'zh-CN': '局域网', en: 'LAN' },
});
