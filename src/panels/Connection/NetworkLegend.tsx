import { useT } from '../../ui/i18n';

const ROWS = [
  ['good', '#3ddc84'],
  ['fair', '#ffb020'],
  ['poor', '#ff5a5f'],
  ['offline', '#6b7785'],
  ['none', '#2f3a46'],
] as const;

/** What the network layer's colours mean. */
export function NetworkLegend() {
  const t = useT();
  return (
    <aside className="network-legend" data-testid="network-legend" aria-label={t('network.title')}>
      <h3>{t('network.title')}</h3>
      <ul>
        {ROWS.map(([key, color]) => (
          <li key={key}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {t(`network.${key}`)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
