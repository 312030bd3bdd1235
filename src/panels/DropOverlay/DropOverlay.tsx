import { useT } from '../../ui/i18n';

/** Shown while a file is dragged over the page. */
export function DropOverlay() {
  const t = useT();
  return (
    <div className="drop-overlay" aria-hidden>
      <div className="drop-card">{t('drop.hint')}</div>
    </div>
  );
}
