// The report's trace tables: countries in order with entry/exit km and, for a release, leading-edge
// and peak hours and peak concentration (probable, with the fast case in brackets); border crossings.
import { useTranslation } from 'react-i18next';
import { formatKm, formatNumber } from '../lib/format.js';
import type { CaseValue } from '../lib/release.js';
import type { ReportTrace } from '../lib/report.js';
import { borderEventText } from '../lib/trace-text.js';
import { DataTable } from './DataTable.js';

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
      <DataTable
        className="report-table"
        testId="report-trace-table"
        caption={t('report.timesNote')}
        rows={trace.countries}
        rowKey={(row) => row.order}
        columns={[
          { id: 'order', header: '#', cell: (row) => row.order },
          {
            id: 'country',
            header: t('report.country'),
            cell: (row) => `${row.name} (${[row.iso3, ...row.sharedWith].join('/')})`,
          },
          {
            id: 'entry',
            header: t('report.entryKm'),
            className: 'n',
            cell: (row) => formatNumber(row.entryKm, lang, 1),
          },
          {
            id: 'exit',
            header: t('report.exitKm'),
            className: 'n',
            cell: (row) => formatNumber(row.exitKm, lang, 1),
          },
          {
            id: 'edge',
            header: t('report.leadingEdge'),
            className: 'n',
            cell: (row) => h(row.arrival?.leadingEdgeH),
          },
          { id: 'peak', header: t('report.peak'), className: 'n', cell: (row) => h(row.arrival?.peakH) },
          {
            id: 'peakMgL',
            header: t('report.peakMgL'),
            className: 'n',
            cell: (row) => c(row.arrival?.peakMgL),
          },
        ]}
      />
      {trace.crossings.length > 0 && (
        <DataTable
          className="report-table"
          rows={trace.crossings}
          rowKey={(x) => `${x.km}-${x.from}-${x.to}`}
          columns={[
            {
              id: 'crossing',
              header: t('report.crossing'),
              cell: (x) => t(borderEventText(x).key, borderEventText(x).values),
            },
            { id: 'km', header: 'km', className: 'n', cell: (x) => formatNumber(x.km, lang, 1) },
            { id: 'peak', header: t('report.peak'), className: 'n', cell: (x) => h(x.arrival?.peakH) },
            {
              id: 'peakMgL',
              header: t('report.peakMgL'),
              className: 'n',
              cell: (x) => c(x.arrival?.peakMgL),
            },
          ]}
        />
      )}
    </>
  );
}
