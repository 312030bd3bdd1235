import { localize, type LocalizedText } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';

/** One entry of twin-configs/index.json. */
export interface SiteListEntry {
  id: string;
  name: LocalizedText;
  kind: 'terminal' | 'factory' | 'plant' | 'other';
  config: string;
  description?: LocalizedText;
}

interface Props {
  sites: SiteListEntry[] | null;
  error: string | null;
  onPick(id: string): void;
}

const KIND_ICON: Record<SiteListEntry['kind'], string> = {
  terminal: '⚓',
  factory: '🏭',
  plant: '⚗',
  other: '◎',
};

/** The landing page: the bundled sites, and a hint that any twin config can be dropped in. */
export function SitePicker({ sites, error, onPick }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <main className="picker" data-testid="site-picker">
      <header className="picker-header">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
      </header>
      <h2>{t('picker.title')}</h2>
      {error && (
        <p className="picker-error" role="alert">
          {t('picker.failed', { message: error })}
        </p>
      )}
      {!sites && !error && <p className="muted">{t('picker.loading')}</p>}
      {sites && sites.length === 0 && <p className="muted">{t('picker.empty')}</p>}
      <div className="picker-grid">
        {sites?.map((site) => (
          <button
            key={site.id}
            className="picker-card"
            data-testid={`site-option-${site.id}`}
            onClick={() => onPick(site.id)}
            title={localize(site.description ?? site.name, locale)}
          >
            <span className="picker-icon" aria-hidden>
              {KIND_ICON[site.kind] ?? KIND_ICON.other}
            </span>
            <span className="picker-name">{localize(site.name, locale)}</span>
            <span className="picker-kind">{t(`picker.kind.${site.kind}`)}</span>
            {site.description && (
              <span className="picker-desc">{localize(site.description, locale)}</span>
            )}
          </button>
        ))}
      </div>
      <p className="muted picker-drop">{t('picker.drop')}</p>
    </main>
  );
}
