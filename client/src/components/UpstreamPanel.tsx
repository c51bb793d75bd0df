// Upstream threats of a point: registered sites that drain to it within a river distance or travel
// time, ranked by arrival time or by hazard, with their countries; a site opens its panel.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUpstream, type UpstreamResult, type UpstreamSite } from '../lib/upstream.js';
import { useRemote } from '../lib/use-remote.js';
import './UpstreamPanel.css';
import { PanelHead } from './PanelHead.js';

interface Props {
  point: { lon: number; lat: number };
  onClose(): void;
  onSelect(site: UpstreamSite): void;
}

type Order = 'arrival' | 'hazard';

const limitOf = (v: string): number | undefined => {
  const n = Number(v);
  return v.trim() === '' || !Number.isFinite(n) || n <= 0 ? undefined : n;
};

export function UpstreamPanel({ point, onClose, onSelect }: Props) {
  const { t } = useTranslation();
  const [maxKm, setMaxKm] = useState('');
  const [maxHours, setMaxHours] = useState('');
  const [order, setOrder] = useState<Order>('arrival');
  // Debounced so typing a limit doesn't fire a request per key.
  const state = useRemote<UpstreamResult>(
    (signal) => fetchUpstream({ ...point, maxKm: limitOf(maxKm), maxHours: limitOf(maxHours) }, signal),
    `${point.lon}|${point.lat}|${maxKm}|${maxHours}`,
    { delayMs: 250 },
  );

  const d = state.data;
  const byId = new Map(d?.sites.map((s) => [s.id, s]) ?? []);
  const ids = d ? (order === 'arrival' ? d.rankedByArrival : d.rankedByHazard) : [];
  return (
    <aside className="panel upstream-panel" aria-labelledby="upstream-title" data-testid="upstream-panel">
      <PanelHead
        id="upstream-title"
        title={t('upstream.title')}
        closeLabel={t('upstream.close')}
        onClose={onClose}
      />
      <div className="upstream-limits">
        <label>
          {t('upstream.maxKm')}{' '}
          <input type="number" min="0" step="10" value={maxKm} onChange={(e) => setMaxKm(e.target.value)} />
        </label>
        <label>
          {t('upstream.maxHours')}{' '}
          <input
            type="number"
            min="0"
            step="1"
            value={maxHours}
            onChange={(e) => setMaxHours(e.target.value)}
          />
        </label>
      </div>
      {state.loading && !d && <p role="status">{t('upstream.loading')}</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {d && (
        <>
          <p>
            {t('upstream.point', {
              river: d.snap.river ?? t('upstream.unnamed'),
              km: d.snap.distanceKm.toFixed(1),
            })}
          </p>
          <p data-testid="upstream-summary">
            {t('upstream.summary', { n: d.total })}
            {d.countries.length > 0 && ` ${t('upstream.countries', { list: d.countries.join(', ') })}`}
          </p>
          <fieldset className="upstream-order">
            <legend className="sr-only">{t('upstream.order')}</legend>
            {(['arrival', 'hazard'] as const).map((o) => (
              <label key={o}>
                <input
                  type="radio"
                  name="upstream-order"
                  checked={order === o}
                  onChange={() => setOrder(o)}
                />{' '}
                {t(`upstream.by.${o}`)}
              </label>
            ))}
          </fieldset>
          {ids.length > 0 && (
            <table className="upstream-table">
              <thead>
                <tr>
                  <th scope="col">{t('upstream.site')}</th>
                  <th scope="col">{t('upstream.country')}</th>
                  <th scope="col">{t('upstream.km')}</th>
                  <th scope="col">{t('upstream.hours')}</th>
                  <th scope="col">{t('upstream.index')}</th>
                </tr>
              </thead>
              <tbody>
                {ids.map((id) => {
                  const s = byId.get(id);
                  if (!s) return null;
                  return (
                    <tr key={id}>
                      <td>
                        <button type="button" className="link" onClick={() => onSelect(s)}>
                          {s.name}
                        </button>
                        {s.annexI && (
                          <span className="badge" title={t('upstream.annexI')}>
                            {' '}
                            A
                          </span>
                        )}
                      </td>
                      <td>{s.country ?? '—'}</td>
                      <td>{s.riverKm.toFixed(0)}</td>
                      <td>{s.arrivalH.toFixed(1)}</td>
                      <td>
                        {s.wri !== null
                          ? `WRI ${s.wri.toFixed(1)}`
                          : s.thi !== null
                            ? `THI ${s.thi.toFixed(1)}`
                            : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p className="upstream-note">{t('upstream.note')}</p>
        </>
      )}
    </aside>
  );
}
