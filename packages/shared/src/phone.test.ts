import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('normalises mobiles written in many ways', () => {
    for (const raw of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '0086-13812345678',
      '８６１３８１２３４５６７８',
      '１３８１２３４５６７８',
    ])
      expect(normalizePhone(raw)).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
  });
  it('normalises landlines with their area code', () => {
    expect(normalizePhone('0874-3012345')).toEqual({ ok: true, value: '0874-3012345', kind: 'landline' });
    expect(normalizePhone('(0874) 301 2345')).toMatchObject({ value: '0874-3012345' });
    expect(normalizePhone('010-62345678')).toMatchObject({ value: '010-62345678' });
    expect(normalizePhone('021 6234 5678')).toMatchObject({ value: '021-62345678' });
  });
  it('refuses what is not a phone number, in both languages', () => {
    for (const raw of ['12812345678', '1381234567', '138123456789', '3012345', 'abc', '0874-123'])
      expect(normalizePhone(raw)).toMatchObject({ ok: false, zh: expect.stringContaining('电话'), en: expect.stringContaining('phone') });
  });
});
