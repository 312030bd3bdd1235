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
  it('has every Chinese string translated: Chinese text in it, unless it is a name or a sign', () => {
    // Names and signs that read the same in both languages.
    const same = new Set(['app.title', 'inspector.none', 'history.none', 'network.button']);
    const untranslated = (Object.keys(en) as Array<keyof typeof en>).filter((key) => {
      if (same.has(key) || key === 'language.other') return false;
      const words = zhCN[key].replace(/\{\w+\}/g, '');
      const latin = /[A-Za-z]{2,}/.test(words);
      return (latin && !/[\u3400-\u9fff]/.test(words)) || (latin && zhCN[key] === en[key]);
    });
    expect(untranslated).toEqual([]);
    expect(zhCN['language.other']).toBe('English');
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
