// Create/edit form for a site. Validation is the server's: its field issues appear next to fields.
import type { Map as MlMap } from 'maplibre-gl';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/api.js';
import {
  DAM_RAISE_TYPES,
  FLOOD_EXPOSURES,
  SECTORS,
  SEISMIC_EXPOSURES,
  SITE_KINDS,
  SITE_STATUSES,
  TOXIC_CONSTITUENTS,
} from '../../../shared/codes.js';
import { ApiError } from '../lib/api.js';
import { bodyFromForm, formFromSite, issuesByField, type SiteFormState } from '../lib/site-form.js';
import { useDraftMarker } from '../map/useDraftMarker.js';
import { ErrorNote } from './PanelHead.js';
import { RiverWarning, useRiverCheck } from './RiverWarning.js';

interface Props {
  site: Site | null;
  at?: { lon: number; lat: number } | undefined;
  /** The map, for the draggable marker at the site's coordinates. */
  getMap?: () => MlMap | null;
  /** Rivers by name (the place finder), to warn about a receiving river the network does not know. */
  findRivers?: (q: string) => Promise<string[]>;
  onSubmit(body: Record<string, unknown>): Promise<void>;
  onCancel(): void;
}

export function SiteForm({ site, at, getMap, findRivers, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [f, setF] = useState<SiteFormState>(() => formFromSite(site, at));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<SiteFormState>) => setF((prev) => ({ ...prev, ...patch }));
  const point = coordsOf(f.lon, f.lat);
  useDraftMarker(
    getMap,
    point,
    (lon, lat) => set({ lon: lon.toFixed(5), lat: lat.toFixed(5) }),
    t('form.markerHint'),
  );
  const river = useRiverCheck(findRivers);

  const field = (
    id: string,
    label: string,
    input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode,
  ) => {
    const err = errors.get(id);
    return (
      <div className="field">
        <label htmlFor={`f-${id}`}>{label}</label>
        {input({
          id: `f-${id}`,
          ...(err ? { 'aria-invalid': true, 'aria-describedby': `f-${id}-err` } : {}),
        })}
        {err && (
          <p id={`f-${id}-err`} className="field-error" data-field={id}>
            {err}
          </p>
        )}
      </div>
    );
  };
  const text = (
    key: 'name' | 'nameLocal' | 'operator' | 'lon' | 'lat' | 'receivingRiver' | 'sourceTitle' | 'sourceUrl',
    type = 'text',
    onBlur?: () => void,
  ) =>
    field(key, t(`form.${key}`), (p) => (
      <input
        {...p}
        onBlur={onBlur}
        type={type}
        step={type === 'number' ? 'any' : undefined}
        value={f[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    ));
  const choice = (key: 'kind' | 'sector' | 'status', values: readonly string[]) =>
    field(key, t(`site.${key}`), (p) => (
      <select {...p} value={f[key]} onChange={(e) => set({ [key]: e.target.value })}>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${key}.${v}`)}
          </option>
        ))}
      </select>
    ));
  const tmfText = (
    key: 'volumeM3' | 'areaHa' | 'maxDamHeightM' | 'material' | 'yearCommissioned' | 'lastIndependentReview',
    type = 'number',
  ) =>
    field(`tmf.${key}`, t(`form.${key}`), (p) => (
      <input
        {...p}
        type={type}
        step="any"
        value={f.tmf[key]}
        onChange={(e) => set({ tmf: { ...f.tmf, [key]: e.target.value } })}
      />
    ));
  const tmfChoice = (key: 'damRaiseType' | 'floodExposure' | 'seismicExposure', values: readonly string[]) =>
    field(`tmf.${key}`, t(`form.${key}`), (p) => (
      <select {...p} value={f.tmf[key]} onChange={(e) => set({ tmf: { ...f.tmf, [key]: e.target.value } })}>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`values.${v}`)}
          </option>
        ))}
      </select>
    ));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      await onSubmit(bodyFromForm(f, site));
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(issuesByField(err.fieldIssues));
        setMessage(
          err.code === 'CONFLICT'
            ? t('form.conflict')
            : err.fieldIssues.length
              ? t('form.errors')
              : err.message,
        );
      } else setMessage(t('errors.network'));
    } finally {
      setSaving(false);
    }
  };

  const substance = (
    i: number,
    key: 'name' | 'casNumber' | 'annexICategory' | 'quantityTonnes',
    label: string,
  ) =>
    field(`substances.${i}.${key}`, label, (p) => (
      <input
        {...p}
        type={key === 'quantityTonnes' ? 'number' : 'text'}
        step="any"
        value={f.substances[i]?.[key] ?? ''}
        onChange={(e) =>
          set({ substances: f.substances.map((s, j) => (j === i ? { ...s, [key]: e.target.value } : s)) })
        }
      />
    ));

  return (
    <aside className="panel" aria-labelledby="form-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="panel-head">
          <h2 id="form-title">{site ? t('form.editTitle') : t('form.newTitle')}</h2>
        </div>
        <ErrorNote message={message} />
        {text('name')}
        {text('nameLocal')}
        {choice('kind', SITE_KINDS)}
        {choice('sector', SECTORS)}
        {choice('status', SITE_STATUSES)}
        {text('operator')}
        <div className="row">
          {text('lon', 'number')}
          {text('lat', 'number')}
        </div>
        {getMap && point && <p className="muted small">{t('form.markerHint')}</p>}
        {text('receivingRiver', 'text', () => river.check(f.receivingRiver))}
        <RiverWarning
          state={river.state}
          onChoose={(name) => {
            set({ receivingRiver: name });
            river.clear();
          }}
        />
        {text('sourceTitle')}
        {text('sourceUrl', 'url')}
        {field('notes', t('form.notes'), (p) => (
          <textarea {...p} value={f.notes} onChange={(e) => set({ notes: e.target.value })} />
        ))}
        <fieldset>
          <legend>{t('form.substances')}</legend>
          {f.substances.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and keep their order
            <div key={i} className="substance-row">
              {substance(i, 'name', t('site.substance'))}
              {substance(i, 'casNumber', t('form.casNumber'))}
              {substance(i, 'annexICategory', t('form.annexICategory'))}
              {substance(i, 'quantityTonnes', t('site.quantity'))}
              {field(`substances.${i}.wgk`, t('site.wgk'), (p) => (
                <select
                  {...p}
                  value={s.wgk}
                  onChange={(e) =>
                    set({
                      substances: f.substances.map((x, j) => (j === i ? { ...x, wgk: e.target.value } : x)),
                    })
                  }
                >
                  <option value="">{t('values.none')}</option>
                  <option value="1">1</option>
                  <option value="2">2</option>
                  <option value="3">3</option>
                  <option value="nwg">{t('values.nwg')}</option>
                </select>
              ))}
              <label>
                <input
                  type="checkbox"
                  checked={s.estimate}
                  onChange={(e) =>
                    set({
                      substances: f.substances.map((x, j) =>
                        j === i ? { ...x, estimate: e.target.checked } : x,
                      ),
                    })
                  }
                />{' '}
                {t('form.estimate')}
              </label>
              <button
                type="button"
                className="link"
                onClick={() => set({ substances: f.substances.filter((_, j) => j !== i) })}
              >
                {t('form.removeSubstance')}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              set({
                substances: [
                  ...f.substances,
                  {
                    name: '',
                    casNumber: '',
                    annexICategory: '',
                    quantityTonnes: '',
                    wgk: '',
                    estimate: false,
                  },
                ],
              })
            }
          >
            {t('form.addSubstance')}
          </button>
        </fieldset>
        {f.kind === 'tmf' && (
          <fieldset>
            <legend>{t('form.tmf')}</legend>
            {tmfText('volumeM3')}
            {tmfText('areaHa')}
            {tmfText('maxDamHeightM')}
            {tmfChoice('damRaiseType', DAM_RAISE_TYPES)}
            {tmfText('material', 'text')}
            <fieldset>
              <legend>{t('form.toxicConstituents')}</legend>
              {TOXIC_CONSTITUENTS.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    checked={f.tmf.toxicConstituents.includes(c)}
                    onChange={(e) =>
                      set({
                        tmf: {
                          ...f.tmf,
                          toxicConstituents: e.target.checked
                            ? [...f.tmf.toxicConstituents, c]
                            : f.tmf.toxicConstituents.filter((x) => x !== c),
                        },
                      })
                    }
                  />{' '}
                  {t(`values.${c}`)}
                </label>
              ))}
            </fieldset>
            {tmfText('yearCommissioned')}
            {tmfText('lastIndependentReview', 'date')}
            <label className="check">
              <input
                type="checkbox"
                checked={f.tmf.emergencyPlan}
                onChange={(e) => set({ tmf: { ...f.tmf, emergencyPlan: e.target.checked } })}
              />{' '}
              {t('form.emergencyPlan')}
            </label>
            {tmfChoice('floodExposure', FLOOD_EXPOSURES)}
            {tmfChoice('seismicExposure', SEISMIC_EXPOSURES)}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </aside>
  );
}

/** The form's coordinates as numbers when both are valid WGS84 values, else null. */
function coordsOf(lonText: string, latText: string): { lon: number; lat: number } | null {
  if (lonText.trim() === '' || latText.trim() === '') return null;
  const lon = Number(lonText);
  const lat = Number(latText);
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? { lon, lat } : null;
}
