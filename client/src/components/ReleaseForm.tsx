// Release scenario form in the trace panel: mass (or volume × concentration), substance, decay,
// discharge factor and limit; submitting re-runs the trace with arrival times and concentrations.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../lib/plans-api.js';
import type { ReleaseParams } from '../lib/release.js';
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
const toLocalInput = (iso: string) => new Date(iso).toISOString().slice(0, 16);

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
  // Release time (UTC, as datetime-local shows it) and plan: with a time the trace adds the timeline.
  const [releasedAt, setReleasedAt] = useState(release?.releasedAt ? toLocalInput(release.releasedAt) : '');
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
        ? { releaseKg: num('releaseKg') }
        : {
            releaseVolumeM3: num('releaseVolumeM3'),
            releaseConcentrationMgL: num('releaseConcentrationMgL'),
          }),
      substance: substance.trim() || undefined,
      decayPerDay: num('decayPerDay'),
      dischargeFactor: num('dischargeFactor'),
      limitMgL: num('limitMgL'),
      releasedAt: releasedAt ? `${releasedAt}:00Z` : undefined,
      plan: releasedAt && plan ? plan : undefined,
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
          <label key={f.key}>
            <span>{t(`release.${f.key}`)}</span>
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
        ))}
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
          <span>{t('plans.releasedAt')}</span>
          <input
            type="datetime-local"
            name="releasedAt"
            value={releasedAt}
            onChange={(e) => setReleasedAt(e.target.value.slice(0, 16))}
          />
        </label>
        <label>
          <span>{t('plans.planSelect')}</span>
          <select name="plan" value={plan} onChange={(e) => setPlan(e.target.value)} disabled={!releasedAt}>
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
