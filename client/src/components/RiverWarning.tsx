// Warns when the receiving river typed in the site form is not a river of the network (the site would be
// placed on the nearest river instead), with the network's rivers of a similar name to choose from.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RiverCheck =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'unknown'; name: string; suggestions: string[] };

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function useRiverCheck(findRivers: ((q: string) => Promise<string[]>) | undefined) {
  const [state, setState] = useState<RiverCheck>({ kind: 'idle' });
  const last = useRef('');
  const check = useCallback(
    (name: string) => {
      const q = name.trim();
      if (!findRivers || q === last.current) return;
      last.current = q;
      if (q.length < 2) {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'checking' });
      // Also by the first letters: a misspelt or local name still finds the network's spelling.
      void Promise.all([findRivers(q), q.length > 4 ? findRivers(q.slice(0, 3)) : Promise.resolve([])])
        .then(([exact, near]) => {
          if (last.current !== q) return;
          if (exact.some((r) => fold(r) === fold(q))) setState({ kind: 'idle' });
          else
            setState({
              kind: 'unknown',
              name: q,
              suggestions: [...new Set([...exact, ...near])].slice(0, 5),
            });
        })
        .catch(() => setState({ kind: 'idle' }));
    },
    [findRivers],
  );
  const clear = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, check, clear };
}

export function RiverWarning({ state, onChoose }: { state: RiverCheck; onChoose(name: string): void }) {
  const { t } = useTranslation();
  if (state.kind === 'idle') return null;
  if (state.kind === 'checking')
    return (
      <p className="muted small" role="status">
        {t('form.riverChecking')}
      </p>
    );
  return (
    <div className="warning" role="alert" data-testid="river-warning">
      <p>{t('form.riverUnknown', { name: state.name })}</p>
      {state.suggestions.length > 0 && (
        <p>
          {t('form.riverSuggest')}{' '}
          {state.suggestions.map((s) => (
            <button key={s} type="button" className="link" onClick={() => onChoose(s)}>
              {s}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
