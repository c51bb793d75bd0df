// Exercise facilitator view: create a table-top exercise from the traced point, play its injects on
// the map with a scenario clock (play, pause, jump to the next inject), record what participants did
// at clock time, and read the after-action report (on time / late / missing) or print it.
import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Api, ApiError } from '../lib/api.js';
import { frontKm, injectTime, nextInjectTime, pathUpTo, utcInput, utcText } from '../lib/exercise-clock.js';
import { bboxOf } from '../lib/format.js';
import type { AfterActionReport, Exercise, ExerciseTimeline, Plan } from '../lib/plans-api.js';
import { canEdit, useSession } from '../lib/session.js';
import { clearExercise, drawExercise } from '../map/exercise-layer.js';
import { whenMap } from '../map/when-map.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import './plans.css';

interface Props {
  api: Api;
  getMap(): MlMap | null;
  point: { lon: number; lat: number } | null;
  onClose(): void;
}

const SPEEDS = [600, 3600, 21600, 86400];
const HOUR = 3_600_000;

function CreateForm({
  api,
  point,
  onCreated,
}: {
  api: Api;
  point: Props['point'];
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<Plan[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.plans().then(
      (r) => setPlans(r.items),
      () => undefined,
    );
  }, [api]);
  if (!point) return <p className="muted">{t('plans.exercise.needPoint')}</p>;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const ex = await api.createExercise({
        name: String(f.get('name')),
        lon: point.lon,
        lat: point.lat,
        releaseKg: Number(f.get('releaseKg')),
        startAt: `${String(f.get('startAt'))}:00Z`,
        plan: String(f.get('plan')),
      });
      onCreated(ex.id);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} data-testid="exercise-create">
      <p className="small">
        {t('plans.exercise.fromPoint', { lon: point.lon.toFixed(4), lat: point.lat.toFixed(4) })}
      </p>
      <label>
        {t('plans.exercise.name')} <input name="name" required maxLength={200} />
      </label>
      <label>
        {t('plans.exercise.plan')}{' '}
        <select name="plan" required>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('plans.exercise.startAt')} <input name="startAt" type="datetime-local" required />
      </label>
      <label>
        {t('plans.exercise.releaseKg')}{' '}
        <input name="releaseKg" type="number" min="0" step="any" required defaultValue={1000} />
      </label>
      <button type="submit" className="primary">
        {t('plans.exercise.create')}
      </button>
      <ErrorNote message={error} />
    </form>
  );
}

