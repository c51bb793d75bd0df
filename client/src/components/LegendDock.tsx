// The legend docked on the map (a region named "Legend"): open by default on a desktop-wide screen,
// collapsed on small ones; one button opens and closes it.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Below this width the legend starts collapsed so it does not cover the map. */
const OPEN_FROM_PX = 900;

export function LegendDock({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => window.innerWidth >= OPEN_FROM_PX);
  return (
    <section
      className={`legend-dock${open ? ' open' : ''}`}
      aria-label={t('legend.region')}
      data-testid="legend-dock"
    >
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        aria-controls="legend-body"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('legend.hide') : t('legend.show')}
      </button>
      <div id="legend-body" className="legend-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
