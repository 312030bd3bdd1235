import { useStore } from 'zustand';
import type { AlarmStore } from '../../diagnostics/createAlarmStore';
import { useT } from '../../ui/i18n';

interface Props {
  alarms: AlarmStore;
  open: boolean;
  onToggle(): void;
}

/** The toolbar's way to the alarm list, with how many alarms are open and how bad the worst is. */
export function AlarmsButton({ alarms: store, open, onToggle }: Props) {
  const t = useT();
  const alarms = useStore(store, (s) => s.alarms);
  let count = 0;
  let worst: 'critical' | 'warning' | 'info' | null = null;
  for (const a of alarms) {
    if (a.state !== 'active' && a.state !== 'acknowledged') continue;
    count++;
    if (a.severity === 'critical') worst = 'critical';
    else if (a.severity === 'warning' && worst !== 'critical') worst = 'warning';
    else if (worst === null) worst = 'info';
  }
  return (
    <button
      aria-pressed={open}
      onClick={onToggle}
      title={t('alarms.buttonTip')}
      data-testid="alarms-button"
      className="alarms-button"
    >
      {t('alarms.button')}
      {count > 0 && <span className={`alarm-count severity-bg-${worst}`}>{count}</span>}
    </button>
  );
}
