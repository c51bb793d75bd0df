// Peak concentration (log scale) and arrival time against river km for a release, with border
// crossings and the limit marked, and a time slider that moves the plume along the path.
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Case, mainLine, plumeAt, plumeGeoJson } from '../lib/plume.js';
import type { ProfilePoint, ReleaseTrace } from '../lib/release.js';
import { formatConc, formatTime } from '../lib/release-format.js';

interface Props {
  trace: ReleaseTrace;
  onPlume?(g: FeatureCollection | null): void;
  /** Centre the map here (the plume's peak, or the middle of its stretch) while "follow" is on. */
  onFollow?(lon: number, lat: number): void;
}

// Two panels sharing the km axis, each with its own y-axis on the left (issue 13: one axis per panel):
// peak concentration on top, arrival time below.
const W = 360;
const H = 330;
const PAD = { left: 46, right: 12, top: 44, bottom: 30 };
const GAP = 28;
const X1 = W - PAD.right;
const Y1 = H - PAD.bottom;
const PANEL_H = (Y1 - PAD.top - GAP) / 2;
const TOP_Y1 = PAD.top + PANEL_H;
const BOT_Y0 = TOP_Y1 + GAP;
const COLORS = { conc: '#d7263d', time: '#0b57d0', border: '#6b7280', limit: '#e68a00' };

const log10 = (x: number) => Math.log10(Math.max(x, 1e-12));
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A power of ten as 0.01, 0.1, 1, 10, 100 where short, else 10⁻⁵ / 10⁶. */
const decade = (d: number) =>
  d >= -2 && d <= 3
    ? String(10 ** d).replace(/(\.\d*?)0+$/, '$1')
    : `10${d < 0 ? '⁻' : ''}${[...String(Math.abs(d))].map((c) => SUPERSCRIPT[Number(c)]).join('')}`;

