import type { Alarm } from '../../diagnostics/alarmTypes';
import type { Hint, LinkedAlarmTally } from '../../diagnostics/rootCause';
import type { Locale } from '../../lib/localizedText';
import { translate } from '../../ui/i18n';
import { formatDuration } from '../../ui/formatDuration';

/** What the hint text needs from the site: names, rule names, wall-clock times. */
export interface HintWords {
  nameOf(assetId: string): string;
  ruleName(ruleId: string): string;
  zoneName(zoneId: string): string;
  time(t: number): string;
}

/** A hint in words, and the assets it names (for links). */
export interface HintLine {
  text: string;
  assets: string[];
  /** Earlier alarms it names, by id (for links to their moments). */
  alarms: string[];
}

/** The root-cause hints of an alarm, one line each, in the UI's language. */
export function hintLines(alarm: Alarm, locale: Locale, words: HintWords): HintLine[] {
  return alarm.hints.map((hint) => hintLine(hint, locale, words));
}

/** One rule's alarms on a linked asset: its name, how often, with which codes, how long. */
function linkedTally(tally: LinkedAlarmTally, locale: Locale, w: HintWords): string {
  // Codes say what broke; a reading (an efficiency, a rate) is in the alarm's own message.
  const codes = tally.values.filter((v): v is string => typeof v === 'string' && v !== '');
  return translate(
    locale,
    codes.length > 0 ? 'hint.linkedAlarmsRuleCodes' : 'hint.linkedAlarmsRule',
    {
      rule: w.ruleName(tally.ruleId),
      count: tally.count,
      codes: codes.join('/'),
      duration: formatDuration(tally.heldMs, locale),
    },
  );
}

function hintLine(hint: Hint, locale: Locale, w: HintWords): HintLine {
  const list = (items: string[]) => items.join(locale === 'zh-CN' ? '、' : ', ');
  switch (hint.kind) {
    case 'linked': {
      const parts: string[] = [];
      parts.push(
        hint.assets.length === 0
          ? translate(locale, 'hint.linkedNone')
          : translate(locale, 'hint.linked', {
              list: list(
                hint.assets.map((a) =>
                  translate(locale, 'hint.linkedAsset', {
                    name: w.nameOf(a.id),
                    status: String(a.status ?? '—'),
                    zone: a.zone ? w.zoneName(a.zone) : translate(locale, 'hint.nowhere'),
                    distance: a.distance,
                  }),
                ),
              ),
            }),
      );
      if (hint.down.length > 0)
        parts.push(
          translate(locale, 'hint.down', {
            count: hint.down.length,
            of: hint.of,
            list: list(hint.down.slice(0, 8).map(w.nameOf)),
          }),
        );
      return {
        text: parts.join(' '),
        assets: [...hint.assets.map((a) => a.id), ...hint.down],
        alarms: [],
      };
    }
    case 'earlier':
      return {
        text: translate(locale, 'hint.earlier', {
          list: list(
            hint.alarms.map((a) =>
              translate(locale, 'hint.earlierAlarm', {
                rule: w.ruleName(a.ruleId),
                value: a.value === undefined ? '' : ` ${String(a.value)}`,
                time: w.time(a.since),
                duration:
                  a.clearedAt === undefined
                    ? translate(locale, 'alarms.ongoing')
                    : formatDuration(a.clearedAt - a.since, locale),
              }),
            ),
          ),
        }),
        assets: [],
        alarms: hint.alarms.map((a) => a.id),
      };
    case 'linkedAlarms':
      return {
        text:
          hint.assets.length === 0
            ? translate(locale, 'hint.linkedAlarmsNone', { of: hint.of })
            : translate(locale, 'hint.linkedAlarms', {
                count: hint.assets.length,
                of: hint.of,
                within: formatDuration(hint.withinMs, locale),
                list: list(
                  hint.assets.map((a) =>
                    translate(locale, 'hint.linkedAlarmsAsset', {
                      name: w.nameOf(a.id),
                      rules: a.rules
                        .map((r) => linkedTally(r, locale, w))
                        .join(locale === 'zh-CN' ? '；' : '; '),
                    }),
                  ),
                ),
              }),
        assets: hint.assets.map((a) => a.id),
        alarms: [],
      };
    case 'shared': {
      const vars = {
        field: hint.field,
        value: String(hint.value ?? '—'),
        count: hint.alike.length,
        of: hint.of,
        typeAlike: hint.typeAlike,
        typeOf: hint.typeOf,
        list: list(hint.alike.map(w.nameOf)),
      };
      return {
        text: translate(
          locale,
          hint.alike.length === 0 ? 'hint.sharedAlone' : 'hint.sharedWith',
          vars,
        ),
        assets: hint.alike,
        alarms: [],
      };
    }
  }
}
