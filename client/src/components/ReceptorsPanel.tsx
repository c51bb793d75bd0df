// Receptor layers panel: the imported receptors listed by kind (a name zooms the map to it); editors
// import GeoJSON/CSV layers and delete receptors after confirming.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bbox } from '../../../shared/api.js';
import { isCode, RECEPTOR_KINDS, type ReceptorKind } from '../../../shared/codes.js';
import { MAX_RECEPTOR_LIMIT } from '../../../shared/limits.js';
import { type Api, ApiError } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { groupByKind, RECEPTOR_COLORS, type Receptor, receptorBbox } from '../lib/receptors.js';
import { canEdit, useSession } from '../lib/session.js';
import { ReceptorImportDialog } from './ReceptorImportDialog.js';
import './receptors.css';
import { ErrorNote, PanelHead } from './PanelHead.js';

const PAGE = 500;

interface Props {
  api: Api;
  /** Bumped by the app when receptors change elsewhere; bumped here after an import or delete. */
  version: number;
  onChanged(): void;
  onZoom(b: Bbox): void;
  onClose(): void;
}

export function ReceptorsPanel({ api, version, onChanged, onZoom, onClose }: Props) {
  const { t, i18n } = useTranslation();
  // Opened from the header: keyboard users land in the panel, not back at the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const editor = canEdit(useSession());
  const [kind, setKind] = useState<ReceptorKind | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [list, setList] = useState<{
    items: Receptor[];
    total: number;
    loading: boolean;
    error: string | null;
  }>({ items: [], total: 0, loading: true, error: null });
  const [importing, setImporting] = useState(false);
  const [confirming, setConfirming] = useState<Receptor | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const message = (e: unknown) => (e instanceof ApiError ? e.message : t('errors.network'));

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is a refresh trigger after changes.
  useEffect(() => {
    const ctrl = new AbortController();
    setList((p) => ({ ...p, loading: true, error: null }));
    api.receptors({ kinds: kind ? [kind] : undefined, limit }, ctrl.signal).then(
      (r) => setList({ items: r.items, total: r.total, loading: false, error: null }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setList({ items: [], total: 0, loading: false, error: message(e) });
      },
    );
    return () => ctrl.abort();
  }, [api, kind, limit, version]);

  const remove = async (r: Receptor) => {
    setDeleteError(null);
    try {
      await api.deleteReceptor(r.id);
      setConfirming(null);
      onChanged();
    } catch (e) {
      // Refused (e.g. the session ended): say why and close the question; the list stays as it was.
      setConfirming(null);
      setDeleteError(message(e));
    }
  };

  const lang = i18n.language;
  return (
    <aside className="panel receptors-panel" aria-labelledby="receptors-title" data-testid="receptors-panel">
      <PanelHead
        id="receptors-title"
        title={t('receptors.title')}
        closeLabel={t('receptors.close')}
        onClose={onClose}
        headingRef={heading}
      />
      <p className="muted small">{t('receptors.intro')}</p>
      <div className="receptors-controls">
        <label>
          {t('receptors.kind')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind(isCode(RECEPTOR_KINDS, e.target.value) ? e.target.value : '');
              setLimit(PAGE);
            }}
          >
            <option value="">{t('receptors.allKinds')}</option>
            {RECEPTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`receptors.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {editor ? (
          <button type="button" onClick={() => setImporting(true)}>
            {t('receptors.import')}
          </button>
        ) : (
          <p className="muted small">{t('receptors.editorsOnly')}</p>
        )}
      </div>
      {list.loading && list.items.length === 0 && <p role="status">{t('receptors.loading')}</p>}
      <ErrorNote message={list.error} />
      {!list.loading && !list.error && list.total === 0 && <p>{t('receptors.empty')}</p>}
      {list.total > 0 && (
        <p data-testid="receptors-summary">
          {t('receptors.summary', { shown: list.items.length, total: list.total })}
        </p>
      )}
      <ErrorNote message={deleteError} />
      {groupByKind(list.items).map((g) => (
        <section key={g.kind} className="receptor-group" data-kind={g.kind}>
          <h3>
            <span className="swatch" style={{ background: RECEPTOR_COLORS[g.kind] }} aria-hidden="true" />
            {t(`receptors.kinds.${g.kind}`)} ({g.items.length})
          </h3>
          <ul className="receptor-list">
            {g.items.map((r) => (
              <li key={r.id} data-testid="receptor-item">
                <button type="button" className="link" onClick={() => onZoom(receptorBbox(r))}>
                  {r.name}
                </button>
                <span className="muted">
                  {' '}
                  {r.geometry.type === 'Point' ? t('receptors.point') : t('receptors.area')}
                  {r.population !== null &&
                    `, ${t('receptors.population', { n: formatNumber(r.population, lang) })}`}
                </span>
                {editor && (
                  <button
                    type="button"
                    className="danger small-button"
                    onClick={() => setConfirming(r)}
                    aria-label={t('receptors.deleteNamed', { name: r.name })}
                  >
                    {t('receptors.delete')}
                  </button>
                )}
                {editor && confirming?.id === r.id && (
                  <div className="confirm" role="alertdialog" aria-labelledby={`confirm-receptor-${r.id}`}>
                    <p id={`confirm-receptor-${r.id}`}>{t('receptors.confirmDelete', { name: r.name })}</p>
                    <button type="button" className="danger" onClick={() => void remove(r)}>
                      {t('receptors.confirmYes')}
                    </button>
                    {/* biome-ignore lint/a11y/noAutofocus: focus moves to the safe choice of a destructive dialog */}
                    <button type="button" autoFocus onClick={() => setConfirming(null)}>
                      {t('receptors.confirmNo')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {list.items.length < list.total && limit < MAX_RECEPTOR_LIMIT && (
        <button
          type="button"
          onClick={() => setLimit((l) => Math.min(MAX_RECEPTOR_LIMIT, l + PAGE))}
          disabled={list.loading}
        >
          {t('receptors.more')}
        </button>
      )}
      {importing && (
        <ReceptorImportDialog
          api={api}
          onClose={(imported) => {
            setImporting(false);
            if (imported) onChanged();
          }}
        />
      )}
    </aside>
  );
}
