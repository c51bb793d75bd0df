// Layer switcher and legend: each toggle shows the symbols it controls.
import { useTranslation } from 'react-i18next';
import { thiLegend, UNCLASSIFIED, wriLegend } from '../lib/colors.js';
import { LAYER_IDS, type LayerId } from '../lib/url-state.js';
import { ReceptorLegend } from './ReceptorLegend.js';
import { StationLegend } from './StationLegend.js';

interface Props {
  layers: readonly LayerId[];
  onToggle(id: LayerId, on: boolean): void;
}

function Swatches({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul className="swatches">
      {items.map((i) => (
        <li key={i.label}>
          <span className="swatch" style={{ background: i.color }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

export function Legend({ layers, onToggle }: Props) {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('layers.title')}</h2>
      {LAYER_IDS.map((id) => (
        <div key={id} className="legend-layer">
          <label>
            <input
              type="checkbox"
              checked={layers.includes(id)}
              onChange={(e) => onToggle(id, e.target.checked)}
            />{' '}
            {t(`layers.${id}`)}
          </label>
          {id === 'rivers' && layers.includes(id) && (
            <ul className="swatches">
              <li>
                <span className="line-swatch" style={{ height: 5 }} aria-hidden="true" />
                {t('layers.riverMajor')}
              </li>
              <li>
                <span className="line-swatch" style={{ height: 3 }} aria-hidden="true" />
                {t('layers.riverMedium')}
              </li>
              <li>
                <span className="line-swatch" style={{ height: 1.5 }} aria-hidden="true" />
                {t('layers.riverMinor')}
              </li>
            </ul>
          )}
          {id === 'sites' && layers.includes(id) && (
            <div className="legend-sites">
              <p>
                <span className="sym sym-circle" aria-hidden="true" /> {t('layers.activity')}
              </p>
              <p>
                <span className="sym sym-triangle" aria-hidden="true" /> {t('layers.tmf')}
              </p>
              <p>
                <span className="sym sym-cluster" aria-hidden="true">
                  3
                </span>{' '}
                {t('layers.cluster')}
              </p>
              <h3>{t('layers.wri')}</h3>
              <Swatches items={wriLegend()} />
              <h3>{t('layers.thi')}</h3>
              <Swatches items={[...thiLegend(), { label: t('layers.unclassified'), color: UNCLASSIFIED }]} />
            </div>
          )}
          {id === 'receptors' && layers.includes(id) && <ReceptorLegend />}
          {id === 'stations' && layers.includes(id) && <StationLegend />}
          {id === 'basins' && layers.includes(id) && (
            <ul className="swatches">
              <li>
                <span className="swatch basin-area" aria-hidden="true" />
                {t('layers.basinApprox')}
              </li>
              <li>
                <span className="swatch delta-area" aria-hidden="true" />
                {t('layers.deltaApprox')}
              </li>
              <li>
                <span className="line-swatch basin" aria-hidden="true" />
                {t('layers.basinSelected')}
              </li>
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
