import { useEffect, useReducer } from 'react';
import { localize } from '../../lib/localizedText';
import { useTwin } from '../../twin/react';
import { useLocale, useT } from '../../ui/i18n';
import { formatFieldValue } from './formatFieldValue';
import { CloseButton } from '../common/CloseButton';

/** Fields change with telemetry; the panel re-reads them at human speed, not per message. */
const REFRESH_MS = 250;

/** Details of the selected asset: identity, where it is, and its current fields. */
export function Inspector({ onFocus }: { onFocus(id: string): void }) {
  const t = useT();
  const locale = useLocale();
  const selectedId = useTwin((s) => s.selectedId);
  const asset = useTwin((s) => (s.selectedId ? s.byId.get(s.selectedId) : undefined));
  const config = useTwin((s) => s.config);
  const select = useTwin((s) => s.select);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!selectedId) return;
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [selectedId]);
  if (!asset || !config) return null;
  const type = config.assetTypes[asset.type];
  const zone = config.zones.find((z) => z.id === asset.zone);
  const fieldDefs = type?.fields ?? {};
  const fields = Object.entries(asset.fields);
  return (
    <aside className="inspector" data-testid="inspector" aria-label={t('inspector.title')}>
      <header className="inspector-header">
        <div>
          <div className="inspector-kicker">{type ? localize(type.name, locale) : asset.type}</div>
          <h2 className="inspector-title" title={asset.id}>
            {localize(asset.name, locale)}
          </h2>
        </div>
        <CloseButton onClick={() => select(null)} label={t('inspector.close')} />
      </header>
      <dl className="props">
        <dt>{t('inspector.id')}</dt>
        <dd data-testid="inspector-id">
          <button className="link" onClick={() => onFocus(asset.id)} title={asset.id}>
            {asset.id}
          </button>
        </dd>
        <dt>{t('inspector.type')}</dt>
        <dd data-testid="inspector-type">{asset.type}</dd>
        <dt>{t('inspector.name')}</dt>
        <dd>{localize(asset.name, locale)}</dd>
        <dt>{t('inspector.zone')}</dt>
        <dd data-testid="inspector-zone">
          {zone
            ? `${localize(zone.name, locale)} (${zone.id})`
            : (asset.zone ?? t('inspector.none'))}
        </dd>
        <dt>{t('inspector.position')}</dt>
        <dd className="mono">{asset.position.map((v) => v.toFixed(1)).join(', ')}</dd>
        <dt>{t('inspector.heading')}</dt>
        <dd className="mono">{asset.headingDeg.toFixed(0)}°</dd>
        <dt>{t('inspector.state')}</dt>
        <dd>
          {asset.lastUpdate === 0
            ? t('inspector.initial')
            : asset.stale
              ? t('inspector.stale')
              : t('inspector.live')}
        </dd>
        {asset.gateway !== undefined && (
          <>
            <dt>{t('inspector.gateway')}</dt>
            <dd data-testid="inspector-gateway" className="mono">
              {asset.gateway}
              {asset.linkHealth && (
                <span className={`link-${asset.linkHealth}`}>
                  {' '}
                  · {t(`network.${asset.linkHealth}`)}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('inspector.fields')}</h3>
      {fields.length === 0 ? (
        <p className="muted">{t('inspector.noFields')}</p>
      ) : (
        <table className="fields" data-testid="inspector-fields">
          <tbody>
            {fields.map(([name, value]) => {
              const def = fieldDefs[name];
              return (
                <tr key={name}>
                  <th title={name}>{def?.label ? localize(def.label, locale) : name}</th>
                  <td className="mono">{formatFieldValue(value, def?.unit)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </aside>
  );
}
