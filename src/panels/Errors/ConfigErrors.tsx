import type { ConfigIssue } from '../../config/configIssue';
import { useT } from '../../ui/i18n';

/** Every problem of an invalid twin config, each with its JSON path, instead of a blank page. */
export function ConfigErrors({
  source,
  issues,
  onBack,
}: {
  source: string;
  issues: ConfigIssue[];
  onBack(): void;
}) {
  const t = useT();
  return (
    <main className="errors-page" data-testid="config-errors" role="alert">
      <h1>{t('errors.configTitle', { count: issues.length })}</h1>
      <p className="muted">
        <code>{source}</code>
      </p>
      <p>{t('errors.configHint')}</p>
      <ol className="issue-list">
        {issues.map((issue, i) => (
          <li key={i} data-testid="config-error">
            <code className="issue-path">{issue.path}</code>
            <span className="issue-message">{issue.message}</span>
          </li>
        ))}
      </ol>
      <button onClick={onBack}>{t('errors.back')}</button>
    </main>
  );
}
