// Basin transboundary matrix dialog: origin country (rows) × affected country (columns) for a basin
// or all data, one metric at a time, with the CSV export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasinChoice } from '../lib/basins.js';
import {
  cellValue,
  fetchMatrix,
  MATRIX_METRICS,
  type Matrix,
  type MatrixMetric,
  matrixCsvUrl,
  shade,
} from '../lib/matrix.js';
import { useRemote } from '../lib/use-remote.js';
import './MatrixView.css';
import { useModal } from '../lib/use-modal.js';

interface Props {
  basins: BasinChoice[];
  initialBasinId: number | undefined;
  onClose(): void;
}

const fmt = (v: number | null, metric: MatrixMetric): string =>
  v === null ? '—' : metric === 'sites' || metric === 'annexI' ? String(v) : v.toFixed(1);

export function MatrixView({ basins, initialBasinId, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useModal();
  const [basinId, setBasinId] = useState<number | undefined>(initialBasinId);
  const [metric, setMetric] = useState<MatrixMetric>('sites');
  const state = useRemote<Matrix>((signal) => fetchMatrix(basinId, signal), String(basinId));

  const m = state.data;
  const name = (iso: string) => m?.countryNames[iso] ?? iso;
  const cell = (o: string, a: string) => m?.cells.find((c) => c.origin === o && c.affected === a);

  return (
    <dialog ref={dialog} className="dialog matrix-dialog" aria-labelledby="matrix-title" onClose={onClose}>
      <h2 id="matrix-title">{t('matrix.title')}</h2>
      <div className="matrix-controls">
        <label>
          {t('matrix.basin')}{' '}
          <select
            value={basinId === undefined ? '' : String(basinId)}
            onChange={(e) => setBasinId(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('matrix.allData')}</option>
            {basins
              .filter((b) => !b.delta)
              .map((b) => (
                <option key={b.key} value={b.basinId}>
                  {b.label}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('matrix.metric')}{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as MatrixMetric)}>
            {MATRIX_METRICS.map((k) => (
              <option key={k} value={k}>
                {t(`matrix.metrics.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={matrixCsvUrl(basinId)} download>
          {t('matrix.csv')}
        </a>
      </div>
      {state.loading && <p role="status">{t('matrix.loading')}</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {m && (
        <>
          <p className="matrix-summary">
            {t('matrix.summary', {
              n: m.totals.transboundarySites,
              total: m.totals.onNetwork,
            })}
          </p>
          {m.cells.length === 0 ? (
            <p>{t('matrix.empty')}</p>
          ) : (
            // A scroll region must be reachable by keyboard (axe scrollable-region-focusable).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls; arrows scroll it once focused
            <section className="matrix-scroll" tabIndex={0} aria-label={t('matrix.scrollRegion')}>
              <table className="matrix-table">
                <caption className="sr-only">{t('matrix.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('matrix.originAffected')}</th>
                    {m.columns.map((a) => (
                      <th key={a} scope="col" title={name(a)}>
                        {a}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.rows.map((o) => (
                    <tr key={o}>
                      <th scope="row" title={name(o)}>
                        {o}
                      </th>
                      {m.columns.map((a) => {
                        const c = cell(o, a);
                        if (!c) return <td key={a} className="matrix-empty" />;
                        const s = shade(m, metric, c);
                        return (
                          <td
                            key={a}
                            data-cell={`${o}-${a}`}
                            // Dark text keeps ≥ 4.5:1 contrast up to the darkest shade (alpha 0.75 on white).
                            style={{
                              background: `rgba(192, 57, 43, ${(0.08 + 0.67 * s).toFixed(2)})`,
                              color: '#111',
                            }}
                            title={t('matrix.cellTitle', {
                              origin: name(o),
                              affected: name(a),
                              sites: c.sites,
                              annexI: c.annexI,
                              wri: fmt(c.maxWri, 'maxWri'),
                              thi: fmt(c.maxThi, 'maxThi'),
                              hours: fmt(c.minArrivalH, 'minArrivalH'),
                              km: fmt(c.minBorderKm, 'minArrivalH'),
                            })}
                          >
                            {fmt(cellValue(c, metric), metric)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <p className="matrix-note">{t('matrix.note')}</p>
        </>
      )}
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('matrix.close')}
        </button>
      </div>
    </dialog>
  );
}
