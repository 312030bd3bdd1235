import type { Alarm } from '../../diagnostics/alarmTypes';
import { localize, type Locale } from '../../lib/localizedText';
import { translate } from '../../ui/i18n';
import { formatDuration } from '../../ui/formatDuration';

const valueText = (v: unknown) =>
  v === undefined ? '—' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);

/** What an alarm says: its rule's message, or the panel's own words for its kind. */
export function alarmText(alarm: Alarm, locale: Locale): string {
  if (alarm.message !== null) return localize(alarm.message, locale);
  const { field, value, limit, heldMs } = alarm.detail;
  const vars = {
    field: field ?? '',
    value: valueText(value),
    limit: valueText(limit),
    duration: formatDuration(heldMs, locale),
  };
  switch (alarm.ruleKind) {
    case 'threshold':
      return translate(
        locale,
        typeof value === 'number' && limit !== undefined && value < limit
          ? 'alarm.threshold.below'
          : 'alarm.threshold.above',
        vars,
      );
    case 'fault':
      return translate(locale, 'alarm.fault', vars);
    case 'stateTooLong':
      return translate(locale, 'alarm.stateTooLong', vars);
    case 'stale':
      return translate(locale, 'alarm.stale', vars);
    case 'geofence':
      return translate(
        locale,
        value === undefined ? 'alarm.geofence.allowed' : 'alarm.geofence.forbidden',
        vars,
      );
    case 'rateBelow':
      return translate(locale, 'alarm.rateBelow', vars);
    case 'planDeviation':
      return translate(locale, 'alarm.planDeviation', vars);
  }
}