function Facilitator({ api, getMap, id }: { api: Api; getMap: Props['getMap']; id: string }) {
  const { t } = useTranslation();
  const editor = canEdit(useSession());
  const [ex, setEx] = useState<Exercise | null>(null);
  const [tl, setTl] = useState<ExerciseTimeline | null>(null);
  const [clock, setClock] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(SPEEDS[1]!);
  const [report, setReport] = useState<AfterActionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reloadExercise = useCallback(() => {
    api.exercise(id).then(setEx, (e: unknown) => setError(String(e)));
  }, [api, id]);
  useEffect(() => {
    reloadExercise();
    api.exerciseTimeline(id).then(
      (x) => {
        setTl(x);
        setClock(Date.parse(x.startAt));
        // The facilitator sees the whole path the exercise plays on.
        const b = bboxOf(x.path.features.flatMap((f) => f.geometry.coordinates));
        if (b)
          whenMap(getMap, (map) =>
            map.fitBounds(
              [
                [b[0], b[1]],
                [b[2], b[3]],
              ],
              { padding: 40, duration: 0 },
            ),
          );
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [api, id, reloadExercise, getMap]);

  // The clock runs in scenario time: `speed` scenario seconds per real second.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setClock((c) => c + (speed * 1000) / 4), 250);
    return () => clearInterval(timer);
  }, [playing, speed]);

  const start = tl ? Date.parse(tl.startAt) : 0;
  const km = tl ? frontKm(tl.profile, (clock - start) / HOUR) : 0;
  const mapData = useMemo(() => {
    if (!tl) return null;
    const stations: FeatureCollection = {
      type: 'FeatureCollection',
      features: tl.notifications.flatMap((n) =>
        n.kind === 'station'
          ? [
              {
                type: 'Feature' as const,
                geometry: { type: 'Point' as const, coordinates: [n.lon, n.lat] },
                properties: { name: n.name, reached: Date.parse(n.arrivalAt.probable) <= clock },
              },
            ]
          : [],
      ),
    };
    return { path: tl.path as FeatureCollection, front: pathUpTo(tl.path, km), stations };
  }, [tl, km, clock]);
  useEffect(() => {
    if (!mapData) return;
    return whenMap(getMap, (map) => drawExercise(map, mapData));
  }, [getMap, mapData]);
  useEffect(
    () => () => {
      const map = getMap();
      if (map) clearExercise(map);
    },
    [getMap],
  );

  if (error) return <ErrorNote message={error} />;
  if (!tl || !ex) return <p className="muted">…</p>;
  const next = nextInjectTime(tl.injects, clock);
  const countries = tl.notifications.flatMap((n) => (n.kind === 'country' ? [n] : []));
  const stations = tl.notifications.flatMap((n) => (n.kind === 'station' ? [n] : []));

  const record = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kind = String(f.get('kind'));
    try {
      await api.addAction(id, {
        kind,
        at: new Date(clock).toISOString(),
        iso3: kind === 'notification_sent' ? String(f.get('iso3')) : null,
        stationId: kind === 'station_sampled' ? String(f.get('stationId')) : null,
        note: String(f.get('note') ?? '').trim() || null,
      });
      reloadExercise();
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <div data-testid="exercise-facilitator">
      <h3>{ex.name}</h3>
      <p>
        {t('plans.exercise.clock')}:{' '}
        <span className="clock" data-testid="exercise-clock">
          {utcText(clock)}
        </span>{' '}
        <span className="muted small">(+{((clock - start) / HOUR).toFixed(1)} h)</span>
      </p>
      <div className="clock-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="clock-play">
          {playing ? t('plans.exercise.pause') : t('plans.exercise.play')}
        </button>
        <button
          type="button"
          disabled={next === null}
          onClick={() => next !== null && setClock(next)}
          data-testid="clock-next"
        >
          {t('plans.exercise.next')}
        </button>
        <button type="button" onClick={() => setClock(start)}>
          {t('plans.exercise.reset')}
        </button>
        <label>
          {t('plans.exercise.speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s / 3600} h/s
              </option>
            ))}
          </select>
        </label>
        <input
          type="datetime-local"
          aria-label={t('plans.exercise.clock')}
          value={utcInput(clock)}
          onChange={(e) => e.target.value && setClock(Date.parse(`${e.target.value}:00Z`))}
        />
      </div>
      <h4>{t('plans.exercise.injects')}</h4>
      <ol className="injects" data-testid="exercise-injects">
        {tl.injects.map((i) => (
          <li
            key={`${i.kind}-${i.at}-${'iso3' in i ? i.iso3 : 'stationId' in i ? i.stationId : ''}`}
            className={injectTime(i) <= clock ? 'past' : ''}
            data-kind={i.kind}
          >
            <span className="small">{utcText(injectTime(i))}</span>{' '}
            {t(`plans.exercise.injectKinds.${i.kind}`)}
            {'iso3' in i ? ` ${i.iso3}` : ''}
            {'name' in i && i.kind === 'station_detection' ? ` ${i.name}` : ''}
          </li>
        ))}
      </ol>
      {editor && (
        <form onSubmit={record} data-testid="exercise-action">
          <h4>{t('plans.exercise.log')}</h4>
          <label>
            {t('plans.exercise.actionKind')}{' '}
            <select name="kind">
              {(['notification_sent', 'station_sampled', 'other'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`plans.exercise.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.exercise.country')}{' '}
            <select name="iso3">
              {countries.map((c) => (
                <option key={c.iso3} value={c.iso3}>
                  {c.iso3}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.exercise.stationField')}{' '}
            <select name="stationId">
              {stations.map((s) => (
                <option key={s.stationId} value={s.stationId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plans.exercise.note')} <input name="note" maxLength={2000} />
          </label>
          <button type="submit">{t('plans.exercise.record')}</button>
        </form>
      )}
      <ul className="small" data-testid="exercise-log">
        {(ex.actions ?? []).map((a) => (
          <li key={a.id}>
            {utcText(Date.parse(a.at))} {t(`plans.exercise.kinds.${a.kind}`)} {a.iso3 ?? a.stationId ?? ''}{' '}
            {a.note ?? ''}
          </li>
        ))}
      </ul>
      <h4>{t('plans.exercise.report')}</h4>
      <button
        type="button"
        onClick={() => api.exerciseReport(id).then(setReport, (e: unknown) => setError(String(e)))}
        data-testid="report-show"
      >
        {t('plans.exercise.showReport')}
      </button>{' '}
      <a
        href={`/api/exercises/${encodeURIComponent(id)}/report?format=html`}
        target="_blank"
        rel="noreferrer"
      >
        {t('plans.exercise.printable')}
      </a>
      {report && (
        <table className="small" data-testid="exercise-report">
          <thead>
            <tr>
              <th>{t('plans.exercise.actionKind')}</th>
              <th>{t('plans.exercise.deadline')}</th>
              <th>{t('plans.exercise.done')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {report.items.map((it) => (
              <tr key={`${it.label}-${it.deadline}`} data-verdict={it.verdict}>
                <td>{it.label}</td>
                <td>{utcText(Date.parse(it.deadline))}</td>
                <td>{it.doneAt ? utcText(Date.parse(it.doneAt)) : '—'}</td>
                <td className={`verdict-${it.verdict}`}>{t(`plans.exercise.verdicts.${it.verdict}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ExercisePanel({ api, getMap, point, onClose }: Props) {
  const { t } = useTranslation();
  const editor = canEdit(useSession());
  const [openId, setOpenId] = useState<string | null>(null);
  const [list, setList] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    api.exercises().then(
      (r) => setList(r.items),
      () => undefined,
    );
  }, [api]);
  return (
    <aside className="panel exercise-panel" aria-labelledby="exercise-title" data-testid="exercise-panel">
      <PanelHead
        id="exercise-title"
        title={t('plans.exercise.title')}
        closeLabel={t('plans.cancel')}
        onClose={onClose}
      />
      {openId ? (
        <Facilitator key={openId} api={api} getMap={getMap} id={openId} />
      ) : (
        <>
          {editor && <CreateForm api={api} point={point} onCreated={setOpenId} />}
          {list.length > 0 && <h3>{t('plans.exercise.list')}</h3>}
          <ul>
            {list.map((x) => (
              <li key={x.id}>
                <button type="button" className="link" onClick={() => setOpenId(x.id)}>
                  {x.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
