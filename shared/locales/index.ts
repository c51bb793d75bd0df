// The code-label locales by language, and the words a report puts mid-sentence or in a table cell.
import type { Lang } from '../codes.js';
import { codeLabelsEn } from './en.js';
import { codeLabelsRu } from './ru.js';
import type { CodeLabels, CodeList } from './types.js';

export type { CodeLabels, CodeList } from './types.js';

export const CODE_LABELS: Record<Lang, CodeLabels> = { en: codeLabelsEn, ru: codeLabelsRu };

/**
 * A code in words, lower-cased for running text ("hazardous activity", "хвостохранилище"); a code the
 * list does not know (an older record) is shown with spaces for underscores.
 */
export function codeWords(lang: Lang, list: CodeList, code: string): string {
  const label = (CODE_LABELS[lang][list] as Record<string, string>)[code];
  if (label === undefined) return code.replace(/_/g, ' ');
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}
