// The header's search box as a combobox: typing filters the site list (as before) and lists matching
// countries, sites, populated places and rivers; arrows move through the list, Enter takes the active
// (or first) result and zooms to it, Esc closes the list.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage, useCountryName } from '../lib/country-names.js';
import { formatKm } from '../lib/format.js';
import { hitKey, type SearchHit } from '../lib/search.js';
import { useRemote } from '../lib/use-remote.js';

interface Props {
  q: string;
  onSearch(q: string): void;
  find(q: string, signal: AbortSignal): Promise<SearchHit[]>;
  onPick(hit: SearchHit): void;
}

const MIN_CHARS = 2;

export function SearchBox({ q, onSearch, find, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = q.trim();
  const enabled = term.length >= MIN_CHARS;
  const found = useRemote((signal) => find(term, signal), term, { enabled, delayMs: 200 });
  const hits = enabled ? (found.data ?? []) : [];
  const shown = open && enabled;
  const pick = (h: SearchHit | undefined) => {
    if (!h) return;
    setOpen(false);
    setActive(-1);
    onPick(h);
  };
  const country = useCountryName();
  const detail = (h: SearchHit): string => {
    switch (h.kind) {
      case 'country':
        return t('search.countryDetail', { count: h.siteCount });
      case 'site':
        return t('search.siteDetail', { country: h.countryIso3 ? country(h.countryIso3) : '—' });
      case 'place':
        return t('search.placeDetail', { country: h.countryIso3 ? country(h.countryIso3) : '—' });
      case 'river':
        return t('search.riverDetail', { length: formatKm(h.lengthKm, i18n.language) });
    }
  };
  const optionId = (i: number) => `${listId}-o${i}`;
  return (
    <search className="search-box">
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          pick(hits[active] ?? hits[0]);
        }}
      >
        <label htmlFor="search" className="sr-only">
          {t('search.label')}
        </label>
        <input
          id="search"
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          value={q}
          placeholder={t('search.placeholder')}
          onChange={(e) => {
            onSearch(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && hits.length > 0) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % hits.length);
            } else if (e.key === 'ArrowUp' && hits.length > 0) {
              e.preventDefault();
              setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
            } else if (e.key === 'Escape' && shown) {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
      </form>
      <div className="search-results" hidden={!shown} data-testid="search-results">
        {found.loading && <p className="muted small">{t('search.searching')}</p>}
        {!found.loading && hits.length === 0 && (
          <p className="muted small">{t('search.none', { q: term })}</p>
        )}
        <div id={listId} role="listbox" aria-label={t('search.results')} className="search-list">
          {hits.map((h, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled on the combobox input (ARIA combobox pattern)
            <div
              key={hitKey(h)}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              data-kind={h.kind}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(h)}
            >
              <span className="search-kind">{t(`search.kinds.${h.kind}`)}</span>{' '}
              <strong>{h.kind === 'site' ? h.name : inLanguage(i18n.language, h.name, h.nameRu)}</strong>{' '}
              <span className="muted">{detail(h)}</span>
            </div>
          ))}
        </div>
      </div>
    </search>
  );
}
