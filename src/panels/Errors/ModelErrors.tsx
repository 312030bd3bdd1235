import { useState } from 'react';
import { useT } from '../../ui/i18n';

/** A model or binding problem: which one, where from, and what is wrong with it. */
export interface ModelProblem {
  id: string;
  url: string;
  message: string;
}

/** A dismissible banner listing models that failed to load; the site renders without them. */
export function ModelErrors({ problems }: { problems: ModelProblem[] }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  if (!open || problems.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <strong>{t('errors.modelTitle')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.id + p.url} data-testid="model-error">
            {t('errors.model', { id: p.id, url: p.url, message: p.message })}
          </li>
        ))}
      </ul>
      <button
        className="banner-close"
        onClick={() => setOpen(false)}
        title={t('errors.dismiss')}
        aria-label={t('errors.dismiss')}
      >
        ×
      </button>
    </div>
  );
}
