// Client calls for receptor layers and location screening, mixed into the API client (lib/api.ts) so
// they share its CSRF header, 401/403 handling and error type.
import {
  type ReceptorImportOptions,
  type ReceptorImportReport,
  type ReceptorList,
  type ReceptorQuery,
  receptorImportQuery,
  receptorsQuery,
} from './receptors.js';
import { type BorderScreening, borderQuery, type NatechScreening, natechQuery } from './screening.js';

type Call = <T>(path: string, init?: RequestInit) => Promise<T>;
type ImportCall = <R extends { accepted: number }>(path: string, form: FormData) => Promise<R>;

const signalled = (signal: AbortSignal | undefined): RequestInit | undefined =>
  signal ? { signal } : undefined;

export function receptorCalls(call: Call, importCall: ImportCall) {
  return {
    receptors: (q: ReceptorQuery, signal?: AbortSignal) =>
      call<ReceptorList>(`/api/receptors?${receptorsQuery(q)}`, signalled(signal)),
    deleteReceptor: (id: string) =>
      call<void>(`/api/receptors/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    /** A committed import with bad rows and no `skipInvalid` answers 422 with the report: a result, not a throw. */
    importReceptors: (file: Blob, name: string, opts: ReceptorImportOptions) => {
      const form = new FormData();
      form.append('file', file, name);
      return importCall<ReceptorImportReport>(`/api/receptors/import?${receptorImportQuery(opts)}`, form);
    },
    borderScreening: (p: Parameters<typeof borderQuery>[0], signal?: AbortSignal) =>
      call<BorderScreening>(`/api/screening/border?${borderQuery(p)}`, signalled(signal)),
    natechScreening: (p: Parameters<typeof natechQuery>[0], signal?: AbortSignal) =>
      call<NatechScreening>(`/api/screening/natech?${natechQuery(p)}`, signalled(signal)),
  };
}
