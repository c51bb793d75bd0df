// Legend of the stations layer: one swatch per kind of station.
import { useTranslation } from 'react-i18next';
import { STATION_KINDS } from '../lib/plans-api.js';
import { STATION_COLORS } from '../map/station-layers.js';

export function StationLegend() {
  const { t } = useTranslation();
  return (
    <ul className="swatches" data-testid="station-legend">
      {STATION_KINDS.map((k) => (
        <li key={k}>
          <span className="sym sym-circle" style={{ background: STATION_COLORS[k] }} aria-hidden="true" />
          {t(`plans.stationKinds.${k}`)}
        </li>
      ))}
    </ul>
  );
}
