// Side panel for one site: identity, substances, Annex I verdict, WRI/THI with breakdown, sources,
// downstream summary; actions to trace, edit and delete (with confirmation).

import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/api.js';
import { waterNameRu } from '../../../shared/water-names.js';
import type { Api } from '../lib/api.js';
import { hazardClass } from '../lib/colors.js';
import { useCountryName } from '../lib/country-names.js';
import { formatCoord, formatKm, formatNumber } from '../lib/format.js';
import { canEdit, useSession } from '../lib/session.js';
import { Breakdown } from './Breakdown.js';
import { Linkified } from './Linkified.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import { SiteHistory } from './SiteHistory.js';

interface Props {
  site: Site | null;
  loading: boolean;
  error: string | null;
  onClose(): void;
  onTrace(s: Site): void;
  onEdit(s: Site): void;
  /** Opens the printable transboundary report (map snapshot, trace table, zones). */
  onReport?(s: Site): void;
  onDelete(s: Site): Promise<void>;
  /** Extra sections shown under the site's facts (e.g. its consultation zones). */
  children?: ReactNode;
  /** When given, the panel lists the site's change history. */
  api?: Api;
}

export function SitePanel({
  site,
  loading,
  error,
  onClose,
  onTrace,
  onEdit,
  onDelete,
  onReport,
  children,
  api,
}: Props) {
  // Edit and delete need the editor role: hidden from viewers and anonymous users.
  const editor = canEdit(useSession());
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const lang = i18n.language;
  const country = useCountryName();
  const d = site?.derived ?? null;
  return (
    <aside className="panel" aria-labelledby="site-title" data-testid="site-panel">
      <PanelHead
        id="site-title"
        title={site?.name ?? (loading ? t('site.loading') : '')}
        closeLabel={t('site.close')}
        onClose={onClose}
      />
      <ErrorNote message={error} />
      {site && (
        <>
          {site.nameLocal && <p className="muted">{site.nameLocal}</p>}
          <dl className="facts">
            <dt>{t('site.kind')}</dt>
            <dd>{t(`kind.${site.kind}`)}</dd>
            {site.sector && (
              <>
                <dt>{t('site.sector')}</dt>
                <dd>{t(`sector.${site.sector}`)}</dd>
              </>
            )}
            {site.operator && (
              <>
                <dt>{t('site.operator')}</dt>
                <dd>{site.operator}</dd>
              </>
            )}
            {site.status && (
              <>
                <dt>{t('site.status')}</dt>
                <dd>{t(`status.${site.status}`)}</dd>
              </>
            )}
            <dt>{t('site.location')}</dt>
            <dd>{formatCoord(site.lon, site.lat)}</dd>
            {d?.countryName && (
              <>
                <dt>{t('site.country')}</dt>
                <dd>{d.countryIso3 ? country(d.countryIso3, d.countryName) : d.countryName}</dd>
              </>
            )}
            {(d?.river ?? site.receivingRiver) && (
              <>
                <dt>{t('site.river')}</dt>
                <dd>{(lang.startsWith('ru') ? d?.riverRu : null) ?? d?.river ?? site.receivingRiver}</dd>
              </>
            )}
            {d?.basinName && (
              <>
                <dt>{t('site.basin')}</dt>
                <dd>{(lang.startsWith('ru') ? d.basinNameRu : null) ?? d.basinName}</dd>
              </>
            )}
          </dl>
          <div className="actions">
            <button type="button" className="primary" onClick={() => onTrace(site)}>
              {t('site.trace')}
            </button>
            {onReport && (
              <button type="button" onClick={() => onReport(site)}>
                {t('report.open')}
              </button>
            )}
            {editor && (
              <>
                <button type="button" onClick={() => onEdit(site)}>
                  {t('site.edit')}
                </button>
                <button type="button" className="danger" onClick={() => setConfirming(true)}>
                  {t('site.delete')}
                </button>
              </>
            )}
          </div>
          {confirming && (
            <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">{t('site.confirmDelete', { name: site.name })}</p>
              <button
                type="button"
                className="danger"
                onClick={() => void onDelete(site).finally(() => setConfirming(false))}
              >
                {t('site.confirmYes')}
              </button>
              {/* biome-ignore lint/a11y/noAutofocus: focus moves to the safe choice of a destructive dialog */}
              <button type="button" autoFocus onClick={() => setConfirming(false)}>
                {t('site.confirmNo')}
              </button>
            </div>
          )}
          <h3>{t('site.downstream')}</h3>
          <p>
            {d
              ? t('site.downstreamSummary', {
                  outlet: d.outletName
                    ? lang.startsWith('ru')
                      ? (waterNameRu(d.outletName) ?? d.outletName)
                      : d.outletName
                    : '—',
                  countries: d.downstreamCountries.length
                    ? d.downstreamCountries.map((c) => country(c)).join(', ')
                    : t('site.none'),
                })
              : '—'}
            {d?.kmToFirstBorder != null &&
              ` ${t('site.kmToBorder', { km: formatKm(d.kmToFirstBorder, lang) })}`}
          </p>
          <h3>{t('site.annexI')}</h3>
          <p className={d?.annexIHazardous ? 'verdict-yes' : 'verdict-no'}>
            {d?.annexIHazardous ? t('site.annexIYes') : t('site.annexINo')}
          </p>
          <h3>
            {site.kind === 'tmf' ? t('site.thi') : t('site.wri')}:{' '}
            <IndexValue site={site} lang={lang} notClassified={t('site.notClassified')} />
          </h3>
          <Breakdown
            value={site.kind === 'tmf' ? d?.thiBreakdown : d?.wriBreakdown}
            lang={lang}
            caption={t('site.breakdown')}
          />
          <h3>{t('site.substances')}</h3>
          {site.substances.length === 0 ? (
            <p className="muted">{t('site.noSubstances')}</p>
          ) : (
            <table className="substances">
              <thead>
                <tr>
                  <th scope="col">{t('site.substance')}</th>
                  <th scope="col">{t('site.quantity')}</th>
                  <th scope="col">{t('site.wgk')}</th>
                </tr>
              </thead>
              <tbody>
                {site.substances.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: substances keep the order the user gave
                  <tr key={i}>
                    <td>
                      {s.name}
                      {(s.casNumber ?? s.cas) && <span className="muted"> ({s.casNumber ?? s.cas})</span>}
                    </td>
                    <td>
                      {formatNumber(s.quantityTonnes, lang)}
                      {s.estimate ? ' ≈' : ''}
                    </td>
                    <td>{s.wgk ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {site.sources.length > 0 && (
            <>
              <h3>{t('site.sources')}</h3>
              <ul className="sources">
                {site.sources.map((s) => (
                  <li key={`${s.title}${s.url ?? ''}`}>
                    {s.url ? (
                      <a href={s.url} target="_blank" rel="noreferrer">
                        {s.title}
                      </a>
                    ) : (
                      <Linkified text={s.title} />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {site && children}
      {/* The history names accounts and keeps old values: the server shows it to editors only. */}
      {site && api && editor && <SiteHistory api={api} siteId={site.id} version={site.version} />}
    </aside>
  );
}

function IndexValue({ site, lang, notClassified }: { site: Site; lang: string; notClassified: string }) {
  const d = site.derived;
  const c = hazardClass({ kind: site.kind, wri: d?.wri ?? null, thi: d?.thi ?? null });
  const v = site.kind === 'tmf' ? d?.thi : d?.wri;
  if (v === null || v === undefined) return <span className="muted">{notClassified}</span>;
  return (
    <span>
      <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> {formatNumber(v, lang)} (
      {c.label})
    </span>
  );
}
