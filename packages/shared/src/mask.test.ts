import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';
import { compactText, normalizeText, toHalfWidth } from './normalize';
import { answers } from './testing/answers';

describe('masking', () => {
  it('hides the birth date and the check character of an ID number, keeping region and sequence', () => {
    answers(maskIdNumber, {
      '530303199001011234': '530303********123*',
      '11010519491231002X': '110105********002*',
      '530303900101123': '530303******123',
      '12345': '*****',
    });
    expect(maskIdNumber(null)).toBeNull();
  });
  it('keeps the first 3 and last 4 of a mobile, the area code and last 4 of a landline', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0874-3012345')).toBe('0874-***2345');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('normalize', () => {
  it('turns full-width into half-width and collapses spaces', () => {
    expect(toHalfWidth('１２３ＡＢｃ（）')).toBe('123ABc()');
    expect(normalizeText('  地河村\u3000 一组  ')).toBe('地河村 一组');
    expect(compactText(' 身份证 号码 ')).toBe('身份证号码');
    expect(normalizeText(null)).toBe('');
    expect(normalizeText('张三')).toBe('张三');
    expect(normalizeText('a\u200Bb\u00A0c\uFEFF')).toBe('a b c');
    expect(normalizeText('１９９０\t')).toBe('1990');
  });
});
