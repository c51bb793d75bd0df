// The server's own words for a refused admin or recycle-bin request: its message (401, 403, 409 …)
// followed by each field problem of a 400, so the user sees what to fix.
import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api.js';

export function apiErrorText(e: unknown, t: TFunction): string {
  if (!(e instanceof ApiError)) return t('errors.network');
  const fields = e.fieldIssues.map((i) => `${i.path}: ${i.message}`);
  return [e.message, ...fields].join(' ');
}
