import { describe, expect, it } from 'vitest';
import { localeFrom } from './i18n';

describe('localeFrom', () => {
  it('answers in Chinese by default and in English when English is preferred', () => {
    expect(localeFrom(undefined)).toBe('zh-CN');
    expect(localeFrom('')).toBe('zh-CN');
    expect(localeFrom('fr-FR')).toBe('zh-CN');
    expect(localeFrom('en')).toBe('en');
    expect(localeFrom('en-US,en;q=0.9')).toBe('en');
    expect(localeFrom('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
  });

  it('weighs the ranges by their q-values, not by their order', () => {
    expect(localeFrom('en;q=0.1, zh-CN;q=0.9')).toBe('zh-CN');
    expect(localeFrom('zh-CN;q=0.5, en-GB;q=0.8')).toBe('en');
    expect(localeFrom('fr;q=1, en;q=0.3, zh;q=0.2')).toBe('en');
    expect(localeFrom('EN-us; Q=0.7, zh;q=0.7')).toBe('en');
  });

  it('never picks a language the client refuses (q=0) or weighs with a malformed q', () => {
    expect(localeFrom('en;q=0, zh;q=0.1')).toBe('zh-CN');
    expect(localeFrom('en;q=0')).toBe('zh-CN');
    expect(localeFrom('en;q=abc, zh;q=0.2')).toBe('zh-CN');
  });
});
