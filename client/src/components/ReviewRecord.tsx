// Saving the review on screen as a case record (editors), and what the server did: the saved title,
// author, time and the verdict it stored (it re-runs the review), or its error; then print.
import type { Point, Polygon } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import type { DevelopmentType } from '../lib/planning-api.js';
import { type SavedReview, saveReview } from '../lib/planning-reviews-api.js';
import { canEdit, useSession } from '../lib/session.js';
import { ErrorNote } from './PanelHead.js';

interface Props {
  request: { geometry: Point | Polygon; developmentType: DevelopmentType; name: string };
  /** The record on screen: just saved, or reopened from the list. */
  record: { review: SavedReview; how: 'saved' | 'reopened' } | null;
  onSaved(review: SavedReview): void;
  onPrint(): void;
}

export function ReviewRecord({ request, record, onSaved, onPrint }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [title, setTitle] = useState(request.name);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (record) {
    const r = record.review;
    const at = new Date(r.createdAt).toLocaleString(i18n.language);
    return (
      <div className="review-record" data-testid="review-record">
        <p role="status" data-testid="review-record-status">
          {record.how === 'saved'
            ? `${t('reviews.saved', { title: r.title, author: r.author, at })} ${t('reviews.savedVerdict', { verdict: t(`planning.advice.${r.verdict}`) })}`
            : t('reviews.reopened', { author: r.author, at })}
        </p>
        <button type="button" onClick={onPrint}>
          {t('reviews.print')}
        </button>
      </div>
    );
  }
  if (!canEdit(session)) return <p className="muted small">{t('reviews.loginToSave')}</p>;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    saveReview({
      title: title.trim(),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      geometry: request.geometry,
      developmentType: request.developmentType,
      ...(request.name.trim() ? { name: request.name.trim() } : {}),
    }).then(
      (saved) => {
        setBusy(false);
        onSaved(saved);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err.message : t('errors.network'));
      },
    );
  };
  return (
    <form className="review-record" onSubmit={save} data-testid="review-save">
      <label className="field">
        <span>{t('reviews.saveTitle')}</span>
        <input value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('reviews.saveReference')}</span>
        <input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !title.trim()}>
        {busy ? t('reviews.saving') : t('reviews.save')}
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
