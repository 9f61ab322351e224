/**
 * The SMS feature's public surface (tests/architecture.test.ts refuses imports into its other
 * files): the 发短信 button other screens place beside a selection, the audience it sends to, and
 * the channel settings panel 系统设置 shows.
 */
export { SmsButton } from './SmsButton';
export { audienceOf, type SmsAudience } from './SmsSendDialog';
export { SmsSettingsPanel } from './SmsSettingsPanel';
