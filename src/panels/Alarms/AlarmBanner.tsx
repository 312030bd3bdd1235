import { useStore } from 'zustand';
import type { Alarm } from '../../diagnostics/alarmTypes';
import type { AlarmStore } from '../../diagnostics/createAlarmStore';
import { useLocale, useT } from '../../ui/i18n';
import { alarmText } from './alarmText';

interface Props {
  alarms: AlarmStore;
  nameOf(assetId: string): string;
  onOpen(alarm: Alarm): void;
  onShowAll(): void;
  /** Live: the banner offers to acknowledge; a recording's alarms are history. */
  actions: boolean;
  operator: string;
}

/** Critical alarms nobody has acknowledged yet, over the scene until someone does. */
export function AlarmBanner({
  alarms: store,
  nameOf,
  onOpen,
  onShowAll,
  actions,
  operator,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const alarms = useStore(store, (s) => s.alarms);
  const unacked = alarms.filter((a) => a.severity === 'critical' && a.state === 'active');
  const newest = unacked.at(-1);
  if (!newest) return null;
  return (
    <div className="alarm-banner" role="alert" data-testid="alarm-banner">
      <span className="severity-dot severity-critical" />
      <strong>{t('alarms.banner', { count: unacked.length })}</strong>
      <button className="link alarm-banner-text" onClick={() => onOpen(newest)}>
        {nameOf(newest.assetId)}: {alarmText(newest, locale)}
      </button>
      <button onClick={() => onOpen(newest)} title={t('alarms.locateTip')}>
        {t('alarms.locate')}
      </button>
      {actions && (
        <button
          onClick={() =>
            store.acknowledge(newest.id, operator || t('alarms.operatorDefault'), Date.now())
          }
          title={t('alarms.ackTip')}
        >
          {t('alarms.ack')}
        </button>
      )}
      <button onClick={onShowAll}>{t('alarms.bannerOpen')}</button>
    </div>
  );
}
