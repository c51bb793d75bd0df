// Runs a step once the map is there: a permalink or a quick answer can arrive before the map has
// loaded, so the step is retried every 250 ms until the map exists. Returns the cancel function.
import type { Map as MlMap } from 'maplibre-gl';

export function whenMap(getMap: () => MlMap | null, run: (map: MlMap) => void): () => void {
  const attempt = (): boolean => {
    const map = getMap();
    if (!map) return false;
    run(map);
    return true;
  };
  if (attempt()) return () => undefined;
  const wait = setInterval(() => attempt() && clearInterval(wait), 250);
  return () => clearInterval(wait);
}
