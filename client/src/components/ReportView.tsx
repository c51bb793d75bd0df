// Printable transboundary report for one site: a map snapshot of the trace rendered offscreen,
// site facts, indices, the trace table with arrival times for a release, zones and sources.
// "Print" uses the browser's print (PDF); the server's HTML, CSV and notification drafts are linked.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import { formatCoord, formatNumber } from '../lib/format.js';
import {
  fetchReport,
  notificationsUrl,
  type ReportParams,
  reportUrl,
  type SiteReport,
} from '../lib/report.js';
import { traceSnapshot } from '../map/snapshot.js';
import { ReportTraceTables } from './ReportTraceTables.js';
import './report-view.css';
import { ErrorNote } from './PanelHead.js';

interface Props {
  siteId: string;
  initial: ReportParams;
  onClose(): void;
}

/** The mass field starts from the trace's release: its mass, or volume (m³) × concentration (mg/L = g/m³). */
function initialKg(p: ReportParams): string {
  if (p.releaseKg !== undefined) return String(p.releaseKg);
  if (p.releaseVolumeM3 !== undefined && p.releaseConcentrationMgL !== undefined)
    return String((p.releaseVolumeM3 * p.releaseConcentrationMgL) / 1000);
  return '';
}

type Snapshot = { state: 'pending' } | { state: 'ready'; url: string } | { state: 'failed' };

