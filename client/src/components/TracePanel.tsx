// Trace results: countries and rivers in downstream order with entry/exit km (click to zoom),
// total length, border events in words, outlets with their arms, and the snap distance with a warning
// when the start is far from a river. Countries keep one colour by ISO3 (lib/colors.ts).

import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import type { Bbox, TraceResult } from '../../../shared/api.js';
import { waterNameRu } from '../../../shared/water-names.js';
import { countryColors } from '../lib/colors.js';
import { inLanguage, useCountryName } from '../lib/country-names.js';
import { bboxOf, formatKm, formatKmRange, snapWarning } from '../lib/format.js';
import type { ReleaseParams } from '../lib/release.js';
import { traceNotes } from '../lib/trace-notes.js';
import { borderEventText } from '../lib/trace-text.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import { ReleaseSection } from './ReleaseSection.js';

interface Props {
  trace: TraceResult | null;
  running: boolean;
  error: string | null;
  onClose(): void;
  onZoom(b: Bbox): void;
  /** Release scenario: when given, the trace carries arrival times and concentrations. */
  release?: ReleaseParams | null;
  onRelease?(r: ReleaseParams | null): void;
  onPlume?(g: FeatureCollection | null): void;
  /** "Follow the plume": centre the map on the plume as the time slider moves. */
  onFollow?(lon: number, lat: number): void;
}

/** Bounding box of the main-path stretch between two km marks. */
export function stretchBbox(
  trace: TraceResult,
  fromKm: number,
  toKm: number,
  match?: (p: { country: string | null; river: string | null }) => boolean,
): Bbox | null {
  const coords: number[][] = [];
  for (const f of trace.path.features) {
    if (f.properties.branch !== 'main') continue;
    if (match && !match(f.properties)) continue;
    const k = f.properties.kmFromStart;
    if (k < fromKm - 0.01 || k > toKm + 0.01) continue;
    coords.push(...f.geometry.coordinates);
  }
  return bboxOf(coords);
}

