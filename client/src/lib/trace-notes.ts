// What the trace panel says about the start: the untraced first km of an assumed connection, and the
// server's warnings (snap across a drainage divide, own stream missing from the network) by their code.
import type { TraceResult } from '../../../shared/api.js';

export interface TraceNote {
  /** i18n key under `trace.` */
  key: string;
  values: Record<string, string | number>;
  /** The server's own words (English), kept as the note's title. */
  detail?: string;
}

const WARNING_KEYS: Record<string, string> = {
  CROSSED_DIVIDE: 'warnCrossedDivide',
  OWN_RIVER_MISSING: 'warnOwnRiverMissing',
  NO_RIVER_PATH: 'warnNoRiverPath',
};

export function traceNotes(t: TraceResult): TraceNote[] {
  const notes: TraceNote[] = [];
  const c = t.snap.connection;
  if (c?.kind === 'assumed')
    notes.push({ key: 'notInNetwork', values: { km: c.distanceKm, river: c.via ?? '' } });
  for (const w of t.warnings ?? []) {
    // An assumed connection is already said above, in the user's language.
    if (w.code === 'CONNECTION_ASSUMED' && c?.kind === 'assumed') continue;
    notes.push({
      key: WARNING_KEYS[w.code] ?? 'warnOther',
      values: { message: w.message },
      detail: w.message,
    });
  }
  return notes;
}
