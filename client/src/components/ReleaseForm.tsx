// Release scenario form in the trace panel: mass in kg or t (or volume × concentration), substance,
// decay, discharge factor, limit and the release date-time; submitting re-runs the trace with arrival
// times and concentrations (the date-time only turns arrival hours into clock times).
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const [releaseAt, setReleaseAt] = useState(release?.releaseAt ?? '');
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
