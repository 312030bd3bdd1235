import { LanguageSwitch } from './LanguageSwitch';
import type { ReactNode } from 'react';
import { localize, type LocalizedText } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';

/** A camera view as the toolbar lists it. */
export interface ToolbarView {
  id: string;
  name: LocalizedText;
}

interface Props {
  siteName: string;
  assetCount: number;
  views: ToolbarView[];
  labels: boolean;
  onSites(): void;
  onView(id: string): void;
  onFit(): void;
  onToggleLabels(): void;
  /** The live-connection badge, when the app shows one. */
  live?: ReactNode;
  /** Turns the page into a wall screen. */
  onWall?(): void;
  /** Whether the first-person walk is on, and its toggle. */
  walking?: boolean;
  onWalk?(): void;
  /** More controls before the language switch (the VR button). */
  extra?: ReactNode;
}

/** Site name, camera views, fit and labels — the controls a person reaches for first. */
export function Toolbar({
  siteName,
  assetCount,
  views,
  labels,
  onSites,
  onView,
  onFit,
  onToggleLabels,
  onWall,
  walking = false,
  onWalk,
  live,
  extra,
}: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <nav className="toolbar" data-testid="toolbar">
      <button className="toolbar-brand" onClick={onSites} title={t('toolbar.sitesTip')}>
        {t('app.title')}
      </button>
      <span className="toolbar-site" data-testid="site-name">
        {siteName}
      </span>
      <span className="toolbar-count muted">
        {t('toolbar.assets', { count: assetCount.toLocaleString(locale) })}
      </span>
      {live}
      <span className="toolbar-spacer" />
      <span className="toolbar-group" role="group" aria-label={t('toolbar.views')}>
        {views.map((view, i) => (
          <button
            key={view.id}
            data-testid={`view-${view.id}`}
            onClick={() => onView(view.id)}
            title={i < 9 ? t('toolbar.viewTip', { n: i + 1 }) : undefined}
          >
            {localize(view.name, locale)}
          </button>
        ))}
        <button data-testid="fit-site" onClick={onFit} title={t('toolbar.fitTip')}>
          {t('toolbar.fit')}
        </button>
      </span>
      <button
        aria-pressed={labels}
        className={labels ? 'on' : ''}
        onClick={onToggleLabels}
        title={t('toolbar.labelsTip')}
      >
        {t('toolbar.labels')}
      </button>
      {onWalk && (
        <button
          aria-pressed={walking}
          className={walking ? 'on' : ''}
          onClick={onWalk}
          title={t('walk.buttonTip')}
          data-testid="walk-button"
        >
          {t('walk.button')}
        </button>
      )}
      {onWall && (
        <button onClick={onWall} title={t('wall.enterTip')} data-testid="wall-button">
          {t('wall.enter')}
        </button>
      )}
      {extra}
      <LanguageSwitch />
    </nav>
  );
}
