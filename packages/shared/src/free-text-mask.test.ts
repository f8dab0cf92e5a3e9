import { describe, expect, it } from 'vitest';
import { hasMaskableText, maskFreeText } from './free-text-mask';
import { answers } from './testing/answers';

describe('maskFreeText', () => {
  it('masks mobiles inside Chinese text, with spaces, dashes, +86 and full-width digits', () => {
    answers(maskFreeText, {
      '路灯坏了，联系电话13812345678，谢谢': '路灯坏了，联系电话138****5678，谢谢',
      '电话 138 1234 5678 找张三': '电话 138****5678 找张三',
      '电话138-1234-5678': '电话138****5678',
      '手机：１３８１２３４５６７８。': '手机：138****5678。',
      '打+86 13812345678或008613987654321': '打+86 138****5678或+86 139****4321',
      '13812345678 13987654321': '138****5678 139****4321',
    });
  });

  it('masks landlines with their area code', () => {
    answers(maskFreeText, {
      '座机0874-1234567': '座机0874-***4567',
      '座机（０８７４）３０１２３４５': '座机0874-***2345',
      '打010 12345678': '打010-****5678',
      '08743012345': '0874-***2345',
    });
  });

  it('masks 18- and 15-digit ID numbers like the structured field: no birth date, no check character', () => {
    answers(maskFreeText, {
      '身份证号530303199001011234，户主': '身份证号530303********123*，户主',
      身份证11010519491231002x: '身份证110105********002*',
      '身份证 5303 0319 9001 0112 34': '身份证 530303********123*',
      身份证５３０３０３１９９００１０１１２３Ｘ号: '身份证530303********123*号',
      老身份证530303900101123: '老身份证530303******123',
    });
  });

  it('leaves dates, amounts, short numbers and other digits alone', () => {
    const text = '2026-01-05 报修，花了 1200 元，门牌 12 号，工单 20260105';
    for (const [input, expected] of [
      [text, text],
      ['2026-01-05 13812345678', '2026-01-05 138****5678'],
      ['没有数字', '没有数字'],
      [null, null],
    ] as const)
      expect(maskFreeText(input), String(input)).toBe(expected);
    expect(hasMaskableText(text)).toBe(false);
    expect(hasMaskableText('电话13812345678')).toBe(true);
  });

  it('never lets a digit of a masked middle through', () => {
    const out = maskFreeText('张三 530303199001011234 电话13812345678 座机0874-3012345');
    for (const hidden of ['19900101', '1234567', '301']) expect(out).not.toContain(hidden);
  });
});
