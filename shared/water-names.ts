// Russian names of the seas and terminal lakes where traces end (data/water-names-ru.json, each with its
// source): the trace panel's outlets, "Сток в …", reports and the basemap's sea labels in Russian.
import data from '../data/water-names-ru.json' with { type: 'json' };

const RU = new Map(data.waters.map((w) => [w.name.toLowerCase(), w.nameRu]));

/** The Russian name of an outlet or sea ("Black Sea", "BLACK SEA" → "Чёрное море"), or null. */
export function waterNameRu(name: string | null | undefined): string | null {
  return name ? (RU.get(name.toLowerCase()) ?? null) : null;
}
