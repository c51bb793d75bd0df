// Header login/logout: the user and role when logged in, a small login form otherwise, and a clear
// prompt when the server refused a request (401: log in; 403: the role may not do this).
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissRefusal, login, logout, refreshSession, useSession } from '../lib/session.js';
import './auth.css';
import { ErrorNote } from './PanelHead.js';

export function AuthControls() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void refreshSession().catch(() => undefined);
  }, []);
  // A refused request opens the form for an anonymous user.
  useEffect(() => {
    if (session.refused === 401) setOpen(true);
  }, [session.refused]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      setPassword('');
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth" data-testid="auth">
      {session.user ? (
        <>
          <span className="auth-user" data-testid="auth-user">
            {t('auth.loggedInAs', {
              username: session.user.username,
              role: t(`auth.role.${session.user.role}`),
            })}
          </span>
          <button type="button" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </>
      ) : (
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="auth-open">
          {t('auth.login')}
        </button>
      )}
      {session.refused && (
        <p className="auth-refused error" role="alert">
          {session.refused === 401
            ? t('auth.needLogin')
            : t('auth.forbidden', { role: session.user ? t(`auth.role.${session.user.role}`) : '—' })}{' '}
          <button type="button" className="link" onClick={dismissRefusal}>
            {t('auth.dismiss')}
          </button>
        </p>
      )}
      {open && !session.user && (
        <form className="auth-form" onSubmit={(e) => void submit(e)} aria-label={t('auth.login')}>
          <label>
            {t('auth.username')}
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </label>
          <label>
            {t('auth.password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <ErrorNote message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.submit')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('auth.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
