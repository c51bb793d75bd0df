// A site's change history in its panel: who changed what and when (fields that differ), newest first.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api, SiteHistory as History } from '../lib/api.js';

/** Field names whose values differ between before and after (all fields of a create or delete). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
}

export function SiteHistory({ api, siteId, version }: { api: Api; siteId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState(false);

  // Reloaded when the site's version changes (after an edit in this client).
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the refresh trigger
  useEffect(() => {
    let stale = false;
    setError(false);
    api.siteHistory(siteId).then(
      (h) => !stale && setHistory(h),
      () => !stale && setError(true),
    );
    return () => {
      stale = true;
    };
  }, [api, siteId, version]);

  return (
    <section className="site-history" data-testid="site-history">
      <h3>{t('history.title')}</h3>
      {error && <p className="muted">{t('history.unavailable')}</p>}
      {history && history.items.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {history && history.items.length > 0 && (
        <ol className="history-list" reversed>
          {[...history.items].reverse().map((e) => {
            const fields = e.action === 'update' ? changedFields(e.before, e.after) : [];
            return (
              <li key={e.id}>
                <strong>{t(`history.action.${e.action}`)}</strong>{' '}
                <time dateTime={e.at}>{new Date(e.at).toLocaleString(i18n.language)}</time>{' '}
                <span className="muted">{t('history.by', { actor: e.actor })}</span>
                {fields.length > 0 && (
                  <div className="muted">{t('history.changed', { fields: fields.join(', ') })}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
