// Planning mode: the planner draws an area (or picks a point) for a proposed development, chooses its
// type, and reads the advice per site and overall (PADHI matrix over KAS-18/HSE consultation zones).
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import {
  DEVELOPMENT_TYPES,
  type DevelopmentType,
  type ReviewResult,
  reviewDevelopment,
} from '../lib/planning-api.js';
import { DrawController, type DrawKind, type DrawResult } from '../map/draw.js';
import './planning.css';
import { fetchReview, type SavedReview } from '../lib/planning-reviews-api.js';
import { showSavedReview } from '../map/planning-layers.js';
import { useCitedZones } from '../map/use-cited-zones.js';
import { whenMap } from '../map/when-map.js';
import { DecidingRuleNote } from './DecidingRuleNote.js';
import { ModeEntry } from './ModeEntry.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import { PlanningPrint } from './PlanningPrint.js';
import { ReviewRecord } from './ReviewRecord.js';
import { SavedReviews } from './SavedReviews.js';

interface Props {
  getMap(): MlMap | null;
  /** The map is in planning mode (clicks go to the drawing, not to site selection). */
  drawing: boolean;
  onDrawing(on: boolean): void;
  onSelectSite(id: string): void;
  onClose(): void;
}

export function PlanningPanel({ getMap, drawing, onDrawing, onSelectSite, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<DevelopmentType>('housing');
  const [name, setName] = useState('');
  const [geometry, setGeometry] = useState<DrawResult | null>(null);
  const [kind, setKind] = useState<DrawKind | null>(null);
  const [vertices, setVertices] = useState(0);
  const [result, setResult] = useState<ReviewResult | null>(null);
  useCitedZones(getMap, result);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ctrl = useRef<DrawController | null>(null);
  // A reopened review shows its stored answer: nothing is recomputed until the planner changes something.
  const [record, setRecord] = useState<{ review: SavedReview; how: 'saved' | 'reopened' } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const live = () => setRecord(null);

  const controller = (): DrawController | null => {
    if (ctrl.current) return ctrl.current;
    const map = getMap();
    if (!map) return null;
    ctrl.current = new DrawController(
      map,
      (g) => {
        setGeometry(g);
        setKind(null);
        onDrawing(false);
      },
      setVertices,
    );
    return ctrl.current;
  };

  // Esc (or another mode) ends drawing from outside; the panel's own close clears the map.
  useEffect(() => {
    if (!drawing) ctrl.current?.stop();
  }, [drawing]);
  useEffect(() => () => ctrl.current?.clear(), []);

  const reopened = record?.how === 'reopened';
  useEffect(() => {
    if (!geometry || reopened) return;
    let stale = false;
    setBusy(true);
    setError(null);
    reviewDevelopment({
      geometry,
      developmentType: type,
      ...(name.trim() ? { name: name.trim() } : {}),
    }).then(
      (r) => {
        if (stale) return;
        setResult(r);
        setBusy(false);
      },
      (e: unknown) => {
        if (stale) return;
        setResult(null);
        setBusy(false);
        setError(e instanceof ApiError ? e.message : t('errors.network'));
      },
    );
    return () => {
      stale = true;
    };
  }, [geometry, type, name, t, reopened]);

  const reopen = (id: string) => {
    setError(null);
    fetchReview(id).then(
      (review) => {
        ctrl.current?.clear();
        setKind(null);
        onDrawing(false);
        setRecord({ review, how: 'reopened' });
        setType(review.request.developmentType);
        setName(review.request.name ?? '');
        setGeometry(review.request.geometry);
        setResult(review.answer);
        whenMap(getMap, (map) => showSavedReview(map, review.request.geometry, review.answer.citedZones));
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('errors.network')),
    );
  };

  const start = (k: DrawKind) => {
    const c = controller();
    if (!c) return;
    live();
    setGeometry(null);
    setResult(null);
    setError(null);
    setVertices(0);
    setKind(k);
    c.start(k);
    onDrawing(true);
  };
  const reviewPoint = (lon: number, lat: number) => {
    live();
    ctrl.current?.clear();
    setKind(null);
    onDrawing(false);
    setResult(null);
    setGeometry({ type: 'Point', coordinates: [lon, lat] });
  };
  const clear = () => {
    live();
    ctrl.current?.clear();
    const map = getMap();
    if (map) showSavedReview(map, null, null);
    setGeometry(null);
    setResult(null);
    setKind(null);
    onDrawing(false);
  };
  const lang = i18n.language;

  return (
    <aside className="panel planning" aria-labelledby="planning-title" data-testid="planning-panel">
      <PanelHead
        id="planning-title"
        title={t('planning.title')}
        closeLabel={t('planning.close')}
        onClose={() => {
          clear();
          onClose();
        }}
      />
      <label className="field">
        <span>{t('planning.type')}</span>
        <select
          data-testid="planning-type"
          value={type}
          onChange={(e) => {
            live();
            setType(e.target.value as DevelopmentType);
          }}
        >
          {DEVELOPMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`planning.types.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('planning.name')}</span>
        <input
          value={name}
          maxLength={200}
          onChange={(e) => {
            live();
            setName(e.target.value);
          }}
        />
      </label>
      <div className="actions">
        <button type="button" aria-pressed={kind === 'polygon'} onClick={() => start('polygon')}>
          {t('planning.drawArea')}
        </button>
        <button type="button" aria-pressed={kind === 'point'} onClick={() => start('point')}>
          {t('planning.pickPoint')}
        </button>
        {kind === 'polygon' && (
          <button type="button" disabled={vertices < 3} onClick={() => ctrl.current?.finish()}>
            {t('planning.finish')}
          </button>
        )}
        <button type="button" onClick={clear} disabled={!geometry && !kind}>
          {t('planning.clear')}
        </button>
      </div>
      {/* issue 13: a point review without the mouse — the map centre or typed coordinates. */}
      <div className="small">
        <ModeEntry
          onCentre={() => {
            const c = getMap()?.getCenter();
            if (c) reviewPoint(c.lng, c.lat);
          }}
          onCoords={reviewPoint}
        />
      </div>
      {kind && (
        <p className="muted" role="status">
          {kind === 'polygon' ? t('planning.hintArea', { n: vertices }) : t('planning.hintPoint')}
        </p>
      )}
      {busy && <p role="status">{t('planning.reviewing')}</p>}
      <ErrorNote message={error} />
      {result && !busy && (
        <section aria-live="polite" data-testid="planning-result">
          <p
            className={`verdict verdict-${result.verdict === 'advise_against' ? 'against' : result.verdict === 'advise_with_conditions' ? 'conditions' : 'ok'}`}
            data-testid="planning-verdict"
            data-verdict={result.verdict}
          >
            {t(`planning.advice.${result.verdict}`)}
          </p>
          {/* issue 13: what the verdict means in plain words, and the rule that decided it, on the page. */}
          <p data-testid="planning-explain">
            {result.verdict === 'advise_against' && result.decidingRule.source === 'water_intake'
              ? t('reviews.intakeAgainst')
              : t(`planningExplain.${result.verdict}`)}
          </p>
          <DecidingRuleNote review={result} lang={lang} />
          <p className="muted">
            {result.sites.length === 0
              ? t('planning.noSites')
              : t('planning.level', { level: result.development.sensitivityLevel })}
          </p>
          {result.sites.length > 0 && (
            <table className="planning-sites">
              <thead>
                <tr>
                  <th>{t('planning.site')}</th>
                  <th>{t('planning.zone')}</th>
                  <th>{t('planning.distanceM')}</th>
                  <th>{t('planning.adviceCol')}</th>
                </tr>
              </thead>
              <tbody>
                {result.sites.map((s) => (
                  <tr key={s.id} data-advice={s.advice} title={s.rule}>
                    <td>
                      <button type="button" className="link" onClick={() => onSelectSite(s.id)}>
                        {s.name}
                      </button>
                    </td>
                    <td>{t(`planning.zones.${s.zone}`)}</td>
                    <td>{formatNumber(Math.round(s.distanceM), lang)}</td>
                    <td>{t(`planning.adviceShort.${s.advice}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.upstream && (
            <>
              <h3>{t('planning.upstream', { hours: result.upstream.maxHours })}</h3>
              {!result.upstream.ok ? (
                <p className="muted">{result.upstream.message}</p>
              ) : result.upstream.sites.length === 0 ? (
                <p className="muted">{t('planning.upstreamNone')}</p>
              ) : (
                <ul data-testid="planning-upstream">
                  {result.upstream.sites.map((s) => (
                    <li key={s.id} data-rule={s.ruleId ?? undefined}>
                      {s.name} —{' '}
                      {t('planning.arrival', {
                        h: formatNumber(s.arrivalH, lang),
                        km: formatNumber(s.riverKm, lang),
                      })}
                      {s.ruleId && (
                        <strong className="rule-fires">
                          {' '}
                          ·{' '}
                          {t(s.ruleId === result.decidingRule.id ? 'reviews.firesDeciding' : 'reviews.fires')}
                        </strong>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <p className="muted small">{t('planning.method')}</p>
          {geometry && (
            <ReviewRecord
              key={record?.review.id ?? 'live'}
              request={{ geometry, developmentType: type, name }}
              record={record}
              onSaved={(review) => {
                setRecord({ review, how: 'saved' });
                // What the server stored (it re-ran the review) is what the panel shows.
                setResult(review.answer);
                setSavedVersion((v) => v + 1);
              }}
              onPrint={() => setPrinting(true)}
            />
          )}
        </section>
      )}
      <SavedReviews version={savedVersion} onOpen={reopen} />
      {printing && record && <PlanningPrint review={record.review} onClose={() => setPrinting(false)} />}
    </aside>
  );
}
