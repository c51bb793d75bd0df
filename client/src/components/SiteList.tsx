// The filtered site list, in step with the map: same query, click selects and zooms.
import { useTranslation } from 'react-i18next';
import type { SiteSummary } from '../../../shared/api.js';
import { hazardClass } from '../lib/colors.js';

interface Props {
  sites: readonly SiteSummary[];
  total: number;
  loading: boolean;
  selectedId: string | undefined;
  onSelect(s: SiteSummary): void;
}

export function SiteList({ sites, total, loading, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <section className="site-list" aria-labelledby="list-title">
      <h2 id="list-title" aria-live="polite">
        {loading ? t('filters.loading') : t('filters.results', { count: total })}
      </h2>
      <ul>
        {sites.map((s) => {
          const c = hazardClass(s);
          return (
            <li key={s.id}>
              <button
                type="button"
                className="site-item"
                aria-current={s.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(s)}
              >
                <span
                  className={`sym ${s.kind === 'tmf' ? 'sym-triangle' : 'sym-circle'}`}
                  style={{ color: c.color }}
                  aria-hidden="true"
                />
                <span className="site-item-name">{s.name}</span>
                <span className="site-item-meta">
                  {[
                    s.countryIso3,
                    t(`kind.${s.kind}`),
                    c.label ? `${c.index.toUpperCase()} ${c.label}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
