// Basin selector and site filters; the list below and the map both follow these.

import { useTranslation } from 'react-i18next';
import { SECTORS, SITE_KINDS, SITE_STATUSES } from '../../../shared/codes.js';
import { waterNameRu } from '../../../shared/water-names.js';
import type { BasinChoice } from '../lib/basins.js';
import { classFloors } from '../lib/colors.js';
import { inLanguage } from '../lib/country-names.js';
import type { CountryOption } from '../lib/search.js';
import type { Filters as F } from '../lib/url-state.js';

interface Props {
  basins: readonly BasinChoice[];
  /** The selected choice's key (see choiceKey), '' for none. */
  basinKey: string;
  onBasin(b: BasinChoice | undefined): void;
  filters: F;
  /** Countries holding registered sites (GET /api/countries), offered by name. */
  countries?: readonly CountryOption[];
  onChange(f: F): void;
}

export function Filters({ basins, basinKey, onBasin, filters, countries = [], onChange }: Props) {
  const { t, i18n } = useTranslation();
  const named = countries
    .map((c) => ({ ...c, label: inLanguage(i18n.language, c.name, c.nameRu) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const set = (patch: Partial<F>) => onChange({ ...filters, ...patch });
  const select = (key: 'kind' | 'sector' | 'status', values: readonly string[]) => (
    <label className="field">
      <span>{t(`filters.${key}`)}</span>
      <select value={filters[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })}>
        <option value="">{t('filters.any')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${key}.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
  // Index class filters: "class at least", sent as the class's lower bound (minWri / minThi).
  const numeric = (key: 'minWri' | 'minThi') => {
    const floors = classFloors(key === 'minWri' ? 'wri' : 'thi');
    const v = filters[key];
    const custom = v !== undefined && !floors.some((f) => f.min === v);
    return (
      <label className="field">
        <span>{t(`filters.${key}`)}</span>
        <select
          value={v ?? ''}
          onChange={(e) => set({ [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
        >
          <option value="">{t('filters.any')}</option>
          {custom && <option value={v}>≥ {v}</option>}
          {floors.map((f) => (
            <option key={f.min} value={f.min}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const ru = i18n.language.startsWith('ru');
  const option = (b: BasinChoice) => {
    const label = ru && b.labelRu ? (b.delta ? t('basin.deltaOf', { name: b.labelRu }) : b.labelRu) : b.label;
    const outlets = b.outlets.map((o) => (ru ? (waterNameRu(o) ?? o) : o));
    return (
      <option key={b.key} value={b.key}>
        {b.delta || outlets.length === 0
          ? label
          : t('basin.option', { name: label, outlets: outlets.join(', ') })}
      </option>
    );
  };
  return (
    <section className="filters" aria-labelledby="filters-title">
      <label className="field">
        <span>{t('basin.label')}</span>
        <select
          value={basinKey}
          onChange={(e) => onBasin(basins.find((b) => b.key === e.target.value))}
          data-testid="basin-select"
        >
          <option value="">{t('basin.all')}</option>
          <optgroup label={t('basin.focus')}>{basins.filter((b) => b.focus).map(option)}</optgroup>
          <optgroup label={t('basin.others')}>{basins.filter((b) => !b.focus).map(option)}</optgroup>
        </select>
      </label>
      <h2 id="filters-title">{t('filters.title')}</h2>
      <label className="field">
        <span>{t('filters.countryName')}</span>
        <select
          value={filters.country ?? ''}
          onChange={(e) => set({ country: e.target.value || undefined })}
          data-testid="country-select"
        >
          <option value="">{t('filters.anyCountry')}</option>
          {/* A country from a link that holds no sites any more still shows as chosen. */}
          {filters.country && !countries.some((c) => c.iso3 === filters.country) && (
            <option value={filters.country}>{filters.country}</option>
          )}
          {named.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {t('filters.countryOption', { name: c.label, count: c.siteCount })}
            </option>
          ))}
        </select>
      </label>
      {select('kind', SITE_KINDS)}
      {select('sector', SECTORS)}
      {select('status', SITE_STATUSES)}
      {numeric('minWri')}
      {numeric('minThi')}
      <button type="button" className="link" onClick={() => onChange(filters.q ? { q: filters.q } : {})}>
        {t('filters.clear')}
      </button>
    </section>
  );
}
