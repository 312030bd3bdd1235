import { useLocale, useLocaleStore, useT } from '../../ui/i18n';

/**
 * Switches the UI between English and Chinese. The choice goes into the URL (`?lang=`), so a
 * reload, a shared link or a wall screen's start-up address keeps it.
 */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      className="language-switch"
      data-testid="language-switch"
      lang={next}
      onClick={() => {
        const url = new URL(window.location.href);
        url.searchParams.set('lang', next);
        window.history.replaceState(window.history.state, '', url);
        useLocaleStore.getState().setLocale(next);
      }}
      title={t('language.switchTip')}
    >
      {t('language.other')}
    </button>
  );
}
