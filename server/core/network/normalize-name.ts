// One spelling-insensitive form of a river name, for matching names across sources and requests.

/** Case-, diacritics- and spacing-insensitive form of a river name. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐'’‘`]+/g, ' ')
    .trim();
}
