import { describe, expect, it } from 'vitest';
import { detectLocale, translate } from './i18n';
import { en, zhCN } from './strings';

describe('i18n', () => {
  it('has a Chinese string for every English key, with the same placeholders', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zhCN[key], key).toBeTruthy();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'loading.models', { done: 2, total: 9 })).toBe('Loading models 2 of 9');
    expect(translate('en', 'loading.models', { done: 2 })).toBe('Loading models 2 of {total}');
  });
  it('prefers ?lang=, then the browser languages', () => {
    expect(detectLocale('?lang=zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLocale('', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale('?lang=fr', ['de', 'en-GB'])).toBe('en');
  });
});
