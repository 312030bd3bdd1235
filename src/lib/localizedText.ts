/** Text that may carry one string per language, as configs allow. */
export type LocalizedText = string | { en: string; 'zh-CN'?: string | undefined };

/** Supported UI languages. */
export type Locale = 'en' | 'zh-CN';

/** Picks the string for `locale`, falling back to English. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'zh-CN' ? text['zh-CN'] : undefined) ?? text.en;
}
