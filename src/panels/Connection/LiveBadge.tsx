import { useStore } from 'zustand';
import type { LiveStatusStore } from '../../twin/liveStatus';
import { useT } from '../../ui/i18n';

interface Props {
  status: LiveStatusStore;
  onClick(): void;
}

/** Live or static at a glance, in the toolbar; opens the connection panel. */
export function LiveBadge({ status, onClick }: Props) {
  const t = useT();
  const mode = useStore(status, (s) => s.mode);
  const phase = useStore(status, (s) => s.connection?.phase ?? 'idle');
  const url = useStore(status, (s) => s.brokerUrl);
  const state = mode === 'static' ? 'static' : phase;
  return (
    <button
      className={`live-badge live-${state}`}
      data-testid="live-badge"
      data-state={state}
      onClick={onClick}
      title={mode === 'static' ? t('live.staticTip') : t('live.tip', { url: url ?? '' })}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </button>
  );
}
