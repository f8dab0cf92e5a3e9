import { describe, expect, it } from 'vitest';
import { localeFrom } from './i18n';
import { answers } from '@jiceng/shared/testing/answers';

describe('localeFrom', () => {
  it('answers in Chinese by default and in English when English is preferred', () => {
    expect(localeFrom(undefined)).toBe('zh-CN');
    answers(localeFrom, {
      '': 'zh-CN',
      'fr-FR': 'zh-CN',
      en: 'en',
      'en-US,en;q=0.9': 'en',
      'zh-CN,zh;q=0.9,en;q=0.8': 'zh-CN',
    });
  });

  it('weighs the ranges by their q-values, not by their order', () => {
    answers(localeFrom, {
      'en;q=0.1, zh-CN;q=0.9': 'zh-CN',
      'zh-CN;q=0.5, en-GB;q=0.8': 'en',
      'fr;q=1, en;q=0.3, zh;q=0.2': 'en',
      'EN-us; Q=0.7, zh;q=0.7': 'en',
    });
  });

  it('never picks a language the client refuses (q=0) or weighs with a malformed q', () => {
    expect(localeFrom('en;q=0, zh;q=0.1')).toBe('zh-CN');
    expect(localeFrom('en;q=0')).toBe('zh-CN');
    expect(localeFrom('en;q=abc, zh;q=0.2')).toBe('zh-CN');
  });
});
