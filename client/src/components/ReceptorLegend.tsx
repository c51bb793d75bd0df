// Legend of the receptor layer: one entry per kind, a dot for points and a tinted box for areas
// (flood zones dashed), in the map's colours.
import { useTranslation } from 'react-i18next';
import { RECEPTOR_KINDS } from '../../../shared/codes.js';
import { RECEPTOR_COLORS } from '../lib/receptors.js';
import './receptors.css';

export function ReceptorLegend() {
  const { t } = useTranslation();
  return (
    <ul className="swatches legend-receptors">
      {RECEPTOR_KINDS.map((k) => {
        const color = RECEPTOR_COLORS[k];
        return (
          <li key={k}>
            <span className="sym-point" style={{ background: color }} aria-hidden="true" />
            <span
              className={`sym-area${k === 'flood_zone' ? ' dashed' : ''}`}
              style={{ color, background: `${color}38` }}
              aria-hidden="true"
            />
            {t(`receptors.kinds.${k}`)}
          </li>
        );
      })}
      <li className="muted">{t('receptors.legendNote')}</li>
    </ul>
  );
}
