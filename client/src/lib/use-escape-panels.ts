// Esc by keyboard: first it leaves a map mode; otherwise it closes the side panel holding the focus (or
// the topmost open one) and puts the focus on the map, so it is never lost on the page body.
import { useEffect, useRef } from 'react';

export interface EscapablePanel {
  /** data-testid of the panel element. */
  testId: string;
  open: boolean;
  close(): void;
}

export function useEscapePanels(
  inMode: () => boolean,
  leaveMode: () => void,
  panels: EscapablePanel[],
): void {
  const live = useRef({ inMode, leaveMode, panels });
  live.current = { inMode, leaveMode, panels };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const { inMode, leaveMode, panels } = live.current;
      if (inMode()) {
        leaveMode();
        return;
      }
      const focus = document.activeElement;
      // Dialogs close themselves on Esc; a select or combobox uses Esc for its own list.
      if (focus?.closest('dialog') || focus?.getAttribute('role') === 'combobox') return;
      const open = panels.filter((p) => p.open);
      const holder = open.find((p) => focus?.closest(`[data-testid="${p.testId}"]`));
      const target = holder ?? open[0];
      if (!target) return;
      target.close();
      document.querySelector<HTMLElement>('#map .maplibregl-canvas')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
