// Choices for the basin selector: the focus basins first (each followed by its delta when the server
// draws one), then every other basin by name with its outlets, so any basin can be found by outlet.
import type { Basin, Bbox, Catchments } from '../../../shared/api.js';

/** Basins of the Convention's work, listed first in this order. */
export const FOCUS_BASINS = ['Danube', 'Syr Darya', 'Dniester', 'Amu Darya'] as const;

export interface BasinChoice {
  /** Selector value: the basin id, or `delta:<id>` for its delta. */
  key: string;
  basinId: number;
  /** Name of the basin the choice belongs to (the sites filter). */
  basinName: string;
  /** Name shown: the basin's, or the delta's ("Danube Delta"). */
  label: string;
  /** The label in Russian where the main river's Russian name is reviewed. */
  labelRu: string | null;
  bbox: Bbox;
  delta: boolean;
  outlets: string[];
  focus: boolean;
}

export const choiceKey = (basinId: number | undefined, delta: boolean | undefined): string =>
  basinId === undefined ? '' : delta ? `delta:${basinId}` : String(basinId);

export function basinChoices(basins: readonly Basin[], catchments: Catchments | null): BasinChoice[] {
  const areas = new Map<string, { name: string; bbox: Bbox }>();
  for (const f of catchments?.features ?? []) {
    const p = f.properties;
    // Areas and label points carry the same properties; either will do.
    areas.set(choiceKey(p.basinId, p.kind === 'delta'), { name: p.name, bbox: p.bbox });
  }
  const focusRank = (name: string) => {
    const i = (FOCUS_BASINS as readonly string[]).indexOf(name);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const sorted = [...basins].sort(
    (a, b) => focusRank(a.name) - focusRank(b.name) || a.name.localeCompare(b.name) || a.id - b.id,
  );
  const out: BasinChoice[] = [];
  for (const b of sorted) {
    const focus = Number.isFinite(focusRank(b.name));
    // The catchment's box includes land beyond the outermost river lines: fit to it when known.
    const area = areas.get(choiceKey(b.id, false));
    out.push({
      key: choiceKey(b.id, false),
      basinId: b.id,
      basinName: b.name,
      label: b.name,
      labelRu: b.nameRu ?? null,
      bbox: area?.bbox ?? b.bbox,
      delta: false,
      outlets: b.outlets,
      focus,
    });
    const delta = areas.get(choiceKey(b.id, true));
    if (delta) {
      out.push({
        key: choiceKey(b.id, true),
        basinId: b.id,
        basinName: b.name,
        label: delta.name,
        // Named for the river in the UI language ("Дельта реки Дунай") where its Russian name is reviewed.
        labelRu: b.nameRu ?? null,
        bbox: delta.bbox,
        delta: true,
        outlets: b.outlets,
        focus,
      });
    }
  }
  return out;
}
