import { describe, expect, it } from 'vitest';
import { textVariables } from '../../electron/common/i18n/texts';
import { MODULES } from '../../electron/common/roles';
import { ALL_SCREENS, moduleLabelKey, screenDescriptionKey, screenLabelKey } from '../shell/modules';
import { SMS_TEXTS } from '../features/sms/texts';
import { TELEPHONY_TEXTS } from '../features/telephony/texts';
import { en, zhCN } from './dictionaries';
import { translate, type MessageKey } from './index';

// `{name}` placeholders and plural counts (`{n, plural, one {…} other {…}}`), as the server tables are checked.
const placeholders = textVariables;

describe('UI dictionaries', () => {
  it('English has exactly the keys of zh-CN, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      const e = en[key as keyof typeof zhCN];
      expect(zh.trim(), key).not.toBe('');
      expect(e.trim(), key).not.toBe('');
      expect(placeholders(e), key).toEqual(placeholders(zh));
    }
  });

  it('names every module and screen of the navigation tree, with what each will do', () => {
    for (const m of MODULES) expect(translate('zh-CN', moduleLabelKey(m))).toMatch(/\p{Script=Han}/u);
    for (const id of ALL_SCREENS) {
      expect(translate('zh-CN', screenLabelKey(id))).toMatch(/\p{Script=Han}/u);
      expect(translate('zh-CN', screenDescriptionKey(id)).length).toBeGreaterThan(8);
      expect(translate('en', screenLabelKey(id))).toMatch(/^[A-Z]/);
    }
  });

  it('uses the DS-CRM menu names', () => {
    expect(translate('zh-CN', 'nav.sales.showroomTraffic')).toBe('展厅流量登记');
    expect(translate('zh-CN', 'nav.callCenter.recordings')).toBe('电话录音检索');
    expect(translate('zh-CN', 'shell.softphone')).toBe('软电话:未配置');
    expect(translate('zh-CN', 'lock.switchUser')).toBe('注销并切换用户');
    expect(translate('en', 'lock.switchUser')).toBe('Log out and switch user');
  });

  it('holds the softphone and SMS texts under tel. and sms., word for word', () => {
    for (const [k, v] of Object.entries(TELEPHONY_TEXTS.table)) {
      expect(translate('zh-CN', `tel.${k}` as MessageKey)).toBe(v['zh-CN']);
      expect(translate('en', `tel.${k}` as MessageKey)).toBe(v.en);
    }
    for (const [k, v] of Object.entries(SMS_TEXTS.table)) {
      expect(translate('zh-CN', `sms.${k}` as MessageKey)).toBe(v['zh-CN']);
      expect(translate('en', `sms.${k}` as MessageKey)).toBe(v.en);
    }
    expect(translate('zh-CN', 'tel.ring.title')).toBe('来电');
    expect(translate('en', 'sms.title')).toBe('Send SMS');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'users.count', { n: 3 })).toBe('共 3 个用户');
    expect(translate('en', 'users.count')).toBe('{n} user(s)');
  });
});
