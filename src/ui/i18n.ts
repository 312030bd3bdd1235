import { create } from 'zustand';
import type { Locale } from '../lib/localizedText';
import { en, zhCN, type StringKey } from './strings';

const TABLES: Record<Locale, Record<StringKey, string>> = { en, 'zh-CN': zhCN };

/** Picks the UI language: `?lang=` first, then the browser's languages, then English. */
export function detectLocale(search: string, languages: readonly string[]): Locale {
  const requested = new URLSearchParams(search).get('lang');
  if (requested === 'en' || requested === 'zh-CN') return requested;
  for (const lang of languages) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

/** Formats a UI string; `{name}` placeholders take values from `vars`. */
export function translate(
  locale: Locale,
  key: StringKey,
  vars?: Record<string, string | number>,
): string {
  const template = TABLES[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The page's UI language. */
export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: 'en',
  setLocale: (locale) => set({ locale }),
}));

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** Returns `t(key, vars)` bound to the current language; re-renders when it changes. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}

export function useLocale(): Locale {
  return useLocaleStore((s) => s.locale);
}

export type { StringKey };
