// Country names in the UI language: every country's English and Russian name (GET /api/countries/names,
// Natural Earth name_ru or CLDR), loaded once; components read them through useCountryName().
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi } from './api.js';

interface Names {
  name: string;
  nameRu: string | null;
}

let names = new Map<string, Names>();
let version = 0;
const listeners = new Set<() => void>();

export function setCountryNames(list: readonly ({ iso3: string } & Names)[]): void {
  names = new Map(list.map((c) => [c.iso3, { name: c.name, nameRu: c.nameRu }]));
  version++;
  for (const l of listeners) l();
}

/** The name of `iso3` in `lang`; `fallback` (e.g. the server's English name) or the code when unknown. */
export function countryName(iso3: string, lang: string, fallback?: string): string {
  const n = names.get(iso3);
  if (lang.startsWith('ru') && n?.nameRu) return n.nameRu;
  return n?.name ?? fallback ?? iso3;
}

let requested = false;

/** Fetched on first use; on failure the server's English names (or codes) stay. */
function load(): void {
  if (requested) return;
  requested = true;
  createApi()
    .countryNames()
    .then(setCountryNames)
    .catch(() => {
      requested = false;
    });
}

const subscribe = (l: () => void) => {
  load();
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/** `(iso3, fallback?) => name` in the current UI language, re-rendering once the names arrive. */
export function useCountryName(): (iso3: string, fallback?: string) => string {
  const { i18n } = useTranslation();
  useSyncExternalStore(subscribe, () => version);
  return (iso3, fallback) => countryName(iso3, i18n.language, fallback);
}

/** A name in the UI language: the Russian one when the UI is Russian and there is one. */
export function inLanguage(lang: string, name: string, nameRu: string | null | undefined): string {
  return lang.startsWith('ru') && nameRu ? nameRu : name;
}
