// Recycle bin for editors: soft-deleted sites (name, when, by whom), a page at a time, each with a
// Restore action that brings the site back to the map and the list.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/api.js';
import type { DeletedPage, DeletedSite } from '../lib/admin-api.js';
import type { Api } from '../lib/api.js';
import { apiErrorText } from './admin-errors.js';
import './admin.css';
import { useModal } from '../lib/use-modal.js';
import { ErrorNote, PanelHead } from './PanelHead.js';
import { SiteHistory } from './SiteHistory.js';

const PAGE_SIZE = 20;

interface Props {
  api: Api;
  onClose(): void;
  onRestored(site: Site): void;
}

export function DeletedSites({ api, onClose, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const dialog = useModal();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DeletedPage | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // A deleted site's history can be read before deciding to restore it.
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (from: number) => {
      setError(null);
      api.deletedSites(PAGE_SIZE, from).then(
        (p) => {
          // Restoring the last item of a later page leaves it empty: step back a page.
          if (p.items.length === 0 && from > 0) setOffset(Math.max(0, from - PAGE_SIZE));
          else setPage(p);
        },
        (e: unknown) => setError(apiErrorText(e, t)),
      );
    },
    [api, t],
  );
  useEffect(() => load(offset), [load, offset]);

  const restore = async (s: DeletedSite) => {
    setBusyId(s.id);
    setError(null);
    try {
      const site = await api.restoreSite(s.id);
      onRestored(site);
    } catch (e) {
      setError(apiErrorText(e, t));
      load(offset);
    } finally {
      setBusyId(null);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const last = page ? Math.min(page.total, offset + page.items.length) : 0;

  return (
    <dialog
      ref={dialog}
      className="dialog admin-dialog"
      aria-labelledby="deleted-title"
      onClose={onClose}
      data-testid="deleted-sites"
    >
      <PanelHead
        id="deleted-title"
        title={t('deleted.title')}
        closeLabel={t('deleted.close')}
        onClose={() => dialog.current?.close()}
      />
      <p className="muted small">{t('deleted.intro')}</p>
      <ErrorNote message={error} />
      {!page && !error && <p role="status">{t('deleted.loading')}</p>}
      {page && page.total === 0 && <p className="muted">{t('deleted.empty')}</p>}
      {page && page.items.length > 0 && (
        <>
          <p role="status" className="small">
            {t('deleted.range', { from: offset + 1, to: last, total: page.total })}
          </p>
          <table className="admin-table">
            <caption className="sr-only">{t('deleted.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deleted.name')}</th>
                <th scope="col">{t('deleted.deletedAt')}</th>
                <th scope="col">{t('deleted.deletedBy')}</th>
                <th scope="col">
                  <span className="sr-only">{t('deleted.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((s) => [
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>
                    <time dateTime={s.deletedAt}>{when(s.deletedAt)}</time>
                  </td>
                  <td>{s.deletedBy}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => void restore(s)}
                      disabled={busyId !== null}
                      aria-label={t('deleted.restoreNamed', { name: s.name })}
                    >
                      {busyId === s.id ? t('deleted.restoring') : t('deleted.restore')}
                    </button>{' '}
                    <button
                      type="button"
                      aria-expanded={historyOf === s.id}
                      aria-label={t('deleted.historyNamed', { name: s.name })}
                      onClick={() => setHistoryOf(historyOf === s.id ? null : s.id)}
                    >
                      {t('deleted.history')}
                    </button>
                  </td>
                </tr>,
                historyOf === s.id && (
                  <tr key={`${s.id}-history`}>
                    <td colSpan={4}>
                      <SiteHistory api={api} siteId={s.id} version={0} />
                    </td>
                  </tr>
                ),
              ])}
            </tbody>
          </table>
          {page.total > PAGE_SIZE && (
            <div className="admin-pager">
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('deleted.previous')}
              </button>
              <button
                type="button"
                disabled={offset + PAGE_SIZE >= page.total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('deleted.next')}
              </button>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
