// Basin selector and site filters; the list below and the map both follow these.
import { useTranslation } from 'react-i18next';
import { SECTORS, SITE_KINDS, SITE_STATUSES } from '../lib/enums.js';
import type { Basin } from '../lib/types.js';
import type { Filters as F } from '../lib/url-state.js';

interface Props {
  basins: readonly Basin[];
  basinId: number | undefined;
  onBasin(b: Basin | undefined): void;
  filters: F;
  onChange(f: F): void;
}

export function Filters({ basins, basinId, onBasin, filters, onChange }: Props) {
  const { t } = useTranslation();
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
  const numeric = (key: 'minWri' | 'minThi') => (
    <label className="field">
      <span>{t(`filters.${key}`)}</span>
      <input
        type="number"
        step="0.5"
        value={filters[key] ?? ''}
        onChange={(e) => set({ [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
    </label>
  );
  return (
    <section className="filters" aria-labelledby="filters-title">
      <label className="field">
        <span>{t('basin.label')}</span>
        <select
          value={basinId ?? ''}
          onChange={(e) => onBasin(basins.find((b) => String(b.id) === e.target.value))}
          data-testid="basin-select"
        >
          <option value="">{t('basin.all')}</option>
          {basins.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <h2 id="filters-title">{t('filters.title')}</h2>
      <label className="field">
        <span>{t('filters.country')}</span>
        <input
          value={filters.country ?? ''}
          maxLength={3}
          onChange={(e) => set({ country: e.target.value.toUpperCase() || undefined })}
        />
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
