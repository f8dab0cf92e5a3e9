import { describe, expect, it } from 'vitest';
import { beijingDate, idCheckChar, validateIdNumber } from './idNumber';

const TODAY = '2026-01-05';

describe('validateIdNumber', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    expect(validateIdNumber('530303199001011239', TODAY)).toEqual({
      ok: true,
      value: '530303199001011239',
      birthDate: '1990-01-01',
      gender: 'male',
      upgraded: false,
    });
    const f = validateIdNumber('530303201012310023', TODAY);
    expect(f).toMatchObject({ ok: true, birthDate: '2010-12-31', gender: 'female' });
  });

  it('accepts a number ending in X, also written x, and normalises it', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X', gender: 'female' });
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('tolerates full-width digits, spaces and a leading apostrophe', () => {
    expect(validateIdNumber(' ５３０３０３ 1990 0101 1239 ', TODAY)).toMatchObject({ ok: true, value: '530303199001011239' });
    expect(validateIdNumber("'530303199001011239", TODAY)).toMatchObject({ ok: true });
  });

  it('refuses a wrong check character', () => {
    expect(validateIdNumber('530303199001011238', TODAY)).toMatchObject({ ok: false, reason: 'CHECK' });
    expect(validateIdNumber('110105194912310021', TODAY)).toMatchObject({ ok: false, reason: 'CHECK' });
  });

  it('refuses impossible and future birth dates', () => {
    const feb30 = `53030319900230123`;
    expect(validateIdNumber(feb30 + idCheckChar(feb30), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    const notLeap = `53030319000229123`;
    expect(validateIdNumber(notLeap + idCheckChar(notLeap), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    const leap = `53030320000229004`;
    expect(validateIdNumber(leap + idCheckChar(leap), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    const future = `53030320260106001`;
    expect(validateIdNumber(future + idCheckChar(future), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_FUTURE' });
    const todayBorn = `53030320260105001`;
    expect(validateIdNumber(todayBorn + idCheckChar(todayBorn), TODAY)).toMatchObject({ ok: true });
  });

  it('refuses a bad region code', () => {
    for (const region of ['990303', '160303', '000000', '530000'.replace('53', '99')]) {
      const first17 = `${region}19900101123`;
      expect(validateIdNumber(first17 + idCheckChar(first17), TODAY)).toMatchObject({ ok: false, reason: 'REGION' });
    }
  });

  it('upgrades a 15-digit legacy number', () => {
    expect(validateIdNumber('530303900101123', TODAY)).toEqual({
      ok: true,
      value: '530303199001011239',
      birthDate: '1990-01-01',
      gender: 'male',
      upgraded: true,
    });
  });

  it('explains lengths, characters and numbers Excel turned into 5.30303E+17', () => {
    expect(validateIdNumber('', TODAY)).toMatchObject({ ok: false, reason: 'EMPTY' });
    expect(validateIdNumber('5303031990', TODAY)).toMatchObject({ ok: false, reason: 'LENGTH' });
    expect(validateIdNumber('53030319900101123A', TODAY)).toMatchObject({ ok: false, reason: 'CHARS' });
    const sci = validateIdNumber('5.30303E+17', TODAY);
    expect(sci).toMatchObject({ ok: false, reason: 'SCIENTIFIC' });
    if (!sci.ok) expect(sci.zh).toContain('文本');
    expect(validateIdNumber('530303199001011000.0', TODAY)).toMatchObject({ ok: false, reason: 'SCIENTIFIC' });
  });

  it('gives Beijing dates', () => {
    expect(beijingDate(new Date('2026-01-04T16:30:00Z'))).toBe('2026-01-05');
    expect(beijingDate(new Date('2026-01-04T15:30:00Z'))).toBe('2026-01-04');
  });
});
