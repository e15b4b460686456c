import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@/types/api';
import { en } from './en';
import { nl } from './nl';

// The UI language: the user's explicit choice (localStorage) wins; otherwise
// the user's setting from the server after login; before login, the browser's.
export const LANGUAGE_KEY = 'luister.language';

export function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'nl' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language {
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Switches the UI language and remembers it as the user's explicit choice. */
export function chooseLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(lang);
}

/** After login: follow the user's setting unless they chose a language here. */
export function applyUserLanguage(userLanguage: Language): void {
  const lang = storedLanguage() ?? userLanguage;
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18n.language === 'nl' ? 'nl' : 'en';
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
