import { useT } from '../../ui/i18n';

/** Where a site load is. */
export type LoadingStage =
  | { stage: 'config' }
  | { stage: 'models'; done: number; total: number; fraction: number }
  | { stage: 'building' };

/** A progress bar over the page while a site's config and models load. */
export function LoadingOverlay({
  progress,
  siteName,
}: {
  progress: LoadingStage;
  siteName: string;
}) {
  const t = useT();
  const fraction =
    progress.stage === 'config'
      ? 0.02
      : progress.stage === 'building'
        ? 1
        : Math.max(0.04, progress.fraction);
  const label =
    progress.stage === 'config'
      ? t('loading.config')
      : progress.stage === 'building'
        ? t('loading.building')
        : t('loading.models', { done: progress.done, total: progress.total });
  return (
    <div
      className="loading"
      data-testid="loading-progress"
      role="progressbar"
      aria-valuenow={Math.round(fraction * 100)}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className="loading-card">
        <div className="loading-title">{siteName}</div>
        <div className="loading-bar">
          <div className="loading-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
        </div>
        <div className="loading-label">{label}</div>
      </div>
    </div>
  );
}
