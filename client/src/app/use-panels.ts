// Which of the tool panels (planning, receptors, screening, plans, exercise) are open; Escape closes the
// open panels and leaves a map mode, one step at a time (useEscapePanels).
import { useCallback, useState } from 'react';

export const TOOL_PANELS = ['planning', 'receptors', 'screening', 'plans', 'exercise'] as const;
export type ToolPanel = (typeof TOOL_PANELS)[number];

export interface Panels {
  isOpen(p: ToolPanel): boolean;
  anyOpen: boolean;
  show(p: ToolPanel): void;
  hide(p: ToolPanel): void;
}

export function usePanels(): Panels {
  const [open, setOpen] = useState<ReadonlySet<ToolPanel>>(new Set());
  const show = useCallback((p: ToolPanel) => setOpen((s) => new Set(s).add(p)), []);
  const hide = useCallback(
    (p: ToolPanel) =>
      setOpen((s) => {
        const next = new Set(s);
        next.delete(p);
        return next;
      }),
    [],
  );
  return { isOpen: (p) => open.has(p), anyOpen: open.size > 0, show, hide };
}
