// Location screening of the register: border screening (sites that may need transboundary notification)
// and natech screening (sites in a flood zone or near a river), each with its parameters; a site name
// selects the site on the map, as in the site list.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENING_LIMITS } from '../../../shared/limits.js';
import type { Api } from '../lib/api.js';
import { formatKm, formatNumber } from '../lib/format.js';
import {
  type BorderScreening,
  type NatechScreening,
  parseScreeningParam,
  reasonText,
  type ScreeningParam,
} from '../lib/screening.js';
import { useRemote } from '../lib/use-remote.js';
import './receptors.css';
import { DataTable } from './DataTable.js';
import { ErrorNote, PanelHead } from './PanelHead.js';

type Tab = 'border' | 'natech';

interface Props {
  api: Api;
  selectedId: string | undefined;
  /** Receptor layers' version: an imported or deleted flood zone changes the natech answer. */
  receptorsVersion: number;
  onSelectSite(id: string): void;
  onClose(): void;
}

/** A number field for one screening parameter; empty means the server's default. */
function ParamField(p: {
  param: ScreeningParam;
  label: string;
  value: string;
  placeholder: string;
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  const { min, max } = SCREENING_LIMITS[p.param];
  const invalid = parseScreeningParam(p.value, p.param) === null;
  const id = `screening-${p.param}`;
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        value={p.value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-err` : undefined}
        placeholder={p.placeholder}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {invalid && (
        <p id={`${id}-err`} className="field-error">
          {t('screening.range', { min, max })}
        </p>
      )}
    </div>
  );
}

export function ScreeningPanel({ api, selectedId, receptorsVersion, onSelectSite, onClose }: Props) {
  const { t, i18n } = useTranslation();
  // Opened from the header: keyboard users land in the panel, not back at the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const lang = i18n.language;
  const [tab, setTab] = useState<Tab>('border');
  const [withinKm, setWithinKm] = useState('50');
  const [borderWithinKm, setBorderWithinKm] = useState('');
  const [riverWithinM, setRiverWithinM] = useState('500');

  const w = parseScreeningParam(withinKm, 'withinKm');
  const bw = parseScreeningParam(borderWithinKm, 'borderWithinKm');
  const rw = parseScreeningParam(riverWithinM, 'riverWithinM');
  // Fetched when the parameters are valid, debounced so typing doesn't fire a request per key.
  const border = useRemote<BorderScreening>(
    (s) => api.borderScreening({ withinKm: w ?? undefined, borderWithinKm: bw ?? undefined }, s),
    `${w}|${bw}`,
    { enabled: tab === 'border' && w !== null && bw !== null, delayMs: 300 },
  );
  const natech = useRemote<NatechScreening>(
    (s) => api.natechScreening({ riverWithinM: rw ?? undefined }, s),
    `${rw}|${receptorsVersion}`,
    { enabled: tab === 'natech' && rw !== null, delayMs: 300 },
  );
  const current = tab === 'border' ? border : natech;

  const siteButton = (id: string, name: string) => (
    <button type="button" className="link" onClick={() => onSelectSite(id)} aria-current={id === selectedId}>
      {name}
    </button>
  );
  const reasons = (list: Parameters<typeof reasonText>[0][]) => (
    <ul className="screening-reasons">
      {list.map((r, i) => {
        const { key, values } = reasonText(r);
        const shown = Object.fromEntries(
          Object.entries(values).map(([k, v]) => [
            k,
            typeof v === 'number' ? formatNumber(v, lang, 1) : v || t('screening.unnamedRiver'),
          ]),
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id and never reorder
          <li key={i} title={r.message} data-code={r.code}>
            {t(key, shown)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <aside className="panel screening-panel" aria-labelledby="screening-title" data-testid="screening-panel">
      <PanelHead
        id="screening-title"
        title={t('screening.title')}
        closeLabel={t('screening.close')}
        onClose={onClose}
        headingRef={heading}
      />
      <fieldset className="screening-tabs">
        <legend className="sr-only">{t('screening.which')}</legend>
        {(['border', 'natech'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => setTab(k)}>
            {t(`screening.tabs.${k}`)}
          </button>
        ))}
      </fieldset>
      <p className="muted small">{t(`screening.about.${tab}`)}</p>
      {tab === 'border' ? (
        <div className="row">
          <ParamField
            param="withinKm"
            label={t('screening.withinKm')}
            value={withinKm}
            placeholder="50"
            onChange={setWithinKm}
          />
          <ParamField
            param="borderWithinKm"
            label={t('screening.borderWithinKm')}
            value={borderWithinKm}
            placeholder={t('screening.sameAsWithin')}
            onChange={setBorderWithinKm}
          />
        </div>
      ) : (
        <ParamField
          param="riverWithinM"
          label={t('screening.riverWithinM')}
          value={riverWithinM}
          placeholder="500"
          onChange={setRiverWithinM}
        />
      )}
      {current.loading && <p role="status">{t('screening.loading')}</p>}
      <ErrorNote message={current.error} />
      {tab === 'border' && border.data && (
        <section aria-live="polite" data-testid="screening-border">
          <p data-testid="screening-summary">
            {t('screening.summary', { total: border.data.total, screened: border.data.screened })}
          </p>
          {border.data.sites.length > 0 && (
            <DataTable
              className="screening-table"
              caption={t('screening.tabs.border')}
              captionClassName="sr-only"
              rows={border.data.sites}
              rowKey={(s) => s.id}
              rowProps={(s) => ({
                'data-site': s.name,
                className: s.id === selectedId ? 'selected' : undefined,
              })}
              columns={[
                {
                  id: 'site',
                  header: t('screening.siteAndReasons'),
                  cell: (s) => (
                    <>
                      {siteButton(s.id, s.name)}
                      <span className="muted"> {s.country ?? ''}</span>
                      {reasons(s.reasons)}
                      {s.affectedCountries.length > 0 && (
                        <div className="muted small">
                          {t('screening.notify', { list: s.affectedCountries.join(', ') })}
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  id: 'land',
                  header: t('screening.toLandBorder'),
                  className: 'num',
                  cell: (s) => (s.distanceToBorderKm === null ? '—' : formatKm(s.distanceToBorderKm, lang)),
                },
                {
                  id: 'river',
                  header: t('screening.riverToBorder'),
                  className: 'num',
                  cell: (s) => (s.kmToFirstBorder === null ? '—' : formatKm(s.kmToFirstBorder, lang)),
                },
              ]}
            />
          )}
        </section>
      )}
      {tab === 'natech' && natech.data && (
        <section aria-live="polite" data-testid="screening-natech">
          <p data-testid="screening-summary">
            {t('screening.summary', { total: natech.data.total, screened: natech.data.screened })}
          </p>
          {natech.data.sites.length > 0 && (
            <DataTable
              className="screening-table"
              caption={t('screening.tabs.natech')}
              captionClassName="sr-only"
              rows={natech.data.sites}
              rowKey={(s) => s.id}
              rowProps={(s) => ({
                'data-site': s.name,
                className: s.id === selectedId ? 'selected' : undefined,
              })}
              columns={[
                {
                  id: 'site',
                  header: t('screening.site'),
                  cell: (s) => (
                    <>
                      {siteButton(s.id, s.name)}
                      <span className="muted"> {s.country ?? ''}</span>
                    </>
                  ),
                },
                { id: 'reasons', header: t('screening.reasonsCol'), cell: (s) => reasons(s.reasons) },
              ]}
            />
          )}
        </section>
      )}
    </aside>
  );
}
