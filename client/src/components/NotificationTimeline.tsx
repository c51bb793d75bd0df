// The plan's notification timeline beside the arrival table: countries (arrival, earliest arrival,
// deadline, contact points) and stations on the path in time order, and for each country a prefilled
// notification draft in English or Russian.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftLang, notificationDraft } from '../lib/drafts.js';
import type { ReleaseTrace } from '../lib/release.js';
import './plans.css';

const utc = (iso: string) => `${iso.slice(5, 16).replace('T', ' ')} UTC`;

export function NotificationTimeline({ trace }: { trace: ReleaseTrace }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<{ iso3: string; lang: DraftLang } | null>(null);
  const plan = trace.notificationPlan;
  const items = trace.notifications;
  if (!plan || !items) return null;
  const country = items.find((n) => n.kind === 'country' && n.iso3 === draft?.iso3);
  return (
    <section className="notification-timeline" data-testid="notification-timeline">
      <h3>{t('plans.timelineTitle')}</h3>
      <p className="muted small">
        {plan.plan ? plan.plan.name : t('plans.timelineNoPlan')}
        {plan.plan?.rule.example ? ` (${t('plans.example')})` : ''}
      </p>
      <ol className="timeline">
        {items.map((n) =>
          n.kind === 'country' ? (
            <li key={`c-${n.iso3}`} className="tl-country" data-iso3={n.iso3}>
              <strong>{n.name}</strong> ({n.iso3}) — {t('plans.arrives')} {utc(n.arrivalAt.probable)}{' '}
              <span className="muted">
                ({t('plans.earliest')} {utc(n.arrivalAt.bound)})
              </span>
              {n.notifyBy && (
                <div className="tl-deadline" data-testid={`deadline-${n.iso3}`}>
                  {t('plans.notifyBy')} <strong>{utc(n.notifyBy)}</strong>
                </div>
              )}
              <div className="small muted">
                {n.contacts === null
                  ? t('plans.contactsHidden')
                  : n.contacts.map((c) => c.organisation).join('; ') || t('plans.noContacts')}
              </div>
              <div className="tl-drafts">
                {(['en', 'ru'] as const).map((lang) => (
                  <button key={lang} type="button" onClick={() => setDraft({ iso3: n.iso3, lang })}>
                    {t('plans.draft')} {lang.toUpperCase()}
                  </button>
                ))}
              </div>
            </li>
          ) : (
            <li key={`s-${n.stationId}`} className="tl-station" data-station={n.stationId}>
              {t('plans.station')} {n.name}
              {n.riverKm !== null ? ` (${t('plans.km', { km: n.riverKm })})` : ''} —{' '}
              {utc(n.arrivalAt.probable)} <span className="muted">{n.peakMgL.probable} mg/L</span>
            </li>
          ),
        )}
      </ol>
      {country?.kind === 'country' && draft && (
        <div className="tl-draft">
          <h4>{t('plans.draftTitle', { country: country.name })}</h4>
          <textarea
            readOnly
            rows={16}
            data-testid="notification-draft"
            lang={draft.lang}
            value={notificationDraft(
              country,
              {
                plan,
                river: trace.snap.river,
                start: { lon: trace.snap.lon, lat: trace.snap.lat },
                massKg: trace.release.massKg,
                substance: trace.release.substance,
              },
              draft.lang,
            )}
          />
        </div>
      )}
    </section>
  );
}
