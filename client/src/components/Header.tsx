// Top bar: title, site search, mode buttons (trace from map, add site), import, permalink, language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/index.js';
import type { SearchHit } from '../lib/search.js';
import { canEdit, isAdmin, useSession } from '../lib/session.js';
import type { MapMode } from '../map/MapView.js';
import { AuthControls } from './AuthControls.js';
import { ModeEntry } from './ModeEntry.js';
import { SearchBox } from './SearchBox.js';

interface Props {
  q: string;
  onSearch(q: string): void;
  /** The place finder (GET /api/search) and what choosing a result does; without them, a site filter only. */
  find?(q: string, signal: AbortSignal): Promise<SearchHit[]>;
  onPick?(hit: SearchHit): void;
  /** A map mode's point by keyboard: the map centre (no argument) or typed coordinates. */
  onPoint?(at?: { lon: number; lat: number }): void;
  mode: MapMode;
  onMode(m: MapMode): void;
  onImport(): void;
  /** Opens the new-site form without a map click (coordinates typed in; keyboard users). */
  onAddForm?(): void;
  /** Opens the basin transboundary matrix. */
  onMatrix?(): void;
  /** Opens the planning review panel. */
  onPlanning?(): void;
  /** Opens the receptor layers panel and the location screening panel. */
  onReceptors?(): void;
  onScreening?(): void;
  /** Opens the joint contingency plans and the table-top exercise view. */
  onPlans?(): void;
  onExercise?(): void;
  /** Opens the recycle bin of deleted sites (editors). */
  onDeleted?(): void;
  /** Opens user and API-token administration (admins). */
  onAdmin?(): void;
  lang: Lang;
  onLang(l: Lang): void;
}

export function Header(p: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  // Adding and importing need the editor role: the buttons are hidden from viewers and anonymous users.
  const session = useSession();
  const editor = canEdit(session);
  const admin = isAdmin(session);
  const copy = () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    });
  };
  return (
    <header className="header">
      <a className="skip" href="#map">
        {t('app.skip')}
      </a>
      <h1>
        {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
      </h1>
      {p.find && p.onPick ? (
        <SearchBox q={p.q} onSearch={p.onSearch} find={p.find} onPick={p.onPick} />
      ) : (
        <search>
          <form className="search" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="search" className="sr-only">
              {t('header.search')}
            </label>
            <input
              id="search"
              type="search"
              value={p.q}
              placeholder={t('header.searchPlaceholder')}
              onChange={(e) => p.onSearch(e.target.value)}
            />
          </form>
        </search>
      )}
      {/* On a phone the actions fold into this menu (issue 13: seven buttons took three rows). */}
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="header-actions"
        onClick={() => setMenuOpen((o) => !o)}
      >
        {t('phone.menu')}
      </button>
      <div
        id="header-actions"
        className={`header-actions${menuOpen ? ' open' : ''}`}
        onClickCapture={(e) => {
          // Choosing an action closes the phone menu (the language select and log-in keep it open).
          if ((e.target as Element).closest('button')) setMenuOpen(false);
        }}
      >
        <button
          type="button"
          aria-pressed={p.mode === 'trace'}
          onClick={() => p.onMode(p.mode === 'trace' ? 'browse' : 'trace')}
        >
          {t('header.traceMode')}
        </button>
        {editor && (
          <>
            <button
              type="button"
              aria-pressed={p.mode === 'add'}
              onClick={() => p.onMode(p.mode === 'add' ? 'browse' : 'add')}
            >
              {t('header.addSite')}
            </button>
            <button type="button" onClick={p.onImport}>
              {t('header.import')}
            </button>
            {p.onDeleted && (
              <button type="button" onClick={p.onDeleted} data-testid="deleted-open">
                {t('deleted.open')}
              </button>
            )}
          </>
        )}
        {admin && p.onAdmin && (
          <button type="button" onClick={p.onAdmin} data-testid="admin-open">
            {t('admin.open')}
          </button>
        )}
        <button
          type="button"
          aria-pressed={p.mode === 'upstream'}
          onClick={() => p.onMode(p.mode === 'upstream' ? 'browse' : 'upstream')}
        >
          {t('upstream.open')}
        </button>
        {p.onMatrix && (
          <button type="button" onClick={p.onMatrix}>
            {t('matrix.open')}
          </button>
        )}
        {p.onPlanning && (
          <button type="button" onClick={p.onPlanning} data-testid="planning-open">
            {t('planning.open')}
          </button>
        )}
        {p.onReceptors && (
          <button type="button" onClick={p.onReceptors} data-testid="receptors-open">
            {t('receptors.open')}
          </button>
        )}
        {p.onScreening && (
          <button type="button" onClick={p.onScreening} data-testid="screening-open">
            {t('screening.open')}
          </button>
        )}
        {p.onPlans && (
          <button type="button" onClick={p.onPlans} data-testid="plans-open">
            {t('plans.button')}
          </button>
        )}
        {p.onExercise && (
          <button type="button" onClick={p.onExercise} data-testid="exercise-open">
            {t('plans.exerciseButton')}
          </button>
        )}
        <button type="button" onClick={copy}>
          {copied ? t('header.copied') : t('header.permalink')}
        </button>
        <label className="lang">
          <span className="sr-only">{t('header.language')}</span>
          <select
            aria-label={t('header.language')}
            value={p.lang}
            onChange={(e) => p.onLang(e.target.value === 'ru' ? 'ru' : 'en')}
          >
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </label>
        <AuthControls />
      </div>
      {p.mode !== 'browse' && (
        <p className="mode-hint" role="status">
          {p.mode === 'trace'
            ? t('header.traceModeOn')
            : p.mode === 'plan'
              ? t('planning.modeOn')
              : p.mode === 'upstream'
                ? t('upstream.modeOn')
                : t('header.addModeOn')}
          {(p.mode === 'trace' || p.mode === 'add' || p.mode === 'upstream') && p.onPoint && (
            <ModeEntry onCentre={() => p.onPoint?.()} onCoords={(lon, lat) => p.onPoint?.({ lon, lat })} />
          )}
          {p.mode === 'add' && p.onAddForm && (
            <>
              {' '}
              <button type="button" className="link" onClick={p.onAddForm}>
                {t('header.addByForm')}
              </button>
            </>
          )}
        </p>
      )}
    </header>
  );
}
