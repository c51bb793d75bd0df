// The users part of the admin dialog: every account with its role (changeable) and state (disable /
// enable), and a form to add one with a password and a role.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../lib/admin-api.js';
import type { Api } from '../lib/api.js';
import type { Role } from '../lib/session.js';
import { apiErrorText } from './admin-errors.js';
import { ErrorNote } from './PanelHead.js';

export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

interface Props {
  api: Api;
  users: User[];
  onChanged(): void;
}

export function AdminUsers({ api, users, onChanged }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');

  /** Runs a change; true when the server took it. */
  const run = async (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      onChanged();
      return true;
    } catch (e) {
      setError(apiErrorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const u = await api.createUser({ username: username.trim(), password, role });
      setUsername('');
      setPassword('');
      return t('admin.userAdded', { username: u.username, role: t(`auth.role.${u.role}`) });
    });
  };

  return (
    <section className="admin-section" aria-labelledby="admin-users-title" data-testid="admin-users">
      <h3 id="admin-users-title">{t('admin.users')}</h3>
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.state')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
              <th scope="row">{u.username}</th>
              <td>
                <RoleCell
                  key={u.role}
                  user={u}
                  busy={busy}
                  onSave={(next) =>
                    run(async () => {
                      await api.updateUser(u.id, { role: next });
                      return t('admin.roleChanged', { username: u.username, role: t(`auth.role.${next}`) });
                    })
                  }
                />
              </td>
              <td>
                {u.disabled ? t('admin.disabled') : t('admin.active')}{' '}
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t(u.disabled ? 'admin.enableNamed' : 'admin.disableNamed', {
                    username: u.username,
                  })}
                  onClick={() =>
                    void run(async () => {
                      await api.updateUser(u.id, { disabled: !u.disabled });
                      return t(u.disabled ? 'admin.enabledDone' : 'admin.disabledDone', {
                        username: u.username,
                      });
                    })
                  }
                >
                  {u.disabled ? t('admin.enable') : t('admin.disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={add} aria-labelledby="admin-add-user">
        <h4 id="admin-add-user">{t('admin.addUser')}</h4>
        <label>
          <span>{t('admin.username')}</span>
          <input
            name="new-username"
            autoComplete="off"
            required
            minLength={2}
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          <span>{t('admin.password')}</span>
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          <span>{t('admin.role')}</span>
          <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.add')}
        </button>
      </form>
      <p className="muted small">{t('admin.passwordHint')}</p>
    </section>
  );
}

/**
 * A user's role: chosen in the select, saved with its own button, so moving through the options with
 * the keyboard changes nothing until the admin confirms. A refused change shows the stored role again.
 */
function RoleCell({ user, busy, onSave }: { user: User; busy: boolean; onSave(r: Role): Promise<boolean> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Role>(user.role);
  return (
    <span className="admin-role">
      <select
        aria-label={t('admin.roleOf', { username: user.username })}
        value={draft}
        onChange={(e) => setDraft(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`auth.role.${r}`)}
          </option>
        ))}
      </select>
      {draft !== user.role && (
        <button
          type="button"
          disabled={busy}
          aria-label={t('admin.saveRoleOf', { username: user.username })}
          onClick={() => void onSave(draft).then((ok) => !ok && setDraft(user.role))}
        >
          {t('admin.saveRole')}
        </button>
      )}
    </span>
  );
}
