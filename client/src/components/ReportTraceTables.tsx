// The report's trace tables: countries in order with entry/exit km and, for a release, leading-edge
// and peak hours and peak concentration (probable, with the fast case in brackets); border crossings.
import { useTranslation } from 'react-i18next';
import { formatKm, formatNumber } from '../lib/format.js';
import type { CaseValue } from '../lib/release.js';
import type { ReportTrace } from '../lib/report.js';
import { borderEventText } from '../lib/trace-text.js';

export function ReportTraceTables({ trace }: { trace: Extract<ReportTrace, { status: 'ok' }> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const h = (v: CaseValue | undefined) =>
    v ? `${formatNumber(v.probable, lang, 1)} (${formatNumber(v.bound, lang, 1)})` : '—';
  const c = (v: CaseValue | undefined) =>
    v ? `${formatNumber(v.probable, lang, 4)} (${formatNumber(v.bound, lang, 4)})` : '—';
  return (
    <>
      <p>
        {t('report.traceSummary', {
          river: trace.snap.river ?? '—',
          km: formatKm(trace.lengthKm, lang),
          outlet: (trace.outlets.find((o) => o.main) ?? trace.outlets[0])?.name ?? '—',
        })}
      </p>
      <table className="report-table" data-testid="report-trace-table">
        <caption>{t('report.timesNote')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('report.country')}</th>
            <th scope="col">{t('report.entryKm')}</th>
            <th scope="col">{t('report.exitKm')}</th>
            <th scope="col">{t('report.leadingEdge')}</th>
            <th scope="col">{t('report.peak')}</th>
            <th scope="col">{t('report.peakMgL')}</th>
          </tr>
        </thead>
        <tbody>
          {trace.countries.map((row) => (
            <tr key={row.order}>
              <td>{row.order}</td>
              <td>
                {row.name} ({[row.iso3, ...row.sharedWith].join('/')})
              </td>
              <td className="n">{formatNumber(row.entryKm, lang, 1)}</td>
              <td className="n">{formatNumber(row.exitKm, lang, 1)}</td>
              <td className="n">{h(row.arrival?.leadingEdgeH)}</td>
              <td className="n">{h(row.arrival?.peakH)}</td>
              <td className="n">{c(row.arrival?.peakMgL)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {trace.crossings.length > 0 && (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.crossing')}</th>
              <th scope="col">km</th>
              <th scope="col">{t('report.peak')}</th>
              <th scope="col">{t('report.peakMgL')}</th>
            </tr>
          </thead>
          <tbody>
            {trace.crossings.map((x) => (
              <tr key={`${x.km}-${x.from}-${x.to}`}>
                <td>{t(borderEventText(x).key, borderEventText(x).values)}</td>
                <td className="n">{formatNumber(x.km, lang, 1)}</td>
                <td className="n">{h(x.arrival?.peakH)}</td>
                <td className="n">{c(x.arrival?.peakMgL)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
