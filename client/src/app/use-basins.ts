// The basins and their approximate catchments, loaded once: the basin picker's choices, and whether the
// catchments are in (an empty collection on failure still counts, so the map reports ready).
import { useEffect, useMemo, useState } from 'react';
import type { Basin, Catchments } from '../../../shared/api.js';
import type { Api } from '../lib/api.js';
import { type BasinChoice, basinChoices } from '../lib/basins.js';

export function useBasins(api: Api): { choices: BasinChoice[]; catchmentsLoaded: boolean } {
  const [basins, setBasins] = useState<Basin[]>([]);
  const [catchments, setCatchments] = useState<Catchments | null>(null);
  useEffect(() => {
    api.basins().then(setBasins, () => setBasins([]));
    api.catchments().then(setCatchments, () => setCatchments({ type: 'FeatureCollection', features: [] }));
  }, [api]);
  const choices = useMemo(() => basinChoices(basins, catchments), [basins, catchments]);
  return { choices, catchmentsLoaded: catchments !== null };
}
