import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from '@/lib/i18n';
import type { Language } from '@/types/api';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {(['nl', 'en'] as Language[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === lang ? 'lang-switch__btn is-active' : 'lang-switch__btn'}
          aria-pressed={l === lang}
          title={t(`languageName.${l}`)}
          data-testid={`language-${l}`}
          onClick={() => chooseLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
