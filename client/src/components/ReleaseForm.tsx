// Release scenario form in the trace panel: mass in kg or t (or volume × concentration), substance,
// decay, discharge factor, limit, the release date-time and a contingency plan; submitting re-runs the
// trace with arrival times and concentrations, their clock times, and the plan's notification timeline.
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../lib/plans-api.js';
import type { ReleaseParams } from '../lib/release.js';
import { MASS_UNITS, type MassUnit, massToKg } from '../lib/release-format.js';
import { ErrorNote } from './PanelHead.js';

interface Props {
  release: ReleaseParams | null;
  onRelease(r: ReleaseParams | null): void;
}

type Field =
  | 'releaseKg'
  | 'releaseVolumeM3'
  | 'releaseConcentrationMgL'
  | 'decayPerDay'
  | 'dischargeFactor'
  | 'limitMgL';
type Amount = 'mass' | 'volume';
const AMOUNT_FIELDS: Record<Amount, Field[]> = {
  mass: ['releaseKg'],
  volume: ['releaseVolumeM3', 'releaseConcentrationMgL'],
};
const NUMBER_FIELDS: { key: Field; step: string; min: string; max: string }[] = [
  { key: 'releaseKg', step: 'any', min: '0', max: '1000000000' },
  { key: 'releaseVolumeM3', step: 'any', min: '0', max: '1000000000' },
  { key: 'releaseConcentrationMgL', step: 'any', min: '0', max: '1000000' },
  { key: 'decayPerDay', step: 'any', min: '0', max: '100' },
  { key: 'dischargeFactor', step: 'any', min: '0.01', max: '10' },
  { key: 'limitMgL', step: 'any', min: '0', max: '1000000' },
];

const text = (v: number | undefined) => (v === undefined ? '' : String(v));
/** "2026-03-01T06:00:00Z" → "2026-03-01T06:00" (the datetime-local field, read as UTC). */
/** An instant as a datetime-local value in the browser's time zone. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function usePlanList(): Plan[] {
  const [plans, setPlans] = useState<Plan[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    fetch('/api/plans?limit=500', { signal: ctrl.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ items: Plan[] }>) : { items: [] }))
      .then(
        (b) => setPlans(b.items),
        () => undefined,
      );
    return () => ctrl.abort();
  }, []);
  return plans;
}

export function ReleaseForm({ release, onRelease }: Props) {
  const { t } = useTranslation();
  // A release from a permalink may be given as volume × concentration.
  const [amount, setAmount] = useState<Amount>(
    release?.releaseKg === undefined && release?.releaseVolumeM3 !== undefined ? 'volume' : 'mass',
  );
  const [values, setValues] = useState<Record<Field, string>>({
    releaseKg: text(release?.releaseKg ?? 10000),
    releaseVolumeM3: text(release?.releaseVolumeM3),
    releaseConcentrationMgL: text(release?.releaseConcentrationMgL),
    decayPerDay: text(release?.decayPerDay),
    dischargeFactor: text(release?.dischargeFactor ?? 1),
    limitMgL: text(release?.limitMgL),
  });
  const [substance, setSubstance] = useState(release?.substance ?? '');
  const [massUnit, setMassUnit] = useState<MassUnit>('kg');
  // One release time, entered in the browser's time zone: it gives the arrival clock times and, sent to
  // the server as an instant (releasedAt), the plan's notification timeline.
  const [releaseAt, setReleaseAt] = useState(
    release?.releaseAt ?? (release?.releasedAt ? toLocalInput(release.releasedAt) : ''),
  );
  const [plan, setPlan] = useState(release?.plan ?? '');
  const plans = usePlanList();
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const num = (k: Field) => (values[k].trim() === '' ? undefined : Number(values[k]));
    if (!AMOUNT_FIELDS[amount].every((k) => (num(k) ?? 0) > 0)) {
      setError(t(amount === 'mass' ? 'release.invalid' : 'release.invalidVolume'));
      return;
    }
    setError(null);
    onRelease({
      ...(amount === 'mass'
        ? { releaseKg: massToKg(num('releaseKg') ?? 0, massUnit) }
        : {
            releaseVolumeM3: num('releaseVolumeM3'),
            releaseConcentrationMgL: num('releaseConcentrationMgL'),
          }),
      substance: substance.trim() || undefined,
      decayPerDay: num('decayPerDay'),
      dischargeFactor: num('dischargeFactor'),
      limitMgL: num('limitMgL'),
      releaseAt: releaseAt || undefined,
      releasedAt: releaseAt ? new Date(releaseAt).toISOString() : undefined,
      plan: releaseAt && plan ? plan : undefined,
    });
  };

  return (
    <form
      className="release-form"
      onSubmit={submit}
      aria-labelledby="release-title"
      data-testid="release-form"
    >
      <h3 id="release-title">{t('release.title')}</h3>
      <div className="release-grid">
        <label>
          <span>{t('release.amount')}</span>
          <select name="amount" value={amount} onChange={(e) => setAmount(e.target.value as Amount)}>
            <option value="mass">{t('release.amountMass')}</option>
            <option value="volume">{t('release.amountVolume')}</option>
          </select>
        </label>
        {NUMBER_FIELDS.filter(
          (f) => !AMOUNT_FIELDS[amount === 'mass' ? 'volume' : 'mass'].includes(f.key),
        ).map((f) => (
          <Fragment key={f.key}>
            <label className={f.key === 'releaseKg' ? 'release-mass' : undefined}>
              <span>
                {f.key === 'releaseKg'
                  ? t('release.releaseMass', { unit: t(`release.massUnitShort.${massUnit}`) })
                  : t(`release.${f.key}`)}
              </span>
              <input
                type="number"
                name={f.key}
                inputMode="decimal"
                step={f.step}
                min={f.min}
                max={f.max}
                required={AMOUNT_FIELDS[amount].includes(f.key)}
                value={values[f.key]}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              />
            </label>
            {f.key === 'releaseKg' && (
              <label>
                <span>{t('release.massUnit')}</span>
                <select
                  name="massUnit"
                  value={massUnit}
                  onChange={(e) => setMassUnit(e.target.value as MassUnit)}
                >
                  {MASS_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`release.massUnits.${u}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </Fragment>
        ))}
        <label>
          <span>{t('release.releaseAt')}</span>
          <input
            type="datetime-local"
            name="releaseAt"
            value={releaseAt}
            onChange={(e) => setReleaseAt(e.target.value)}
          />
        </label>
        <label>
          <span>{t('release.substance')}</span>
          <input
            type="text"
            name="substance"
            maxLength={120}
            value={substance}
            onChange={(e) => setSubstance(e.target.value)}
          />
        </label>
        <label>
          <span>{t('plans.planSelect')}</span>
          <select name="plan" value={plan} onChange={(e) => setPlan(e.target.value)} disabled={!releaseAt}>
            <option value="">{t('plans.planAuto')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote message={error} />
      <div className="release-actions">
        <button type="submit" className="primary">
          {t('release.run')}
        </button>
        {release && (
          <button type="button" onClick={() => onRelease(null)}>
            {t('release.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
