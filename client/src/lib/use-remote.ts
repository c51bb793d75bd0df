// One API answer kept in component state: loading, the data, or the server's message; the request is
// aborted when its parameters change, and optionally debounced so typing doesn't fire one per key.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';

export interface Remote<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** The `key` the data or error answers (null before the first answer): older answers stay shown. */
  answered: string | null;
}

/**
 * Calls `load` whenever `key` (which stands for everything `load` closes over) changes and `enabled`
 * holds, `delayMs` after the last change.
 */
export function useRemote<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  options: { enabled?: boolean; delayMs?: number } = {},
): Remote<T> {
  const { t } = useTranslation();
  const enabled = options.enabled ?? true;
  const delayMs = options.delayMs ?? 0;
  const [state, setState] = useState<Remote<T>>({
    data: null,
    loading: enabled,
    error: null,
    answered: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the parameters `load` closes over.
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setState((p) => ({ ...p, loading: true, error: null }));
      load(ctrl.signal).then(
        // A load that ignores the signal may still answer after its parameters changed: drop it.
        (data) => !ctrl.signal.aborted && setState({ data, loading: false, error: null, answered: key }),
        (e: unknown) => {
          if (!ctrl.signal.aborted)
            setState({
              data: null,
              loading: false,
              error: e instanceof ApiError ? e.message : t('errors.network'),
              answered: key,
            });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [enabled, key, delayMs, t]);
  return state;
}
