import { describe, expect, it } from 'vitest';
import { hasPairingFieldErrors, pairingFieldErrors } from './pairing-fields';

describe('pairingFieldErrors (both pairing forms)', () => {
  it('says in zh-CN what is missing or wrong in each field', () => {
    expect(pairingFieldErrors('', '', '', 'zh-CN')).toEqual({ address: '请填写此项', code: '请填写此项', seatName: '请填写此项' });
    expect(pairingFieldErrors('  ', '12345', '   ', 'zh-CN')).toEqual({ address: '请填写此项', code: '配对码为 6 位数字', seatName: '请填写此项' });
    expect(pairingFieldErrors(null, '12a456', '前'.repeat(33), 'zh-CN')).toEqual({ code: '配对码为 6 位数字', seatName: '终端名称最多 32 个字' });
    expect(pairingFieldErrors('http://192.168.1.10', null, null, 'zh-CN')).toEqual({ address: '主机只通过 HTTPS 连接:请只填写地址,如 192.168.1.10' });
    for (const bad of ['192.168.1.10:99999', '192.168.1 .10', 'https://192.168.1.10/login', '192.168.1.10?x=1']) {
      expect(pairingFieldErrors(bad, null, null, 'zh-CN'), bad).toEqual({ address: '主机地址格式不对,请填写如 192.168.1.10 或 192.168.1.10:5443' });
    }
  });

  it('says the same in English', () => {
    expect(pairingFieldErrors('', '1234567', '', 'en')).toEqual({ address: 'Please fill this in', code: 'The pairing code has 6 digits', seatName: 'Please fill this in' });
    expect(pairingFieldErrors('ftp://host', null, 'x'.repeat(33), 'en')).toEqual({
      address: 'The host is reached over HTTPS only: type just the address, e.g. 192.168.1.10',
      seatName: 'A seat name has at most 32 characters',
    });
    expect(pairingFieldErrors('a b', null, null, 'en')).toEqual({ address: 'That is not a host address: type e.g. 192.168.1.10 or 192.168.1.10:5443' });
  });

  it('accepts what the host takes: an address with or without port or https://, six digits and a name of 1–32 characters after trimming', () => {
    for (const address of ['192.168.1.10', '192.168.1.10:5443', 'https://dscrm-host:5443/', ' host.local ']) {
      expect(pairingFieldErrors(address, ' 012345 ', ' 前台-1 ', 'zh-CN'), address).toEqual({});
    }
    expect(pairingFieldErrors(null, '000000', '前'.repeat(32), 'en')).toEqual({});
    expect(hasPairingFieldErrors({})).toBe(false);
    expect(hasPairingFieldErrors(pairingFieldErrors(null, null, '', 'en'))).toBe(true);
  });
});
