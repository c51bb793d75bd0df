// Text normalisation for the register: diacritics-insensitive search and duplicate-name keys.

/** Lower-cases and strips combining marks (ă→a, ș→s, ő→o); also folds letters NFD cannot split. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[ıİ]/g, 'i')
    .toLowerCase();
}

/** Key under which two site names count as the same: folded, punctuation and spacing collapsed. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded text stored for `q=` search: name and local name, separated so a match cannot span both. */
export function searchText(name: string, nameLocal: string | null | undefined): string {
  return nameLocal ? `${foldText(name)}\u0001${foldText(nameLocal)}` : foldText(name);
}

/** Escapes LIKE wildcards so user text is matched literally (used with ESCAPE '\'). */
export function likeContains(q: string): string {
  return `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
