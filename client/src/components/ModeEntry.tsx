// Keyboard ways to give a map mode its point (trace, add site, upstream threats): the map's centre, or
// typed WGS84 coordinates; either acts as a click on the map there.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onCentre(): void;
  onCoords(lon: number, lat: number): void;
}

export function ModeEntry({ onCentre, onCoords }: Props) {
  const { t } = useTranslation();
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const x = Number(lon);
    const y = Number(lat);
    if (lon.trim() === '' || lat.trim() === '' || !(Math.abs(x) <= 180) || !(Math.abs(y) <= 90)) {
      setError(t('modeEntry.invalid'));
      return;
    }
    setError(null);
    onCoords(x, y);
  };
  return (
    <span className="mode-entry">
      <button type="button" onClick={onCentre}>
        {t('modeEntry.centre')}
      </button>
      <form onSubmit={submit} className="mode-entry" aria-label={t('modeEntry.form')}>
        <label>
          {t('modeEntry.lon')}{' '}
          <input
            inputMode="decimal"
            value={lon}
            onChange={(e) => setLon(e.target.value)}
            placeholder="20.47"
          />
        </label>
        <label>
          {t('modeEntry.lat')}{' '}
          <input
            inputMode="decimal"
            value={lat}
            onChange={(e) => setLat(e.target.value)}
            placeholder="44.81"
          />
        </label>
        <button type="submit">{t('modeEntry.go')}</button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </form>
    </span>
  );
}
