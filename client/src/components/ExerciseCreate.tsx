// The form that creates a table-top exercise from the traced point: name, plan, scenario start (UTC)
// and released mass; the server checks that the scenario traces before keeping it.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Api, ApiError } from '../lib/api.js';
import type { Plan } from '../lib/plans-api.js';
import { ErrorNote } from './PanelHead.js';

export function ExerciseCreate({
  api,
  point,
  onCreated,
}: {
  api: Api;
  point: { lon: number; lat: number } | null;
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
