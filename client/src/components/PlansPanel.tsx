// Joint contingency plans: each plan's countries, river systems, notification rule (marked when it is
// an example), documents and contact points (shown only when logged in); editors create, edit the
// rule and delete plans (with the version they read) and add contact points.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Api, ApiError } from '../lib/api.js';
import type { Contact, Plan } from '../lib/plans-api.js';
import { canEdit, useSession } from '../lib/session.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import './plans.css';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function RuleText({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const r = plan.rule;
  return (
    <>
      {r.immediateAboveMgL === null
        ? t('plans.ruleNoLimit', { h: r.leadTimeH })
        : t('plans.ruleText', { h: r.leadTimeH, w: r.immediateWithinH, mgL: r.immediateAboveMgL })}
      {r.example && <em className="muted"> ({t('plans.example')})</em>}
    </>
  );
}

function Contacts({ api, plan, editor }: { api: Api; plan: Plan; editor: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Contact[] | 'hidden' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.contacts(plan.id).then(
      (r) => setItems(r.items),
      (e: unknown) => (e instanceof ApiError && e.status === 401 ? setItems('hidden') : setError(String(e))),
    );
  }, [api, plan.id]);
  useEffect(load, [load]);
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await api.addContact(plan.id, {
        iso3: String(f.get('iso3')),
        role: String(f.get('role')),
        organisation: String(f.get('organisation')),
        phone: String(f.get('phone') ?? '') || null,
        email: String(f.get('email') ?? '') || null,
      });
      setError(null);
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  if (items === 'hidden') return <p className="muted">{t('plans.contactsHidden')}</p>;
  return (
    <div data-testid={`contacts-${plan.id}`}>
      {items && items.length === 0 && <p className="muted">{t('plans.noContacts')}</p>}
      <ul className="small">
        {(items ?? []).map((c) => (
          <li key={c.id}>
            <strong>{c.iso3}</strong> {c.organisation} — {t(`plans.roles.${c.role}`)}
            {[c.phone, c.email, c.hours].filter(Boolean).length
              ? ` · ${[c.phone, c.email, c.hours].filter(Boolean).join(' · ')}`
              : ''}
          </li>
        ))}
      </ul>
      {items && (
        <a href={`/api/plans/${encodeURIComponent(plan.id)}/contacts?format=csv`} download>
          {t('plans.exportCsv')}
        </a>
      )}
      {editor && (
        <details>
          <summary>{t('plans.addContact')}</summary>
          <form onSubmit={add}>
            <label>
              ISO3{' '}
              <select name="iso3">
                {plan.countries.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label>
              {t('plans.role')}{' '}
              <select name="role">
                {(['point_of_contact_24_7', 'competent_authority', 'other'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`plans.roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('plans.organisation')} <input name="organisation" required maxLength={300} />
            </label>
            <label>
              {t('plans.phone')} <input name="phone" maxLength={60} />
            </label>
            <label>
              {t('plans.email')} <input name="email" type="email" maxLength={200} />
            </label>
            <button type="submit">{t('plans.save')}</button>
          </form>
        </details>
      )}
      <ErrorNote message={error} />
    </div>
  );
}

function PlanForm({
  plan,
  onSave,
  onCancel,
}: {
  plan: Plan | null;
  onSave(body: Record<string, unknown>): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const limit = String(f.get('immediateAboveMgL') ?? '').trim();
    onSave({
      name: String(f.get('name')),
      countries: list(String(f.get('countries'))),
      rivers: list(String(f.get('rivers'))),
      rule: {
        leadTimeH: Number(f.get('leadTimeH')),
        immediateAboveMgL: limit ? Number(limit) : null,
        immediateWithinH: plan?.rule.immediateWithinH ?? 1,
        example: plan?.rule.example ?? false,
      },
      languages: plan?.languages ?? [],
      documents: plan?.documents ?? [],
    });
  };
  return (
    <form onSubmit={submit} data-testid="plan-form">
      <label>
        {t('plans.name')} <input name="name" required defaultValue={plan?.name ?? ''} maxLength={200} />
      </label>
      <label>
        {t('plans.countriesInput')}{' '}
        <input name="countries" required defaultValue={plan?.countries.join(', ') ?? ''} />
      </label>
      <label>
        {t('plans.riversInput')} <input name="rivers" required defaultValue={plan?.rivers.join(', ') ?? ''} />
      </label>
      <label>
        {t('plans.leadTimeH')}{' '}
        <input
          name="leadTimeH"
          type="number"
          min="0"
          max="720"
          step="any"
          required
          defaultValue={plan?.rule.leadTimeH ?? 24}
        />
      </label>
      <label>
        {t('plans.immediateAboveMgL')}{' '}
        <input
          name="immediateAboveMgL"
          type="number"
          min="0"
          step="any"
          defaultValue={plan?.rule.immediateAboveMgL ?? ''}
        />
      </label>
      <button type="submit" className="primary">
        {t('plans.save')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('plans.cancel')}
      </button>
    </form>
  );
}

export function PlansPanel({ api, onClose }: { api: Api; onClose(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const editor = canEdit(session);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.plans().then(
      (r) => setPlans(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [api]);
  useEffect(load, [load]);
  const save = async (body: Record<string, unknown>) => {
    try {
      if (editing === 'new') await api.createPlan(body);
      else if (editing) await api.updatePlan(editing.id, { ...body, version: editing.version });
      setEditing(null);
      setError(null);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const remove = async (p: Plan) => {
    try {
      await api.deletePlan(p.id, p.version);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <aside className="panel plans-panel" aria-labelledby="plans-title" data-testid="plans-panel">
      <PanelHead id="plans-title" title={t('plans.title')} closeLabel={t('plans.cancel')} onClose={onClose} />
      <ErrorNote message={error} />
      {editing ? (
        <PlanForm plan={editing === 'new' ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <>
          {editor && (
            <button type="button" onClick={() => setEditing('new')}>
              {t('plans.create')}
            </button>
          )}
          {plans.map((p) => (
            <div key={p.id} className="plan-item" data-plan={p.id}>
              <button type="button" className="link" onClick={() => setOpen(open === p.id ? null : p.id)}>
                {p.name}
              </button>
              {open === p.id && (
                <>
                  <dl>
                    <dt>{t('plans.countries')}</dt>
                    <dd>{p.countries.join(', ')}</dd>
                    <dt>{t('plans.rivers')}</dt>
                    <dd>{p.rivers.join(', ')}</dd>
                    <dt>{t('plans.rule')}</dt>
                    <dd>
                      <RuleText plan={p} />
                    </dd>
                    <dt>{t('plans.documents')}</dt>
                    <dd>
                      {p.documents.map((d) =>
                        d.url ? (
                          <a key={d.title} href={d.url} rel="noreferrer" target="_blank">
                            {d.title}
                          </a>
                        ) : (
                          <span key={d.title}>{d.title}</span>
                        ),
                      )}
                    </dd>
                  </dl>
                  <h3>{t('plans.contacts')}</h3>
                  <Contacts api={api} plan={p} editor={editor} />
                  {editor && (
                    <p>
                      <button type="button" onClick={() => setEditing(p)}>
                        {t('plans.edit')}
                      </button>{' '}
                      <button type="button" onClick={() => remove(p)}>
                        {t('plans.delete')}
                      </button>
                    </p>
                  )}
                </>
              )}
            </div>
          ))}
        </>
      )}
    </aside>
  );
}
