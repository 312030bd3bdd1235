import { useT } from '../../ui/i18n';

interface Props {
  open: boolean;
  onToggle(): void;
}

/** The toolbar's Tours button (shown only for a site with tours). */
export function ToursButton({ open, onToggle }: Props) {
  const t = useT();
  return (
    <button
      aria-pressed={open}
      onClick={onToggle}
      title={t('tour.buttonTip')}
      data-testid="tours-button"
    >
      {t('tour.button')}
    </button>
  );
}