export function TracePanel({
  trace,
  running,
  error,
  onClose,
  onZoom,
  release,
  onRelease,
  onPlume,
  onFollow,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const km = (v: number) => formatKm(v, lang);
  const range = (a: number, b: number) => formatKmRange(a, b, lang);
  const country = useCountryName();
  // River, arm and sea names in the UI language: the trace carries each river's Russian name.
  const river = (name: string | null | undefined): string | null =>
    name ? inLanguage(lang, name, trace?.rivers.find((r) => r.name === name)?.nameRu) : null;
  const water = (name: string) => (lang.startsWith('ru') ? (waterNameRu(name) ?? name) : name);
  const colors = trace ? countryColors(trace.countries.map((c) => c.iso3)) : new Map<string, string>();
  const zoom = (
    fromKm: number,
    toKm: number,
    match?: (p: { country: string | null; river: string | null }) => boolean,
  ) => {
    if (!trace) return;
    const b = stretchBbox(trace, fromKm, toKm, match) ?? stretchBbox(trace, fromKm, toKm);
    if (b) onZoom(b);
  };
  return (
    <aside className="panel trace-panel" aria-labelledby="trace-title" data-testid="trace-panel">
      <PanelHead id="trace-title" title={t('trace.title')} closeLabel={t('trace.clear')} onClose={onClose} />
      {running && (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('trace.running')}
        </p>
      )}
      <ErrorNote message={error} />
      {trace && !running && (
        <>
          <p className="total">
            {t('trace.total')}: <strong data-testid="trace-length">{km(trace.lengthKm)}</strong>
          </p>
          {trace.snap.connection?.kind !== 'assumed' && (
            <p
              className={snapWarning(trace.snap.distanceKm) ? 'warning' : 'muted'}
              role={snapWarning(trace.snap.distanceKm) ? 'alert' : undefined}
            >
              {snapWarning(trace.snap.distanceKm)
                ? t('trace.snapWarn', { km: km(trace.snap.distanceKm) })
                : t('trace.snap', {
                    river: river(trace.snap.river ?? trace.snap.connection?.via) ?? t('trace.unnamed'),
                    km: km(trace.snap.distanceKm),
                  })}
            </p>
          )}
          {traceNotes(trace).map((n) => (
            <p
              key={n.key}
              className="warning"
              role="alert"
              // The server's own words are English: a tooltip only when the UI is English too.
              title={lang.startsWith('en') ? n.detail : undefined}
              data-testid="trace-note"
            >
              {t(`trace.${n.key}`, {
                ...n.values,
                ...(typeof n.values.km === 'number' ? { km: km(n.values.km) } : {}),
                ...(typeof n.values.river === 'string' && n.values.river
                  ? { river: river(n.values.river) ?? n.values.river }
                  : {}),
              })}
            </p>
          ))}
          {trace.truncated && <p className="warning">{t('trace.truncated')}</p>}
          {onRelease && (
            <ReleaseSection
              trace={trace}
              release={release ?? null}
              onRelease={onRelease}
              onPlume={onPlume}
              onFollow={onFollow}
            />
          )}
          <h3>{t('trace.countries')}</h3>
          <ol className="trace-list" data-testid="trace-countries">
            {trace.countries.map((c) => (
              <li key={`${c.iso3}-${c.entryKm}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => zoom(c.entryKm, c.exitKm, (p) => p.country === c.iso3)}
                  aria-label={t('trace.zoomTo', { name: country(c.iso3, c.name) })}
                >
                  <span className="swatch" style={{ background: colors.get(c.iso3) }} aria-hidden="true" />
                  <span data-iso3={c.iso3}>{country(c.iso3, c.name)}</span>
                </button>{' '}
                <span className="muted">
                  {range(c.entryKm, c.exitKm)}
                  {c.sharedWith.length > 0 && ` · ${t('trace.shared', { with: c.sharedWith.join(', ') })}`}
                </span>
              </li>
            ))}
          </ol>
          <h3>{t('trace.rivers')}</h3>
          <ol className="trace-list" data-testid="trace-rivers">
            {trace.rivers.map((r) => (
              <li key={`${r.name}-${r.fromKm}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => zoom(r.fromKm, r.toKm, (p) => p.river === r.name)}
                  aria-label={t('trace.zoomTo', { name: r.name || t('trace.unnamed') })}
                  title={r.nameLocal ?? undefined}
                >
                  {(lang.startsWith('ru') && r.nameRu) || r.name || t('trace.unnamed')}
                </button>{' '}
                <span className="muted">{range(r.fromKm, r.toKm)}</span>
              </li>
            ))}
          </ol>
          {trace.crossings.length > 0 && (
            <>
              <h3>{t('trace.borders')}</h3>
              <ul className="trace-list" data-testid="trace-borders">
                {trace.crossings.map((c) => {
                  const text = borderEventText(c);
                  return (
                    <li key={`${c.km}-${c.from}-${c.to}`} data-kind={c.kind ?? 'crossing'}>
                      {t(text.key, text.values)}{' '}
                      <span className="muted">{t('trace.atKm', { km: km(c.km) })}</span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <h3>{t('trace.outlets')}</h3>
          <ul className="trace-list" data-testid="trace-outlets">
            {trace.outlets.map((o) => (
              <li key={`${o.name}-${o.km}`}>
                {water(o.name)}
                {(o.arm ?? o.river) &&
                  ` ${t('trace.viaArm', { arm: o.arm && o.armRu ? inLanguage(lang, o.arm, o.armRu) : river(o.arm ?? o.river) })}`}{' '}
                <span className="muted">{t('trace.atKm', { km: km(o.km) })}</span>
                {o.main && (
                  <>
                    {' '}
                    <span className="badge">{t('trace.mainOutlet')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
