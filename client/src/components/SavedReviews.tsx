// The saved planning reviews, newest first, ten at a time: each opens the review as it was saved.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import { listReviews, type SavedReviewSummary } from '../lib/planning-reviews-api.js';
import { ErrorNote } from './PanelHead.js';

const PAGE = 10;

/** `version` changes after a save, so the list shows the new review. */
export function SavedReviews({ version, onOpen }: { version: number; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<SavedReviewSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page on each save.
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    listReviews(0, PAGE, ctrl.signal).then(
      (p) => {
        setItems(p.items);
        setTotal(p.total);
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setError(e instanceof ApiError ? e.message : t('errors.network'));
      },
    );
    return () => ctrl.abort();
  }, [version, t]);

  const more = () =>
    listReviews(items?.length ?? 0, PAGE).then(
      (p) => {
        setItems((old) => [...(old ?? []), ...p.items]);
        setTotal(p.total);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('errors.network')),
    );

  return (
    <section aria-labelledby="saved-reviews-title" data-testid="saved-reviews">
      <h3 id="saved-reviews-title">{t('reviews.list')}</h3>
      <ErrorNote message={error} />
      {items === null ? (
        !error && <p className="muted">{t('reviews.listLoading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('reviews.listEmpty')}</p>
      ) : (
        <>
          <ul className="saved-reviews">
            {items.map((r) => (
              <li key={r.id}>
                <button type="button" className="link" onClick={() => onOpen(r.id)}>
                  {t('reviews.reopen', { title: r.title })}
                </button>{' '}
                <span className="muted small">
                  {t(`planning.adviceShort.${r.verdict}`)} · {r.author} ·{' '}
                  {new Date(r.createdAt).toLocaleString(i18n.language)}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {t('reviews.listCount', { shown: items.length, total })}{' '}
            {items.length < total && (
              <button type="button" onClick={() => void more()}>
                {t('reviews.more')}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