/** Label rows for border marks: a label closer than 24 units to the previous one drops a row (up to 3). */
export function borderLabelRows(xs: readonly number[]): number[] {
  const rows: number[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  let row = 0;
  for (const xv of xs) {
    row = xv - lastX < 24 ? (row + 1) % 3 : 0;
    rows.push(row);
    lastX = xv;
  }
  return rows;
}

function path(
  points: readonly ProfilePoint[],
  x: (p: ProfilePoint) => number,
  y: (p: ProfilePoint) => number,
) {
  return points.map((p, i) => `${i ? 'L' : 'M'}${x(p).toFixed(1)},${y(p).toFixed(1)}`).join('');
}

/** Hours as "14 h" below two days, else "3.5 d", in the UI language's number format. */
export function useDuration() {
  const { t, i18n } = useTranslation();
  return (h: number) =>
    h < 48
      ? t('release.hoursShort', { n: formatTime(h, 'h', i18n.language) })
      : t('release.daysShort', { n: formatTime(h, 'd', i18n.language) });
}

export function ConcentrationPlot({ trace, onPlume, onFollow }: Props) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const p = trace.profile;
  const lengthKm = p[p.length - 1]?.km ?? trace.lengthKm;
  const limit = trace.threshold?.limitMgL ?? trace.release.limitMgL;
  // Skip km 0 (the release point, not yet mixed) for the concentration range.
  const conc = p
    .slice(1)
    .flatMap((x) => [x.peakMgL.probable, x.peakMgL.bound])
    .filter((v) => v > 0);
  const cMin = Math.floor(log10(Math.min(...conc, limit ?? Number.POSITIVE_INFINITY)));
  const cMax = Math.ceil(log10(Math.max(...conc, limit ?? 0)));
  const tMaxH = Math.max(1, ...p.map((x) => 2 * x.peakH.probable - x.leadingEdgeH.probable));
  // The time axis in hours for a short path, in days beyond two days.
  const tUnit = tMaxH < 48 ? 'h' : 'd';
  const tPer = tUnit === 'h' ? 1 : 24;
  const tMax = Math.max(1, Math.ceil(tMaxH / tPer));

  const x = (km: number) => PAD.left + ((X1 - PAD.left) * km) / Math.max(1e-9, lengthKm);
  const yC = (mgL: number) => TOP_Y1 - (PANEL_H * (log10(mgL) - cMin)) / Math.max(1, cMax - cMin);
  const yT = (h: number) => Y1 - (PANEL_H * (h / tPer)) / tMax;

  const line = useMemo(() => mainLine(trace), [trace]);
  const [hours, setHours] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [tcase, setTcase] = useState<Case>('probable');
  const state = useMemo(() => (hours > 0 ? plumeAt(trace, hours, tcase) : null), [trace, hours, tcase]);
  const geo = useMemo(() => (state ? plumeGeoJson(line, state) : null), [line, state]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new trace restarts the clock.
  useEffect(() => {
    setHours(0);
    setPlaying(false);
  }, [trace]);
  useEffect(() => {
    onPlume?.(geo);
  }, [geo, onPlume]);
  useEffect(() => () => onPlume?.(null), [onPlume]);
  const [follow, setFollow] = useState(false);
  useEffect(() => {
    if (!follow || !geo || !onFollow) return;
    const at = followPoint(geo);
    if (at) onFollow(at[0], at[1]);
  }, [follow, geo, onFollow]);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      setHours((h) => {
        const next = h + tMaxH / 150;
        if (next >= tMaxH) setPlaying(false);
        return Math.min(next, tMaxH);
      });
    }, 80);
    return () => clearInterval(id);
  }, [playing, tMaxH]);

  const rows = p.slice(1);
  const decades = Array.from({ length: cMax - cMin + 1 }, (_, i) => cMin + i);
  // At most ~8 labelled decades; the grid keeps every one.
  const labelEvery = Math.ceil(decades.length / 8);
  const timeTicks = [0, Math.round(tMax / 2), tMax];
  const cursorKm = state ? (state.peakKm ?? state.leadKm) : null;
  return (
    <figure className="release-plot" data-testid="concentration-plot">
      <figcaption>{t('release.plotTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('release.plotLabel')}>
        {[PAD.top, BOT_Y0].map((y0) => (
          <rect
            key={y0}
            x={PAD.left}
            y={y0}
            width={X1 - PAD.left}
            height={PANEL_H}
            fill="#fafbfc"
            stroke="#d6dbe1"
          />
        ))}
        {decades.map((d) => (
          <g key={`c${d}`}>
            <line x1={PAD.left} x2={X1} y1={yC(10 ** d)} y2={yC(10 ** d)} stroke="#eceff3" />
            {(cMax - d) % labelEvery === 0 && (
              <text x={PAD.left - 4} y={yC(10 ** d) + 3} textAnchor="end" fontSize="9" fill={COLORS.conc}>
                {decade(d)}
              </text>
            )}
          </g>
        ))}
        {timeTicks.map((d) => (
          <g key={`t${d}`}>
            <line x1={PAD.left} x2={X1} y1={yT(d * tPer)} y2={yT(d * tPer)} stroke="#eceff3" />
            <text x={PAD.left - 4} y={yT(d * tPer) + 3} textAnchor="end" fontSize="9" fill={COLORS.time}>
              {formatTime(d * tPer, tUnit, i18n.language)}
            </text>
          </g>
        ))}
        {[0, lengthKm / 2, lengthKm].map((k) => (
          <text key={`k${k}`} x={x(k)} y={Y1 + 12} textAnchor="middle" fontSize="9" fill="#555e69">
            {Math.round(k)}
          </text>
        ))}
        <text x={(PAD.left + X1) / 2} y={H - 4} textAnchor="middle" fontSize="9" fill="#555e69">
          {t('release.km')}
        </text>
        <text x={4} y={PAD.top - 5} fontSize="9" fill={COLORS.conc}>
          {t('release.concentration')}
        </text>
        <text x={4} y={BOT_Y0 - 6} fontSize="9" fill={COLORS.time}>
          {t('release.arrival')} ({t(tUnit === 'h' ? 'release.unitHours' : 'release.unitDays')})
        </text>
        {borderLabelRows(trace.crossings.map((c) => x(c.km))).map((row, i) => {
          const c = trace.crossings[i];
          if (!c) return null;
          return (
            <g key={`b${c.km}-${c.from}-${c.to}`} data-testid="plot-border">
              <title>{`${c.from} → ${c.to} · km ${Math.round(c.km)}`}</title>
              <line
                x1={x(c.km)}
                x2={x(c.km)}
                y1={PAD.top}
                y2={Y1}
                stroke={COLORS.border}
                strokeDasharray="2 3"
              />
              <text x={x(c.km) + 2} y={10 + row * 8} fontSize="7" fill={COLORS.border}>
                {c.to}
              </text>
            </g>
          );
        })}
        {limit != null && (
          <g data-testid="plot-limit">
            <line
              x1={PAD.left}
              x2={X1}
              y1={yC(limit)}
              y2={yC(limit)}
              stroke={COLORS.limit}
              strokeWidth="1.5"
              strokeDasharray="6 3"
            />
            <text x={X1 - 2} y={yC(limit) - 3} textAnchor="end" fontSize="8" fill={COLORS.limit}>
              {t('release.limit', { value: limit })}
            </text>
          </g>
        )}
        <path
          d={path(
            rows,
            (r) => x(r.km),
            (r) => yC(r.peakMgL.probable),
          )}
          fill="none"
          stroke={COLORS.conc}
          strokeWidth="1.8"
        />
        <path
          d={path(
            rows,
            (r) => x(r.km),
            (r) => yC(r.peakMgL.bound),
          )}
          fill="none"
          stroke={COLORS.conc}
          strokeDasharray="4 3"
        />
        <path
          d={path(
            p,
            (r) => x(r.km),
            (r) => yT(r.peakH.probable),
          )}
          fill="none"
          stroke={COLORS.time}
          strokeWidth="1.8"
        />
        <path
          d={path(
            p,
            (r) => x(r.km),
            (r) => yT(r.peakH.bound),
          )}
          fill="none"
          stroke={COLORS.time}
          strokeDasharray="4 3"
        />
        {cursorKm !== null && (
          <line
            data-testid="plot-cursor"
            x1={x(cursorKm)}
            x2={x(cursorKm)}
            y1={PAD.top}
            y2={Y1}
            stroke="#111"
            strokeWidth="1.2"
          />
        )}
      </svg>
      <p className="plot-legend muted">
        <span style={{ color: COLORS.conc }}>━ {t('release.concentration')}</span>{' '}
        <span style={{ color: COLORS.time }}>━ {t('release.arrival')}</span> · ━ {t('release.probable')} · ╌{' '}
        {t('release.bound')}
      </p>
      <div className="plume-slider">
        <button type="button" onClick={() => setPlaying((v) => !v)} aria-pressed={playing}>
          {playing ? t('release.pause') : t('release.play')}
        </button>
        <label>
          <span className="sr-only">{t('release.time')}</span>
          <input
            type="range"
            min={0}
            max={tMaxH}
            step={tMaxH / 500}
            value={hours}
            aria-label={t('release.time')}
            aria-valuetext={duration(hours)}
            onChange={(e) => setHours(Number(e.target.value))}
          />
        </label>
        <output data-testid="plume-time">{duration(hours)}</output>
      </div>
      {onFollow && (
        <label className="plume-follow">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => setFollow(e.target.checked)}
            data-testid="plume-follow"
          />{' '}
          {t('release.follow')}
        </label>
      )}
      <fieldset className="plume-case">
        <legend className="sr-only">{t('release.caseLegend')}</legend>
        {(['probable', 'bound'] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="plume-case" checked={tcase === c} onChange={() => setTcase(c)} />{' '}
            {t(`release.${c}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted" data-testid="plume-state">
        {hours === 0
          ? t('release.timeHint')
          : state === null
            ? t('release.plumeGone')
            : state.peakKm !== null && state.peakMgL !== null
              ? t('release.plumeAt', {
                  km: Math.round(state.peakKm),
                  mgL: formatConc(state.peakMgL, i18n.language),
                })
              : t('release.plumeFront', { km: Math.round(state.leadKm) })}
      </p>
    </figure>
  );
}

/** Where "follow the plume" centres the map: the peak, else the middle of the plume's stretch. */
export function followPoint(g: FeatureCollection): [number, number] | null {
  let mid: [number, number] | null = null;
  for (const f of g.features) {
    if (f.geometry.type === 'Point') return [f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0];
    if (f.geometry.type === 'LineString' && !mid) {
      const c = f.geometry.coordinates[Math.floor(f.geometry.coordinates.length / 2)];
      if (c) mid = [c[0] ?? 0, c[1] ?? 0];
    }
  }
  return mid;
}
