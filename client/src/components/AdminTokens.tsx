// The API-token part of the admin dialog: every token (user, role, last use, revoked or not) with a
// Revoke action, and a form that creates one and shows its secret this once.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, User } from '../lib/admin-api.js';
import type { Api } from '../lib/api.js';
import type { Role } from '../lib/session.js';
import { ROLES } from './AdminUsers.js';
import { apiErrorText } from './admin-errors.js';
import { DataTable } from './DataTable.js';
import { ErrorNote } from './PanelHead.js';

interface Props {
  api: Api;
  users: User[];
  tokens: ApiToken[];
  onChanged(): void;
}

export function AdminTokens({ api, users, tokens, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const active = users.filter((u) => !u.disabled);
  const owner = username || active[0]?.username || '';
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    setCopied(false);
    void run(async () => {
      const r = await api.createToken({ username: owner, name: name.trim(), ...(role ? { role } : {}) });
      setCreated({ name: r.name, token: r.token });
      setName('');
    });
  };

  return (
    <section className="admin-section" aria-labelledby="admin-tokens-title" data-testid="admin-tokens">
      <h3 id="admin-tokens-title">{t('admin.tokens')}</h3>
      <ErrorNote message={error} />
      {created && (
        <div className="admin-secret" role="status" data-testid="new-token">
          <p>{t('admin.tokenOnce', { name: created.name })}</p>
          <input
            readOnly
            aria-label={t('admin.tokenValue')}
            value={created.token}
            onFocus={(e) => e.currentTarget.select()}
          />{' '}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(created.token).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t('admin.copied') : t('admin.copy')}
          </button>{' '}
          <button type="button" onClick={() => setCreated(null)}>
            {t('admin.done')}
          </button>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t('admin.noTokens')}</p>
      ) : (
        <DataTable
          className="admin-table"
          rows={tokens}
          rowKey={(tk) => tk.id}
          rowProps={(tk) => ({ className: tk.revokedAt ? 'muted' : undefined })}
          columns={[
            { id: 'name', header: t('admin.tokenName'), rowHeader: true, cell: (tk) => tk.name },
            { id: 'user', header: t('admin.username'), cell: (tk) => tk.username },
            { id: 'role', header: t('admin.role'), cell: (tk) => t(`auth.role.${tk.role}`) },
            { id: 'used', header: t('admin.lastUsed'), cell: (tk) => when(tk.lastUsedAt) },
            {
              id: 'state',
              header: t('admin.state'),
              cell: (tk) =>
                tk.revokedAt ? (
                  t('admin.revokedAt', { at: when(tk.revokedAt) })
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('admin.revokeNamed', { name: tk.name, username: tk.username })}
                    onClick={() => void run(() => api.revokeToken(tk.id))}
                  >
                    {t('admin.revoke')}
                  </button>
                ),
            },
          ]}
        />
      )}
      <form className="admin-form" onSubmit={create} aria-labelledby="admin-new-token">
        <h4 id="admin-new-token">{t('admin.createToken')}</h4>
        <label>
          <span>{t('admin.tokenUser')}</span>
          <select name="token-user" value={owner} onChange={(e) => setUsername(e.target.value)} required>
            {active.map((u) => (
              <option key={u.id} value={u.username}>
                {u.username}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.role')}</span>
          <select name="token-role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
            <option value="">{t('admin.usersRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('admin.tokenName')}</span>
          <input
            name="token-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || owner === ''}>
          {t('admin.create')}
        </button>
      </form>
    </section>
  );
}
