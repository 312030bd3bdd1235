import { useT } from '../../ui/i18n';

/** A site that could not be opened at all (unknown id, unreachable URL, refused origin). */
export function LoadError({ message, onBack }: { message: string; onBack(): void }) {
  const t = useT();
  return (
    <main className="errors-page" data-testid="load-error" role="alert">
      <h1>{t('errors.loadTitle')}</h1>
      <p className="issue-message">{message}</p>
      <button onClick={onBack}>{t('errors.back')}</button>
    </main>
  );
}
