import type { Locale } from '../lib/localizedText';
import { translate } from './i18n';

/** A span of time for people: `45 s`, `12 min`, `2 h 5 min`, `2 h` (and their Chinese forms). */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return translate(locale, 'duration.seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return translate(locale, 'duration.minutes', { n: minutes });
  const h = Math.floor(minutes / 60);
  if (minutes % 60 === 0) return translate(locale, 'duration.wholeHours', { h });
  return translate(locale, 'duration.hours', { h, m: minutes % 60 });
}
