import type { FieldValue } from '../config/schema';
import type { Locale, LocalizedText } from '../lib/localizedText';
import { localize } from '../lib/localizedText';

/** What a rule's message may say about the alarm (docs/rules.md lists the placeholders). */
export interface MessageContext {
  id: string;
  name: LocalizedText;
  zone: string | undefined;
  field: string | undefined;
  value: FieldValue | undefined;
  limit: number | undefined;
  heldMs: number;
  fields: Readonly<Record<string, FieldValue>>;
}

/** How durations read in each language (supplied by the UI's i18n layer). */
export type DurationFormatter = (ms: number, locale: Locale) => string;

const PLACEHOLDER = /\{([a-zA-Z]+(?:\.[\w-]+)?)\}/g;
const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

function valueText(value: FieldValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

/** The template with its placeholders filled, in one language. Unknown ones stay as written. */
export function renderMessage(
  template: string,
  context: MessageContext,
  locale: Locale,
  duration: DurationFormatter,
): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    if (key.startsWith('fields.')) return valueText(context.fields[key.slice(7)]);
    switch (key) {
      case 'id':
        return context.id;
      case 'name':
        return localize(context.name, locale);
      case 'zone':
        return context.zone ?? '—';
      case 'field':
        return context.field ?? '—';
      case 'value':
        return valueText(context.value);
      case 'limit':
        return valueText(context.limit);
      case 'duration':
        return duration(context.heldMs, locale);
      default:
        return whole;
    }
  });
}

/** A rule's message (one string, or one per language) rendered in every language it has. */
export function renderLocalized(
  template: LocalizedText,
  context: MessageContext,
  duration: DurationFormatter,
): LocalizedText {
  if (typeof template === 'string') {
    const en = renderMessage(template, context, 'en', duration);
    const zh = renderMessage(template, context, 'zh-CN', duration);
    return en === zh ? en : { en, 'zh-CN': zh };
  }
  const out: { en: string; 'zh-CN'?: string } = { en: '' };
  for (const locale of LOCALES) {
    const text = locale === 'en' ? template.en : template['zh-CN'];
    if (text !== undefined) out[locale] = renderMessage(text, context, locale, duration);
  }
  return out;
}