export function ReportView({ siteId, initial, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useState<ReportParams>(initial);
  const [kg, setKg] = useState(initialKg(initial));
  const [substance, setSubstance] = useState(initial.substance ?? '');
  const [report, setReport] = useState<SiteReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<Snapshot>({ state: 'pending' });
  const sheet = useRef<HTMLDivElement>(null);
  // Focus moves into the dialog so keyboard and screen-reader users land on the report.
  useEffect(() => sheet.current?.focus(), []);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    fetchReport(siteId, params, ctrl.signal).then(setReport, (e: unknown) => {
      if (!ctrl.signal.aborted) setError(e instanceof ApiError ? e.message : t('errors.network'));
    });
    return () => ctrl.abort();
  }, [siteId, params, t]);

  // The picture depends on the path only, which a release does not change: draw it once per site.
  const trace = report?.trace.status === 'ok' ? report.trace : null;
  const hasTrace = trace !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw per site, not per release.
  useEffect(() => {
    if (!report) return;
    if (!trace) {
      setSnapshot({ state: 'failed' });
      return;
    }
    let live = true;
    setSnapshot({ state: 'pending' });
    traceSnapshot(trace, { site: { lon: report.site.lon, lat: report.site.lat } }).then(
      (url) => live && setSnapshot({ state: 'ready', url }),
      () => live && setSnapshot({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [siteId, hasTrace, report?.site.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(kg);
    if (kg.trim() === '') setParams({});
    else if (Number.isFinite(n) && n > 0)
      // The mass typed here replaces a volume × concentration; decay, flow and limit stay as traced.
      setParams({
        decayPerDay: params.decayPerDay,
        dischargeFactor: params.dischargeFactor,
        limitMgL: params.limitMgL,
        releaseKg: n,
        substance: substance.trim() || undefined,
      });
    else setError(t('report.badKg'));
  };

  return (
    <div
      ref={sheet}
      tabIndex={-1}
      className="report-view"
      role="dialog"
      aria-modal="true"
      aria-label={t('report.title')}
    >
      <form className="report-toolbar" onSubmit={apply}>
        <label>
          {t('report.releaseKg')}
          <input
            type="number"
            min="0"
            step="any"
            value={kg}
            onChange={(e) => setKg(e.target.value)}
            placeholder={t('report.noRelease')}
          />
        </label>
        <label>
          {t('report.substance')}
          <input value={substance} onChange={(e) => setSubstance(e.target.value)} maxLength={120} />
        </label>
        <button type="submit">{t('report.apply')}</button>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => window.print()}
          disabled={!report || snapshot.state === 'pending'}
        >
          {t('report.print')}
        </button>
        <a href={reportUrl(siteId, { ...params, format: 'html' })} target="_blank" rel="noreferrer">
          {t('report.html')}
        </a>
        <a href={reportUrl(siteId, { ...params, format: 'csv' })}>{t('report.csv')}</a>
        <a
          href={notificationsUrl(siteId, { ...params, format: 'html', lang })}
          target="_blank"
          rel="noreferrer"
        >
          {t('report.notifications')}
        </a>
        <button type="button" onClick={onClose} aria-label={t('report.close')}>
          ×
        </button>
      </form>
      <ErrorNote message={error} />
      {!report ? (
        !error && <p role="status">{t('report.loading')}</p>
      ) : (
        <article className="report-print" data-testid="report-print">
          <h1>{t('report.heading', { name: report.site.name })}</h1>
          <p className="muted">
            {report.site.nameLocal && `${report.site.nameLocal} · `}
            {t('report.generated', { at: new Date(report.generatedAt).toLocaleString(lang) })}
          </p>
          <p className="report-banner">
            {report.release
              ? t('report.scenario', {
                  kg: formatNumber(report.release.massKg, lang, 3),
                  substance: report.release.substance ?? t('report.unnamed'),
                })
              : t('report.noScenario')}
          </p>
          <figure className="report-map">
            {snapshot.state === 'ready' && (
              <img src={snapshot.url} alt={t('report.mapAlt')} data-testid="report-snapshot" />
            )}
            {snapshot.state === 'pending' && <p role="status">{t('report.rendering')}</p>}
            {snapshot.state === 'failed' && <p className="muted">{t('report.noSnapshot')}</p>}
            <figcaption>{t('report.mapCaption')}</figcaption>
          </figure>

          <h2>{t('report.site')}</h2>
          <dl className="facts">
            <dt>{t('site.kind')}</dt>
            <dd>{t(`kind.${report.site.kind}`)}</dd>
            <dt>{t('site.sector')}</dt>
            <dd>{t(`sector.${report.site.sector}`)}</dd>
            {report.site.operator && (
              <>
                <dt>{t('site.operator')}</dt>
                <dd>{report.site.operator}</dd>
              </>
            )}
            <dt>{t('site.location')}</dt>
            <dd>{formatCoord(report.site.lon, report.site.lat)}</dd>
            <dt>{t('site.country')}</dt>
            <dd>{report.site.countryName ?? '—'}</dd>
            <dt>{t('site.river')}</dt>
            <dd>{report.site.river ?? report.site.receivingRiver ?? '—'}</dd>
            <dt>{t('site.basin')}</dt>
            <dd>{report.site.basinName ?? '—'}</dd>
          </dl>

          <h2>{t('report.indices')}</h2>
          <p className={report.indices.annexI?.hazardous ? 'verdict-yes' : 'verdict-no'}>
            {report.indices.annexI?.hazardous ? t('site.annexIYes') : t('site.annexINo')}
          </p>
          {report.indices.annexI && <p>{report.indices.annexI.rule}</p>}
          <p>
            {t('site.wri')}:{' '}
            {report.indices.wri?.value != null
              ? `${formatNumber(report.indices.wri.value, lang)} (${report.indices.wri.class})`
              : t('site.notClassified')}
            {report.indices.thi?.computed &&
              ` · ${t('site.thi')}: ${formatNumber(report.indices.thi.value, lang)} (${report.indices.thi.class})`}
          </p>

          <h2>{t('report.trace')}</h2>
          {!trace ? (
            <p className="muted">{report.trace.status === 'unavailable' ? report.trace.message : ''}</p>
          ) : (
            <ReportTraceTables trace={trace} />
          )}

          <h2>{t('report.zones')}</h2>
          {report.zones ? (
            <>
              <p>
                {t('report.zoneClass', { cls: report.zones.kasClass })}{' '}
                {report.zones.zones.map((z) => `${t(`report.zone.${z.zone}`)} ${z.radiusM} m`).join(' · ')}
              </p>
              {report.zones.receptors.length === 0 ? (
                <p className="muted">{t('report.noReceptors')}</p>
              ) : (
                <ul>
                  {report.zones.receptors.map((r) => (
                    <li key={r.id}>
                      {r.name} — {t(`report.zone.${r.zone}`)}, {formatNumber(r.distanceM, lang, 0)} m
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">—</p>
          )}

          <h2>{t('site.sources')}</h2>
          <ol className="sources">
            {report.sources.map((s) => (
              <li key={`${s.title}${s.url ?? ''}`}>
                {s.title}
                {s.url && ` — ${s.url}`}
              </li>
            ))}
          </ol>
        </article>
      )}
    </div>
  );
}
