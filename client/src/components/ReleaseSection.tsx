// The release part of the trace panel: the scenario form and, once computed, the threshold
// summary, arrival by country, the concentration/arrival plot with its time slider.
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { formatKm } from '../lib/format.js';
import { isReleaseTrace, type ReleaseParams } from '../lib/release.js';
import type { TraceResult } from '../lib/types.js';
import { ConcentrationPlot, useDuration } from './ConcentrationPlot.js';
import { NotificationTimeline } from './NotificationTimeline.js';
import { ReleaseForm } from './ReleaseForm.js';
import './ReleaseSection.css';

interface Props {
  trace: TraceResult;
  release: ReleaseParams | null;
  onRelease(r: ReleaseParams | null): void;
  onPlume?(g: FeatureCollection | null): void;
}

const mgL = (v: number) => v.toPrecision(3);

export function ReleaseSection({ trace, release, onRelease, onPlume }: Props) {
  const { t, i18n } = useTranslation();
  const km = (v: number) => formatKm(v, i18n.language);
  const duration = useDuration();
  const r = isReleaseTrace(trace) ? trace : null;
  const th = r?.threshold;
  const tableValues = r?.release.discharge.filter((d) => !d.default).length ?? 0;
  const defaults = r ? r.release.discharge.length - tableValues : 0;
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
          <ConcentrationPlot trace={r} onPlume={onPlume} />
          <h3>{t('release.arrivalTitle')}</h3>
          <table className="release-table" data-testid="release-arrival">
            <thead>
              <tr>
                <th scope="col">{t('release.country')}</th>
                <th scope="col">{t('release.leadingEdge')}</th>
                <th scope="col">{t('release.peak')}</th>
                <th scope="col">mg/L</th>
              </tr>
            </thead>
            <tbody>
              {r.countries.map((c) => (
                <tr key={`${c.iso3}-${c.entryKm}`}>
                  <th scope="row" title={`km ${Math.round(c.entryKm)}`}>
                    {[c.iso3, ...c.sharedWith].join('/')}
                  </th>
                  <td>
                    {duration(c.arrival.leadingEdgeH.probable)}
                    <span className="muted"> ({duration(c.arrival.leadingEdgeH.bound)})</span>
                  </td>
                  <td>
                    {duration(c.arrival.peakH.probable)}
                    <span className="muted"> ({duration(c.arrival.peakH.bound)})</span>
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
          <p className="muted small">{t('release.boundNote')}</p>
          <p className="muted small">{t('release.defaults', { table: tableValues, defaults })}</p>
          <details className="small">
            <summary>{t('release.assumptions')}</summary>
            <ul>
              {r.release.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
