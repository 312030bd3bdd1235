import { useState, type ReactNode } from 'react';
import { PlanForm } from './PlanForm';
import type { PlanEdits, PlanKnobs } from './planKnobs';
import type { LocalizedTextValue } from '../../config/schema';
import { localize } from '../../lib/localizedText';
import { useLocale, useT } from '../../ui/i18n';
import { CloseButton } from '../common/CloseButton';
import { compareKpis } from './planComparison';
import '../Alarms/Alarms.css';
import './Plans.css';

/** A plan as the panel lists it. */
export interface PlanItem {
  id: string;
  name: LocalizedTextValue;
  description?: LocalizedTextValue;
  /** Why the plan file could not be used. */
  error: string | null;
  /** What the form can change; null: the plan cannot be edited (unreadable). */
  knobs: PlanKnobs | null;
  /** Made in this page (by editing another). */
  edited: boolean;
}

/** A plan's preview as the panel shows it. */
export interface PlanPreviewItem {
  state: 'running' | 'ready' | 'failed';
  fraction: number;
  simulatedHours: number;
  hours: number | null;
  error: string | null;
  kpis: Record<string, number> | null;
}

interface Props {
  /** null while the plan files are read. */
  plans: PlanItem[] | null;
  runs: Record<string, PlanPreviewItem>;
  /** The plan whose preview plays. */
  playing: string | null;
  onPreview(planId: string): void;
  onPlay(planId: string): void;
  onClose(): void;
  /** Previews the site's own plan from the state shown now (absent: not offered). */
  onPreviewFromNow?(): void;
  /** Saves a plan's edits as a new plan. */
  onEdit(planId: string, edits: PlanEdits): void;
  /** Downloads a plan's file. */
  onExport(planId: string): void;
  /** More below the plans: a replayed shift against its own plan. */
  children?: ReactNode;
}

const number = (value: number) =>
  Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2);

/**
 * The site's plans: preview any of them (the simulator runs it, the player plays it like a
 * recorded shift), switch which preview plays, compare the KPIs they predict side by side, edit
 * one's few numbers into a new plan, and export any as a plan file.
 */
export function PlansPanel({
  plans,
  runs,
  playing,
  onPreview,
  onPlay,
  onClose,
  onEdit,
  onExport,
  onPreviewFromNow,
  children,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const assessed = (plans ?? []).filter((p) => runs[p.id]?.kpis);
  const rows = compareKpis(assessed.map((p) => runs[p.id]?.kpis ?? null));
  return (
    <aside
      className="panel alarms-panel plans-panel"
      data-testid="plans-panel"
      aria-label={t('plans.title')}
    >
      <header className="panel-header">
        <h2>{t('plans.title')}</h2>
        <CloseButton onClick={onClose} label={t('alarms.close')} />
      </header>
      {plans === null && <p className="muted">{t('plans.loading')}</p>}
      {onPreviewFromNow && (
        <p>
          <button
            onClick={onPreviewFromNow}
            title={t('plans.fromNowTip')}
            data-testid="plan-preview-from-now"
          >
            {t('plans.fromNow')}
          </button>
        </p>
      )}
      {plans?.length === 0 && <p className="muted">{t('plans.none')}</p>}
      <ul className="plan-list">
        {plans?.map((plan) => {
          const run = runs[plan.id];
          return (
            <li
              key={plan.id}
              className={playing === plan.id ? 'plan playing' : 'plan'}
              data-testid={`plan-${plan.id}`}
            >
              <div className="plan-head">
                <strong>{localize(plan.name, locale)}</strong>
                <span>
                  {run?.state === 'ready' && playing !== plan.id && (
                    <button onClick={() => onPlay(plan.id)} title={t('plans.playTip')}>
                      {t('plans.play')}
                    </button>
                  )}{' '}
                  {plan.knobs && (
                    <button
                      onClick={() => setEditing(editing === plan.id ? null : plan.id)}
                      title={t('plans.editTip')}
                      data-testid={`plan-edit-${plan.id}`}
                    >
                      {t('plans.edit')}
                    </button>
                  )}{' '}
                  {plan.knobs && (
                    <button
                      onClick={() => onExport(plan.id)}
                      title={t('plans.exportTip')}
                      data-testid={`plan-export-${plan.id}`}
                    >
                      {t('plans.export')}
                    </button>
                  )}{' '}
                  <button
                    onClick={() => onPreview(plan.id)}
                    disabled={plan.error !== null || run?.state === 'running'}
                    title={t('plans.previewTip')}
                    data-testid={`plan-preview-${plan.id}`}
                  >
                    {run ? t('plans.again') : t('plans.preview')}
                  </button>
                </span>
              </div>
              {plan.description && <p className="muted">{localize(plan.description, locale)}</p>}
              {plan.error && <p className="plan-error">{plan.error}</p>}
              {plan.edited && <p className="muted">{t('plans.edited')}</p>}
              {editing === plan.id && plan.knobs && (
                <PlanForm
                  knobs={plan.knobs}
                  onCancel={() => setEditing(null)}
                  onSave={(edits) => {
                    setEditing(null);
                    onEdit(plan.id, edits);
                  }}
                />
              )}
              {run?.state === 'running' && (
                <div
                  className="plan-progress"
                  role="progressbar"
                  aria-valuenow={Math.round(run.fraction * 100)}
                >
                  <div style={{ width: `${Math.round(run.fraction * 100)}%` }} />
                  <span>{t('plans.running', { hours: run.simulatedHours.toFixed(1) })}</span>
                </div>
              )}
              {run?.state === 'ready' && !run.kpis && (
                <p className="muted">
                  {t('plans.assessing', { hours: (run.hours ?? 0).toFixed(1) })}
                </p>
              )}
              {run?.state === 'failed' && <p className="plan-error">{run.error}</p>}
            </li>
          );
        })}
      </ul>
      {rows.length > 0 && (
        <table className="alarms-table plan-compare" data-testid="plan-compare">
          <thead>
            <tr>
              <th>{t('kpis.col.kpi')}</th>
              {assessed.map((p) => (
                <th key={p.id} className="num">
                  {localize(p.name, locale)}
                </th>
              ))}
              {assessed.length > 1 && <th className="num">{t('plans.difference')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {t(`kpi.${row.id}` as Parameters<typeof t>[0])}{' '}
                  <span className="muted">{row.unit}</span>
                </td>
                {row.values.map((value, i) => (
                  <td key={i} className={row.best === i ? 'num best' : 'num'}>
                    {value === undefined ? '—' : number(value)}
                  </td>
                ))}
                {assessed.length > 1 && (
                  <td className="num">
                    {row.difference === undefined
                      ? '—'
                      : `${row.difference > 0 ? '+' : ''}${number(row.difference)}`}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </aside>
  );
}
