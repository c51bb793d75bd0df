// i18next set-up: English and Russian bundled (no network), language from the URL or the browser.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/codes.js';
import { en } from './en.js';
import { plansEn } from './plans-en.js';
import { plansRu } from './plans-ru.js';
import { reviewsEn } from './reviews-en.js';
import { reviewsRu } from './reviews-ru.js';
import { ru } from './ru.js';

export { LANGUAGES, type Lang } from '../../../shared/codes.js';

export function pickLanguage(fromUrl: string | undefined, browser: readonly string[]): Lang {
  if (fromUrl === 'en' || fromUrl === 'ru') return fromUrl;
  for (const l of browser) {
    const base = l.slice(0, 2).toLowerCase();
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, plans: plansEn, reviews: reviewsEn } },
      ru: { translation: { ...ru, plans: plansRu, reviews: reviewsRu } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}
