// Print view of a saved planning review: a map snapshot (basemap, development, cited sites' zones)
// rendered offscreen, the case header, the verdict with its deciding rule and explanation, and the
// tables. "Print" uses the browser's print; the server's printable page is linked.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';
import { reviewPrintUrl, type SavedReview } from '../lib/planning-reviews-api.js';
import { planningSnapshot } from '../map/snapshot.js';
import './report-view.css';

type Snapshot = { state: 'pending' } | { state: 'ready'; url: string } | { state: 'failed' };

export function PlanningPrint({ review, onClose }: { review: SavedReview; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const l = lang === 'ru' ? 'ru' : 'en';
  const [snapshot, setSnapshot] = useState<Snapshot>({ state: 'pending' });
  const sheet = useRef<HTMLDivElement>(null);
  useEffect(() => sheet.current?.focus(), []);
  useEffect(() => {
    let live = true;
    planningSnapshot(review.answer, review.request.geometry).then(
      (url) => live && setSnapshot({ state: 'ready', url }),
      () => live && setSnapshot({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [review]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const a = review.answer;
  const up = a.upstream;
  // Print shows only direct children of .app that are report views (report-view.css).
  const host = document.querySelector('.app') ?? document.body;
  return createPortal(
    <div
      ref={sheet}
      tabIndex={-1}
      className="report-view"
      role="dialog"
      aria-modal="true"
      aria-label={t('reviews.printTitle', { title: review.title })}
      data-testid="planning-print"
    >
      <div className="report-toolbar">
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => window.print()}
          disabled={snapshot.state === 'pending'}
        >
          {t('reviews.printButton')}
        </button>
        <a href={reviewPrintUrl(review.id, lang)} target="_blank" rel="noreferrer">
          HTML
        </a>
        <button type="button" onClick={onClose} aria-label={t('reviews.close')}>
          ×
        </button>
      </div>
      <article className="report-print">
        <h1>{t('reviews.printTitle', { title: review.title })}</h1>
        <dl className="facts">
          {review.reference && (
            <>
              <dt>{t('reviews.reference')}</dt>
              <dd>{review.reference}</dd>
            </>
          )}
          <dt>{t('reviews.author')}</dt>
          <dd>{review.author}</dd>
          <dt>{t('reviews.savedAt')}</dt>
          <dd>{new Date(review.createdAt).toLocaleString(lang)}</dd>
          <dt>{t('reviews.developmentType')}</dt>
          <dd>
            {t(`planning.types.${review.developmentType}`)}
            {review.request.name ? ` — ${review.request.name}` : ''}
          </dd>
        </dl>
        <h2>{t('reviews.verdict')}</h2>
        <p
          className={a.verdict === 'do_not_advise_against' ? 'verdict-no' : 'verdict-yes'}
          data-testid="print-verdict"
        >
          {t(`planning.advice.${a.verdict}`)}
        </p>
        <p data-testid="print-rule">
          <strong>{t('planningExplain.rule')}</strong> {a.decidingRule.text[l]}
        </p>
        <p>{a.decidingRule.explanation[l]}</p>
        {a.decidingRule.policyChoice && <p className="muted">{t('reviews.policyChoice')}</p>}
        <figure className="report-map">
          {snapshot.state === 'ready' && (
            <img src={snapshot.url} alt={t('reviews.mapAlt')} data-testid="planning-snapshot" />
          )}
          {snapshot.state === 'pending' && <p role="status">{t('reviews.printing')}</p>}
          {snapshot.state === 'failed' && <p className="muted">{t('reviews.noSnapshot')}</p>}
          <figcaption>{t('reviews.mapCaption')}</figcaption>
        </figure>
        {a.sites.length > 0 && (
          <table className="report-table" data-testid="print-sites">
            <thead>
              <tr>
                <th>{t('planning.site')}</th>
                <th>{t('planning.zone')}</th>
                <th>{t('planning.distanceM')}</th>
                <th>{t('planning.adviceCol')}</th>
              </tr>
            </thead>
            <tbody>
              {a.sites.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{t(`planning.zones.${s.zone}`)}</td>
                  <td>{formatNumber(Math.round(s.distanceM), lang)}</td>
                  <td>{t(`planning.adviceShort.${s.advice}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {up?.ok && up.sites.length > 0 && (
          <>
            <h2>{t('reviews.upstreamTitle')}</h2>
            <table className="report-table" data-testid="print-upstream">
              <thead>
                <tr>
                  <th>{t('planning.site')}</th>
                  <th>{t('reviews.arrivalH')}</th>
                  <th>{t('reviews.riverKm')}</th>
                  <th>{t('reviews.rule')}</th>
                </tr>
              </thead>
              <tbody>
                {up.sites.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{formatNumber(s.arrivalH, lang)}</td>
                    <td>{formatNumber(s.riverKm, lang)}</td>
                    <td>
                      {s.ruleId === a.decidingRule.id
                        ? t('reviews.firesDeciding')
                        : s.ruleId
                          ? t('reviews.fires')
                          : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="muted">{t('planning.method')}</p>
      </article>
    </div>,
    host,
  );
}
