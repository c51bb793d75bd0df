// The release part of the trace panel: the scenario form and, once computed, the threshold
// summary, arrival by country, the concentration/arrival plot with its time slider.
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import type { TraceResult } from '../../../shared/api.js';
import { formatKm } from '../lib/format.js';
import { type CaseValue, isReleaseTrace, type ReleaseParams } from '../lib/release.js';
import { clockAt, formatConc, formatTime, parseReleaseAt, timeUnitFor } from '../lib/release-format.js';
import { ConcentrationPlot, useDuration } from './ConcentrationPlot.js';
import { NotificationTimeline } from './NotificationTimeline.js';
import { ReleaseForm } from './ReleaseForm.js';
import './ReleaseSection.css';

interface Props {
  trace: TraceResult;
  release: ReleaseParams | null;
  onRelease(r: ReleaseParams | null): void;
  onPlume?(g: FeatureCollection | null): void;
  onFollow?(lon: number, lat: number): void;
}

export function ReleaseSection({ trace, release, onRelease, onPlume, onFollow }: Props) {
  const { t, i18n } = useTranslation();
  const km = (v: number) => formatKm(v, i18n.language);
  const duration = useDuration();
  const r = isReleaseTrace(trace) ? trace : null;
  const th = r?.threshold;
  const tableValues = r?.release.discharge.filter((d) => !d.default).length ?? 0;
  const defaults = r ? r.release.discharge.length - tableValues : 0;
  const lang = i18n.language;
  const mgL = (v: number) => formatConc(v, lang);
  // One unit per column (hours, or days once any value passes two days), named in the header.
  const col = (pick: (a: NonNullable<typeof r>['countries'][number]['arrival']) => CaseValue) => {
    const unit = timeUnitFor(
      r?.countries.flatMap((c) => [pick(c.arrival).probable, pick(c.arrival).bound]) ?? [],
    );
    return { unit, label: t(unit === 'h' ? 'release.unitHours' : 'release.unitDays') };
  };
  const lead = col((a) => a.leadingEdgeH);
  const peak = col((a) => a.peakH);
  const releasedAt = release?.releasedAt ? new Date(release.releasedAt) : parseReleaseAt(release?.releaseAt);
  const clock = (h: number) =>
    releasedAt && (
      <span className="clock" data-testid="arrival-clock">
        {clockAt(releasedAt, h, lang)}
      </span>
    );
  return (
    <section className="release-section" data-testid="release-section">
      <ReleaseForm release={release} onRelease={onRelease} />
      {r && (
        <>
          {th && (
            <div className="release-threshold" data-testid="release-threshold">
              <p>
                {th.belowAtKm.probable === null
                  ? t('release.neverBelow', { limit: th.limitMgL })
                  : t('release.below', {
                      limit: th.limitMgL,
                      km: km(th.belowAtKm.probable),
                      time: duration(th.belowAtH.probable ?? 0),
                    })}
              </p>
              <p>{t('release.above', { list: th.countriesAbove.join(', ') || '—' })}</p>
            </div>
          )}
          <ConcentrationPlot trace={r} onPlume={onPlume} onFollow={onFollow} />
          <h3>{t('release.arrivalTitle')}</h3>
          <table className="release-table" data-testid="release-arrival">
            <thead>
              <tr>
                <th scope="col">{t('release.country')}</th>
                <th scope="col">
                  {t('release.leadingEdge')} ({lead.label})
                </th>
                <th scope="col">
                  {t('release.peak')} ({peak.label})
                </th>
                <th scope="col">{t('release.peakConc')}</th>
              </tr>
            </thead>
            <tbody>
              {r.countries.map((c) => (
                <tr key={`${c.iso3}-${c.entryKm}`}>
                  <th scope="row" title={km(c.entryKm)}>
                    {[c.iso3, ...c.sharedWith].join('/')}
                  </th>
                  <td>
                    {formatTime(c.arrival.leadingEdgeH.probable, lead.unit, lang)}
                    <span className="muted">
                      {' '}
                      ({formatTime(c.arrival.leadingEdgeH.bound, lead.unit, lang)})
                    </span>
                    {clock(c.arrival.leadingEdgeH.probable)}
                  </td>
                  <td>
                    {formatTime(c.arrival.peakH.probable, peak.unit, lang)}
                    <span className="muted"> ({formatTime(c.arrival.peakH.bound, peak.unit, lang)})</span>
                    {clock(c.arrival.peakH.probable)}
                  </td>
                  <td>
                    {mgL(c.arrival.peakMgL.probable)}
                    <span className="muted"> ({mgL(c.arrival.peakMgL.bound)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <NotificationTimeline trace={r} />
          {releasedAt && (
            <p className="muted small" data-testid="release-at-note">
              {t('release.clockNote', { at: clockAt(releasedAt, 0, lang) })}
            </p>
          )}
          <p className="muted small">{t('release.boundNote')}</p>
          <p className="muted small">{t('release.defaults', { table: tableValues, defaults })}</p>
          <details className="small">
            <summary>{t('release.assumptions')}</summary>
            <ul>
              {(lang.startsWith('ru') && r.release.assumptionsRu?.length
                ? r.release.assumptionsRu
                : r.release.assumptions
              ).map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
