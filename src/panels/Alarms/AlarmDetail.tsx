import type { Alarm } from '../../diagnostics/alarmTypes';
import { useLocale, useT } from '../../ui/i18n';
import { hintLines, type HintWords } from './hintText';

interface Props {
  alarm: Alarm;
  words: HintWords;
  /** Colspan of the table row it fills. */
  columns: number;
  onLocate(assetId: string): void;
  /** An earlier alarm a hint names was chosen. */
  onAlarm?(alarmId: string): void;
}

/** Under an alarm's row: when it began and raised, and the root-cause hints with their links. */
export function AlarmDetail({ alarm, words, columns, onLocate, onAlarm }: Props) {
  const t = useT();
  const locale = useLocale();
  const lines = hintLines(alarm, locale, words);
  return (
    <tr className="alarm-detail" data-testid="alarm-detail">
      <td />
      <td colSpan={columns - 1}>
        <p className="muted">
          {t('alarmDetail.times', {
            since: words.time(alarm.since),
            raised: words.time(alarm.raisedAt),
            cleared:
              alarm.clearedAt === undefined ? t('alarms.ongoing') : words.time(alarm.clearedAt),
          })}
          {alarm.acknowledgedAt !== undefined &&
            ` · ${t('alarms.ackedBy', { who: alarm.acknowledgedBy ?? '', time: words.time(alarm.acknowledgedAt) })}`}
        </p>
        {lines.length > 0 && (
          <div className="alarm-hints" data-testid="alarm-hints">
            <strong>{t('hint.title')}</strong>
            {lines.map((line, i) => (
              <p key={i}>
                {line.text}{' '}
                {line.assets.slice(0, 8).map((id) => (
                  <button
                    key={id}
                    className="chip"
                    onClick={() => onLocate(id)}
                    title={t('alarms.locateTip')}
                  >
                    {words.nameOf(id)}
                  </button>
                ))}
                {onAlarm &&
                  line.alarms.map((id) => (
                    <button
                      key={id}
                      className="chip"
                      onClick={() => onAlarm(id)}
                      title={t('incidents.openTip')}
                    >
                      {words.time(Number(id.slice(id.lastIndexOf(':') + 1)))}
                    </button>
                  ))}
              </p>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
}
